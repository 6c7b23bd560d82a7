// Buttons that post to the API and then go to another page: <button data-post=... data-then=...>.
import { postJSON, messageOf } from "./api.js";

for (const button of document.querySelectorAll("button[data-post]")) {
  button.addEventListener("click", async () => {
    const error = button.closest("section")?.querySelector("[data-error]") || document.querySelector("[data-error]");
    button.disabled = true;
    try {
      const body = button.dataset.body ? JSON.parse(button.dataset.body) : {};
      const reply = await postJSON(button.dataset.post, body);
      const then = button.dataset.then || (reply && reply.url);
      if (then) window.location.assign(then.replace("{id}", reply && reply.id));
    } catch (err) {
      if (error) error.textContent = messageOf(err);
      button.disabled = false;
    }
  });
}

// Forms that show a result for their choices refresh as soon as a choice changes.
for (const form of document.querySelectorAll("form[data-autosubmit]")) {
  form.addEventListener("change", () => form.requestSubmit());
}
