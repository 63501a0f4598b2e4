// Document forms (upload, edit, the chooser's upload tab, the multiple upload): the title
// proposed from kind, event and date (documents/titles.py, in the title's data-title-proposals)
// replaces the file name Wagtail copies into the title, and follows the kind as long as nobody
// typed a title of their own. The server does the same when the form is sent; this only shows
// it before. Delegated, so it also works in forms that arrive later (modal, multiple upload).
(() => {
  const fileStem = (path) => (path.split(/[\\/]/).pop() || "").replace(/\.[^.]+$/, "");

  const partsOf = (element) => {
    const form = element.form;
    const title = form && form.querySelector("input[data-title-proposals]");
    if (!title) return null;
    return {
      title,
      proposals: JSON.parse(title.dataset.titleProposals),
      kind: form.querySelector("select[name$='kind']"),
      file: form.querySelector("input[type='file'][name$='file']"),
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

  document.addEventListener("change", (event) => {
    const parts = partsOf(event.target);
    if (!parts || !(event.target === parts.kind || event.target === parts.title)) return;
    const proposal = parts.proposals[parts.kind ? parts.kind.value : "other"];
    if (proposal && parts.title.value !== proposal && nobodyChose(parts)) {
      parts.title.value = proposal;
    }
  });
})();
