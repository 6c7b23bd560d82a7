// Optional conditions: send the ticked ones with their details; the server checks each one.
import { postJSON, messageOf } from "./api.js";

const form = document.getElementById("conditions");
const error = document.getElementById("conditions-error");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const conditions = [];
  for (const box of form.querySelectorAll('input[name="code"]:checked')) {
    const entry = { code: box.value };
    for (const el of form.querySelectorAll(`[name^="${box.value}."]`)) {
      const key = el.name.split(".")[1];
      if (el.type === "checkbox") entry[key] = el.checked;
      else if (el.type === "text") { if (el.value.trim()) entry[key] = el.value.trim(); }
      else if (el.value !== "") entry[key] = el.tagName === "SELECT" ? el.value : Number(el.value);
    }
    conditions.push(entry);
  }
  try {
    await postJSON("/api/conditions", { conditions });
    window.location.assign("/plan");
  } catch (err) {
    error.textContent = messageOf(err);
  }
});
