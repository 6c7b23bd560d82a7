// After a session: save "after" ratings and which stretch helped most, then show before → after.
import { postJSON, messageOf } from "./api.js";

const form = document.getElementById("after");
if (form) {
  const base = `/api/sessions/${form.dataset.session}`;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const stiffness = data.get("stiffness");
    const pain = data.get("pain");
    const helped = data.get("helped");
    try {
      if (form.dataset.running === "yes") {
        await postJSON(`${base}/finish`, { completed: false, reason: "quit" });
      }
      if (stiffness !== null || pain !== null) {
        await postJSON(`${base}/ratings`, {
          moment: "after",
          stiffness: stiffness === null ? null : Number(stiffness),
          pain: pain === null ? null : Number(pain),
        });
      }
      if (helped) await postJSON(`${base}/helped`, { exercise_id: helped });
      window.location.reload();
    } catch (err) {
      document.getElementById("after-error").textContent = messageOf(err);
    }
  });
}
