// One tap logs a crack; the server judges the pattern (unkink.domain.safety.cracks) and replies.
import { postJSON, messageOf } from "./api.js";

const button = document.getElementById("log-crack");
const result = document.getElementById("crack-result");

button.addEventListener("click", async () => {
  const where = document.querySelector('input[name="where"]:checked');
  const at = document.getElementById("crack-at").value;
  const body = {};
  if (where) body.where = where.value;
  if (at) body.at = at.length === 16 ? `${at}:00` : at;
  button.disabled = true;
  try {
    const reply = await postJSON("/api/cracks", body);
    result.textContent = reply.neck_warning ? `Logged. ${reply.neck_warning}` : "Logged. Thank you.";
    result.className = reply.neck_warning ? "notice danger" : "notice ok";
    const status = await fetch("/cracks/status", { headers: { Accept: "text/html" } });
    if (status.ok) document.getElementById("crack-status-body").innerHTML = await status.text();
  } catch (err) {
    result.textContent = messageOf(err);
    result.className = "notice danger";
  } finally {
    button.disabled = false;
  }
});
