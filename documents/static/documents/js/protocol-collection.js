// Admin upload and edit forms of documents: choosing the kind "Protokoll" moves the collection
// to a protected one (members only) if an open one was selected. The server refuses an open
// collection for protocols anyway (documents/forms.py); this saves the editor the round trip.
// Delegated, so it also works in the page editor's upload dialog and the multiple upload.
document.addEventListener("change", (event) => {
  const kind = event.target;
  if (!(kind instanceof HTMLSelectElement) || !kind.dataset.protectedCollections) return;
  const collection = kind.form && kind.form.querySelector("select[name$='collection']");
  if (!collection) return;
  const protectedIds = JSON.parse(kind.dataset.protectedCollections);
  if (kind.value === kind.dataset.protectedKind && !protectedIds.includes(collection.value)) {
    collection.value = protectedIds[0] || collection.value;
    collection.dispatchEvent(new Event("change", { bubbles: true }));
  }
});
