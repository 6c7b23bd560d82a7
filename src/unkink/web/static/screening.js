// The safety questions, one per screen. The server decides which question comes next (the
// skip rules live in unkink.domain.safety.questions) and screens the answers; this only asks.
import { postJSON, messageOf } from "./api.js";

const $ = (id) => document.getElementById(id);
const answers = {};
const history = []; // fields in the order they were answered, for Back
let current = null;

function input(type, name, value, label, checked) {
  const id = `${name}-${value}`;
  return `<label class="choice" for="${id}"><input type="${type}" id="${id}" name="${name}" value="${value}"${checked ? " checked" : ""}> <span>${label}</span></label>`;
}

function escapeHtml(text) {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML;
}

function render(q, progress) {
  current = q;
  $("question-text").textContent = q.text;
  $("question-count").textContent = `Question ${history.length + 1}`;
  $("wizard-bar").style.width = `${progress}%`;
  $("back").disabled = history.length === 0;
  $("wizard-error").textContent = "";
  const prior = answers[q.field];
  let html = "";
  if (q.kind === "yes_no") {
    html = `<div class="choices inline">${input("radio", q.field, "yes", "Yes", prior === true)}${input("radio", q.field, "no", "No", prior === false)}</div>`;
  } else if (q.kind === "choice") {
    html = `<div class="choices">${q.options.map(([v, l]) => input("radio", q.field, v, escapeHtml(l), prior === v)).join("")}</div>`;
  } else if (q.kind === "many") {
    html = `<div class="choices">${q.options.map(([v, l]) => input("checkbox", q.field, v, escapeHtml(l), Array.isArray(prior) && prior.includes(v))).join("")}</div>`;
  } else {
    html = `<label for="${q.field}-n" class="visually-hidden">${escapeHtml(q.text)}</label><input type="number" inputmode="numeric" id="${q.field}-n" name="${q.field}" min="${q.low}" max="${q.high}" value="${prior ?? ""}" required>`;
  }
  $("answer").innerHTML = html;
  const first = $("answer").querySelector("input:checked") || $("answer").querySelector("input");
  if (first && history.length) first.focus();
}

function read() {
  const q = current;
  const form = $("wizard");
  if (q.kind === "many") {
    return [...form.querySelectorAll(`input[name="${q.field}"]:checked`)].map((el) => el.value);
  }
  if (q.kind === "number") {
    const raw = form.querySelector(`input[name="${q.field}"]`).value.trim();
    const n = Number(raw);
    if (raw === "" || !Number.isInteger(n) || n < q.low || n > q.high) {
      throw new Error(`Type a whole number from ${q.low} to ${q.high}.`);
    }
    return n;
  }
  const picked = form.querySelector(`input[name="${q.field}"]:checked`);
  if (!picked) throw new Error("Choose an answer to go on.");
  if (q.kind === "yes_no") return picked.value === "yes";
  return picked.value;
}

async function advance() {
  const reply = await postJSON("/api/screening/next", { answers });
  if (reply.done) return finish();
  const total = reply.asked + reply.remaining_at_most;
  render(reply.question, Math.round((100 * reply.asked) / Math.max(total, 1)));
}

async function finish() {
  $("next").disabled = true;
  const result = await postJSON("/api/screenings", { answers });
  $("wizard").hidden = true;
  $("intro").hidden = true;
  $("wizard-progress").hidden = true;
  const box = $("result-box");
  const kind = { emergency: "danger", see_doctor_soon: "warn", self_care_ok: "ok" }[result.urgency];
  box.className = `notice ${kind}`;
  box.dataset.urgency = result.urgency;
  const title = {
    emergency: "Get help now",
    see_doctor_soon: "Please see a doctor",
    self_care_ok: "You can start gently",
  }[result.urgency];
  box.innerHTML = `<strong>${title}</strong><p></p>`;
  box.querySelector("p").textContent = result.advice;
  $("result-reasons").innerHTML = result.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("");
  const actions = $("result-actions");
  if (result.urgency === "self_care_ok") {
    actions.innerHTML = '<a class="button primary big" href="/conditions">Go on</a>';
  } else if (result.urgency === "see_doctor_soon") {
    actions.innerHTML = '<a class="button primary big" href="/">Go to the home page</a><a class="button big" href="/screening">Answer again</a>';
  } else {
    actions.innerHTML = '<a class="button big" href="/">Go to the home page</a>';
  }
  $("screening-title").textContent = "Your result";
  $("result").hidden = false;
  $("result").focus();
}

$("wizard").addEventListener("submit", async (event) => {
  event.preventDefault();
  let value;
  try {
    value = read();
  } catch (err) {
    $("wizard-error").textContent = err.message;
    return;
  }
  answers[current.field] = value;
  history.push(current.field);
  try {
    await advance();
  } catch (err) {
    history.pop();
    $("wizard-error").textContent = messageOf(err);
  }
});

$("back").addEventListener("click", async () => {
  const field = history.pop();
  if (field === undefined) return;
  const keep = answers[field];
  // answers after this one may no longer apply: forget them
  for (const key of Object.keys(answers)) if (!history.includes(key)) delete answers[key];
  try {
    const reply = await postJSON("/api/screening/next", { answers });
    answers[field] = keep; // shown again as the chosen answer
    const total = reply.asked + reply.remaining_at_most;
    render(reply.question, Math.round((100 * reply.asked) / Math.max(total, 1)));
  } catch (err) {
    history.push(field);
    answers[field] = keep;
    $("wizard-error").textContent = messageOf(err);
  }
});

advance().catch((err) => { $("wizard-error").textContent = messageOf(err); });
