// The safety questions, one screen at a time. The server decides which screen comes next, stops
// at the first emergency answer, and runs the quick re-check (services.screening, as the
// terminal does); this only shows the screen and turns the reply into answer fields.
import { postJSON, messageOf } from "./api.js";

const $ = (id) => document.getElementById(id);
const recheck = $("wizard").dataset.recheck === "yes";
let answers = {};
let changed = null; // re-check: the screens ticked as changed in the summary
const before = []; // [answers, changed] as they were before each screen, for Back
let current = null;
const prior = {}; // screen id -> the input values last chosen there, shown again after Back

function input(type, name, value, label, checked) {
  const id = `${name}-${value}`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return `<label class="choice" for="${id}"><input type="${type}" id="${id}" name="${name}" value="${value}"${checked ? " checked" : ""}> <span>${label}</span></label>`;
}

function escapeHtml(text) {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML;
}

function body() {
  return recheck ? { answers, recheck: true, changed } : { answers };
}

function render(q, progress) {
  current = q;
  $("question-text").textContent = q.text;
  $("question-count").textContent = `Question ${before.length + 1}`;
  $("wizard-bar").style.width = `${progress}%`;
  $("back").disabled = before.length === 0;
  $("wizard-error").textContent = "";
  const name = q.id;
  let html = "";
  if (q.kind === "yes_no") {
    html = `<div class="choices inline">${input("radio", name, "yes", "Yes", false)}${input("radio", name, "no", "No", false)}</div>`;
  } else if (q.kind === "choice") {
    html = `<div class="choices">${q.options.map(([v, l]) => input("radio", name, v, escapeHtml(l), false)).join("")}</div>`;
  } else if (["many", "checklist", "summary"].includes(q.kind)) {
    const boxes = q.options.map(([v, l]) => input("checkbox", name, v, escapeHtml(l), false)).join("");
    html = `<div class="choices">${boxes}${input("checkbox", name, "__none__", "None of these", false)}</div>`;
  } else {
    html = `<label for="${name}-n" class="visually-hidden">${escapeHtml(q.text)}</label><input type="number" inputmode="numeric" id="${name}-n" name="${name}" min="${q.low}" max="${q.high}" required>`;
  }
  $("answer").innerHTML = html;
  for (const el of $("answer").querySelectorAll("input")) {
    const was = prior[name];
    if (was === undefined) continue;
    if (el.type === "number") el.value = was[0];
    else el.checked = was.includes(el.value);
  }
  const first = $("answer").querySelector("input:checked") || $("answer").querySelector("input");
  if (first && before.length) first.focus();
}

// Ticking "None of these" clears the other boxes, and the other way round.
$("answer").addEventListener("change", (event) => {
  const box = event.target;
  if (box.type !== "checkbox" || !box.checked) return;
  for (const other of $("answer").querySelectorAll("input[type=checkbox]")) {
    if (other !== box && (box.value === "__none__" || other.value === "__none__")) other.checked = false;
  }
});

// The reply as answer fields: {field: value, ...}, or {changed: [...]} for the summary.
function read() {
  const q = current;
  const form = $("wizard");
  if (["many", "checklist", "summary"].includes(q.kind)) {
    const ticked = [...form.querySelectorAll(`input[name="${q.id}"]:checked`)].map((el) => el.value);
    if (!ticked.length) throw new Error("Tick what applies, or tick None of these.");
    const picked = ticked.filter((v) => v !== "__none__");
    if (q.kind === "summary") return { changed: picked };
    if (q.kind === "many") return { fields: { [q.field]: picked } };
    const values = { ...q.defaults };
    for (const [token] of q.options) {
      if (!picked.includes(token)) continue;
      const [field, value] = token.split("=");
      values[field] = value === undefined ? true : value;
    }
    return { fields: values };
  }
  if (q.kind === "number") {
    const raw = form.querySelector(`input[name="${q.id}"]`).value.trim();
    const n = Number(raw);
    if (raw === "" || !Number.isInteger(n) || n < q.low || n > q.high) {
      throw new Error(`Type a whole number from ${q.low} to ${q.high}.`);
    }
    return { fields: { [q.field]: n } };
  }
  const picked = form.querySelector(`input[name="${q.id}"]:checked`);
  if (!picked) throw new Error("Choose an answer to go on.");
  return { fields: { [q.field]: q.kind === "yes_no" ? picked.value === "yes" : picked.value } };
}

async function advance() {
  const reply = await postJSON("/api/screening/next", body());
  if (reply.done) return finish();
  const total = reply.asked + reply.remaining_at_most;
  render(reply.question, Math.round((100 * reply.asked) / Math.max(total, 1)));
}

async function finish() {
  $("next").disabled = true;
  const result = await postJSON("/api/screenings", body());
  $("wizard").hidden = true;
  $("intro").hidden = true;
  $("wizard-progress").hidden = true;
  const box = $("result-box");
  const kinds = { emergency: "danger", see_doctor_soon: "warn", routine_review: "info", self_care_ok: "ok" };
  box.className = `notice ${kinds[result.urgency]}`;
  box.dataset.urgency = result.urgency;
  const title = {
    emergency: "Get help now",
    see_doctor_soon: "Please see a doctor",
    routine_review: "Gentle sessions, and book a check-up",
    self_care_ok: "You can start gently",
  }[result.urgency];
  box.innerHTML = `<strong>${title}</strong><p></p>`;
  box.querySelector("p").textContent = result.advice;
  $("result-reasons").innerHTML = result.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("");
  const actions = $("result-actions");
  if (["self_care_ok", "routine_review"].includes(result.urgency)) {
    actions.innerHTML = '<a class="button primary big" href="/conditions">Go on</a>';
  } else if (result.urgency === "see_doctor_soon") {
    actions.innerHTML = '<a class="button primary big" href="/">Go to the home page</a><a class="button big" href="/screening?full=1">Answer again</a>';
  } else {
    actions.innerHTML = '<a class="button big" href="/">Go to the home page</a>';
  }
  $("screening-title").textContent = "Your result";
  $("result").hidden = false;
  $("result").focus();
}

$("wizard").addEventListener("submit", async (event) => {
  event.preventDefault();
  let reply;
  try {
    reply = read();
  } catch (err) {
    $("wizard-error").textContent = err.message;
    return;
  }
  before.push([{ ...answers }, changed]);
  prior[current.id] = [...$("answer").querySelectorAll("input")]
    .filter((el) => el.type === "number" || el.checked)
    .map((el) => el.value);
  if (reply.changed) changed = reply.changed;
  else answers = { ...answers, ...reply.fields };
  try {
    await advance();
  } catch (err) {
    [answers, changed] = before.pop();
    $("wizard-error").textContent = messageOf(err);
  }
});

$("back").addEventListener("click", async () => {
  if (!before.length) return;
  const saved = [answers, changed];
  [answers, changed] = before.pop();
  try {
    const reply = await postJSON("/api/screening/next", body());
    const total = reply.asked + reply.remaining_at_most;
    render(reply.question, Math.round((100 * reply.asked) / Math.max(total, 1)));
  } catch (err) {
    before.push([answers, changed]);
    [answers, changed] = saved;
    $("wizard-error").textContent = messageOf(err);
  }
});

// The first screen came with the page (drawn by the server as render() draws it); show it
// from its data, so Next knows the question, and ask the server only if it is missing.
const firstScreen = $("first-screen");
const first = firstScreen ? JSON.parse(firstScreen.textContent) : null;
if (first && first.question) {
  render(first.question, 0);
} else {
  advance().catch((err) => { $("wizard-error").textContent = messageOf(err); });
}
