// Buttons that post to the API and then go to another page: <button data-post=... data-then=...>.
// One listener on the document, so buttons put on the page later (a refreshed plan) work too.
import { postJSON, messageOf } from "./api.js";

document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-post]") : null;
  if (!button || button.disabled) return;
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

// Forms that show a result for their choices refresh that result in place as soon as a choice
// changes: the page is fetched and only [data-result] is swapped, so nothing jumps to the top.
for (const form of document.querySelectorAll("form[data-autosubmit]")) {
  const refresh = async () => {
    const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
    const target = document.querySelector("[data-result]");
    if (!target) { window.location.assign(url); return; }
    target.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(String(response.status));
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-result]");
      if (!fresh) throw new Error("no result");
      target.replaceChildren(...fresh.childNodes);
      window.history.replaceState(null, "", url);
    } catch {
      window.location.assign(url); // offline or odd: the ordinary way
    } finally {
      target.removeAttribute("aria-busy");
    }
  };
  // A choice the person makes once and unkink keeps (where they stretch): saved, then shown.
  form.addEventListener("change", async (event) => {
    const input = event.target instanceof HTMLInputElement ? event.target : null;
    const remember = input && input.closest("[data-remember]");
    if (remember) await postJSON(remember.dataset.remember, { [input.name]: input.value }).catch(() => {});
    refresh();
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
}
