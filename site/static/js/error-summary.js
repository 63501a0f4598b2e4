// Moves the focus to the error summary after a failed submit, so keyboard and screen-reader
// users start where the problems are listed. Without JavaScript the summary is still the
// first thing in the form, and "Fehler:" leads the page title.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
