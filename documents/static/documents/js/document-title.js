// Document forms (upload, edit, the chooser's upload tab, the multiple upload): the title
// proposed from kind, event and date (documents/titles.py, in the title's data-title-proposals)
// takes the place of the file name Wagtail copies into an empty title, and follows the kind as
// long as nobody typed a title of their own. The server does the same when the form is sent;
// this only shows it before. Delegated, so it also works in forms that arrive later (the
// chooser's modal, the multiple upload).
(() => {
  const fileStem = (path) => (path.split(/[\\/]/).pop() || "").replace(/\.[^.]+$/, "");

  const partsOf = (form) => {
    const title = form && form.querySelector("input[data-title-proposals]");
    if (!title) return null;
    const kind = form.querySelector("select[name$='kind']");
    const proposals = JSON.parse(title.dataset.titleProposals);
    return {
      title,
      kind,
      file: form.querySelector("input[type='file'][name$='file']"),
      proposals,
      proposal: proposals[kind ? kind.value : "other"],
    };
  };

  const nobodyChose = ({ title, proposals, file }) => {
    const value = title.value.trim();
    return (
      value === "" ||
      Object.values(proposals).includes(value) ||
      (file !== null && file.value !== "" && value === fileStem(file.value))
    );
  };

  // Wagtail fills an empty title from the chosen file's name through this event.
  document.addEventListener("wagtail:documents-upload", (event) => {
    const parts = partsOf(event.target);
    if (parts && parts.proposal) event.detail.data.title = parts.proposal;
  });

  document.addEventListener("change", (event) => {
    const parts = partsOf(event.target.form);
    if (!parts || !(event.target === parts.kind || event.target === parts.title)) return;
    if (parts.proposal && parts.title.value !== parts.proposal && nobodyChose(parts)) {
      parts.title.value = parts.proposal;
    }
  });
})();
