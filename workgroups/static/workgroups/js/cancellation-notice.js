// Event editor: the notice under "Status" saying whom a cancellation tells by e-mail
// (workgroups/panels.py, EventStatusPanel) shows while "abgesagt" is chosen.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || !select.id) return;
  const notice = document.querySelector(`[data-cancellation-notice-for="${select.id}"]`);
  if (notice) notice.hidden = select.value !== notice.dataset.cancelledValue;
});
