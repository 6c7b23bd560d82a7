// The guided player. The timeline comes from the server (the same one the CLI plays), with
// its rules: where each segment ends, where a skip lands and which cue follows it. This
// module only counts down, shows and speaks each cue, and reports what happens as it happens.
import { postJSON, send, flush, messageOf } from "./api.js";
import { chime, soundOn, setSound, unlock } from "./chime.js";

const $ = (id) => document.getElementById(id);
const data = JSON.parse($("session-data").textContent);
const base = `/api/sessions/${data.session_id}`;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

const timeline = data.timeline;
const segments = timeline.segments;
const cues = timeline.cues;
const totalS = timeline.total_s;
const names = data.names || {};
const items = [...new Set(segments.map((s) => s.item))];
const KIND_LABEL = data.labels || {};

const state = {
  position: Math.min(data.position_s || 0, totalS), // seconds into the timeline
  elapsed: data.elapsed_s || 0, // active seconds (pauses don't count)
  nextCue: 0, // the next cue not yet shown
  mode: "ready", // ready | playing | paused | done
  last: 0,
  timer: null,
  wakeLock: null,
  shownSegment: -1,
  voice: localStorage.getItem("unkink.voice") === "on",
};
const round = (x) => Math.round(x * 10) / 10;

function fmt(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function segmentAt(position) { // segments come in order, each with the server's end_s
  return segments.find((s) => position < s.end_s) || segments[segments.length - 1];
}

function setMode(mode) {
  state.mode = mode;
  document.querySelector(".player").dataset.state = mode;
  $("start").hidden = mode !== "ready";
  $("pause").hidden = mode !== "playing";
  $("resume").hidden = mode !== "paused";
  $("skip").disabled = mode === "ready" || mode === "done";
  $("before").hidden = mode !== "ready";
  if (mode !== "paused") $("resume-note").hidden = true;
  drawKind();
  if (mode === "playing") lockScreen(); else unlockScreen();
}

// The phase label: the cue's kind, or "Paused" while paused.
function drawKind() {
  const segment = segmentAt(state.position);
  let label = KIND_LABEL[segment.kind] || "";
  if (state.mode === "paused") label = "Paused";
  if (state.mode === "done") label = "Done";
  if ($("cue-kind").textContent !== label) $("cue-kind").textContent = label;
}

function announce(text) {
  const el = $("announcer");
  el.textContent = "";
  window.setTimeout(() => { el.textContent = text; }, 30); // repeats are announced too
  if (state.voice && "speechSynthesis" in window) {
    if (text.length > 2) window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.95;
    window.speechSynthesis.speak(u);
  }
}

function figureSrc(segment) {
  // A step shows its own pose moving into place (moving-N.svg, from where the step starts);
  // under reduced motion its still pose (step-N.svg). Get ready, "next up" and side switches
  // preview the whole movement (animated.svg), or hold still on the first step.
  const side = segment.side ? `?side=${segment.side}` : "";
  const index = Math.max(0, (segment.step || 1) - 1);
  if (reducedMotion) return `/figures/${segment.exercise}/step-${index}.svg${side}`;
  if (segment.step) return `/figures/${segment.exercise}/moving-${index}.svg${side}`;
  return `/figures/${segment.exercise}/animated.svg${side}`;
}

function shownFigureSrc(segment) {
  // Chromium keeps one running animation per image address: a step's moving figure shown
  // again (the next rep) would stay at its end pose. A query per showing makes it a new
  // image, so the movement starts with the step; the service worker caches it without it.
  const src = figureSrc(segment);
  if (!src.includes("/moving-")) return src;
  return `${src}${src.includes("?") ? "&" : "?"}shown=${segment.n}`;
}

function showSegment(segment) {
  if (state.shownSegment === segment.n) return;
  if (state.shownSegment !== -1 && state.mode === "playing") {
    chime(segment.kind === "side_switch" ? "switch" : "step");
  }
  state.shownSegment = segment.n;
  const name = names[segment.exercise] || "";
  drawKind();
  $("exercise-name").textContent = name;
  $("cue-text").textContent = segment.text;
  $("cue-text").dataset.segment = String(segment.n);
  const following = segments[segment.n + 1];
  // one short line: the next stretch's name, or the next step within this one
  const nextText = !following
    ? "This is the last step."
    : `Next: ${following.item !== segment.item ? names[following.exercise] || following.text : following.text}`;
  $("next").textContent = nextText;
  $("next").title = nextText;
  $("progress-text").textContent = `Stretch ${items.indexOf(segment.item) + 1} of ${items.length}`;
  const img = $("figure");
  const src = shownFigureSrc(segment);
  if (!img.hidden && img.getAttribute("src") !== src) {
    img.src = src;
    img.alt = `Drawing of ${name}: ${segment.text}`;
  }
}

function drawTime() {
  const segment = segmentAt(state.position);
  showSegment(segment);
  const left = state.mode === "done" ? 0 : segment.end_s - state.position;
  const shown = String(Math.max(0, Math.ceil(left - 1e-6)));
  if ($("seconds").textContent !== shown) {
    $("seconds").textContent = shown;
    $("seconds").dataset.len = String(shown.length);
  }
  $("ring-fill").style.strokeDashoffset = String(100 - (100 * left) / segment.duration_s);
  $("progress-bar").style.width = `${Math.min(100, (100 * state.position) / totalS)}%`;
  $("time-left").textContent = `${fmt(totalS - state.position)} left`;
}

function fireDueCues() {
  while (state.nextCue < cues.length && cues[state.nextCue].planned_s <= state.position + 1e-6) {
    const cue = cues[state.nextCue];
    state.nextCue += 1;
    // store first, then show: send() puts the cue in the outbox (localStorage) before it is
    // announced, so a closed tab sends it on the next visit. position_s: the timeline offset
    // when shown (as the terminal stores it)
    send(`${base}/cues`, { index: cue.n, position_s: round(state.position), elapsed_s: round(state.elapsed) });
    const name = names[cue.exercise] || "";
    const text = cue.cue === "countdown" || cue.cue === "done" || !name ? cue.text : `${name}. ${cue.text}`;
    announce(cue.hold_s ? `${text} Hold for ${cue.hold_s} seconds.` : text);
    if (cue.cue === "done") { finish(); return; }
  }
}

function tick() {
  if (state.mode !== "playing") return;
  const now = performance.now();
  const dt = Math.max(0, (now - state.last) / 1000);
  state.last = now;
  state.position = Math.min(totalS, state.position + dt);
  state.elapsed += dt;
  fireDueCues();
  if (state.mode === "playing") drawTime();
}

function play() {
  state.last = performance.now();
  setMode("playing");
  window.clearInterval(state.timer);
  state.timer = window.setInterval(tick, 200);
}

function start() {
  unlock(); // a tap: the browser lets sound start now
  const form = new FormData($("before"));
  const stiffness = form.get("stiffness");
  const pain = form.get("pain");
  if (stiffness !== null || pain !== null) {
    send(`${base}/ratings`, {
      moment: "before",
      stiffness: stiffness === null ? null : Number(stiffness),
      pain: pain === null ? null : Number(pain),
    });
  }
  play();
  chime("step");
  fireDueCues();
  drawTime();
}

function event(kind) {
  send(`${base}/events`, { kind, position_s: round(state.position), elapsed_s: round(state.elapsed) });
}

function pause() {
  tick();
  if (state.mode !== "playing") return;
  window.clearInterval(state.timer);
  setMode("paused");
  event("pause");
  announce("Paused.");
}

let reopened = false; // set when the page opened on a session already under way

function resume() {
  unlock();
  event(reopened ? "resume_session" : "resume");
  reopened = false;
  play();
  announce("Go on.");
}

function skip() {
  if (state.mode !== "playing" && state.mode !== "paused") return;
  tick();
  const segment = segmentAt(state.position);
  event("skip");
  state.position = segment.skip_exercise_to_s; // the server's rule (SessionRun.skip_exercise)
  state.nextCue = Math.max(state.nextCue, segment.skip_exercise_cue);
  if (state.mode === "paused") play();
  fireDueCues();
  if (state.mode === "playing") drawTime();
}

async function finish() {
  window.clearInterval(state.timer);
  state.position = totalS;
  setMode("done");
  drawTime();
  chime("done");
  $("cue-text").textContent = "Well done. That is the end of your routine.";
  $("next").textContent = "";
  try {
    await flush();
    await postJSON(`${base}/finish`, { position_s: totalS, elapsed_s: round(state.elapsed) });
  } catch { /* offline: the After page finishes it */ }
  window.location.assign(`/session/${data.session_id}/after`);
}

// --- wake lock: keep the screen on while a session plays
async function lockScreen() {
  if (!("wakeLock" in navigator) || state.wakeLock) return;
  try {
    state.wakeLock = await navigator.wakeLock.request("screen");
    state.wakeLock.addEventListener("release", () => { state.wakeLock = null; });
  } catch { /* not allowed (battery saver, hidden tab): fine */ }
}
function unlockScreen() {
  if (state.wakeLock) state.wakeLock.release().catch(() => {});
  state.wakeLock = null;
}
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && state.mode === "playing") lockScreen();
});

// --- voice
function drawVoice() {
  $("voice").setAttribute("aria-pressed", String(state.voice));
  $("voice").textContent = state.voice ? "Voice: on" : "Voice: off";
}
function toggleVoice() {
  state.voice = !state.voice;
  localStorage.setItem("unkink.voice", state.voice ? "on" : "off");
  if (!state.voice && "speechSynthesis" in window) window.speechSynthesis.cancel();
  drawVoice();
}
if (!("speechSynthesis" in window)) {
  $("voice").disabled = true;
  $("voice").title = "This browser cannot read aloud.";
}

// --- chimes
function drawSound() {
  const on = soundOn();
  $("sound").setAttribute("aria-pressed", String(on));
  $("sound").textContent = on ? "Sound: on" : "Sound: off";
}
function toggleSound() {
  setSound(!soundOn());
  drawSound();
}

// --- "This hurts"
const dialog = $("hurts-dialog");
let pausedForHurt = false;
let opener = null; // the button that opened the dialog gets the focus back
function openHurts() {
  opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement : $("hurts");
  pausedForHurt = state.mode === "playing";
  if (pausedForHurt) pause();
  $("hurts-form").hidden = false;
  $("hurts-decision").hidden = true;
  $("hurts-error").textContent = "";
  dialog.showModal();
}
function closeHurts({ carryOn }) {
  dialog.close();
  if (carryOn && pausedForHurt && state.mode === "paused") resume();
  pausedForHurt = false;
}
// Escape means "Back to the session", as the button does (unless the session was stopped).
// After a decision it means the gentlest choice shown: carry on, else skip this stretch.
dialog.addEventListener("cancel", (event) => {
  event.preventDefault();
  const decided = !$("hurts-decision").hidden;
  if (decided && $("decision-resume").hidden && !$("decision-skip").hidden) {
    closeHurts({ carryOn: false });
    skip();
  } else {
    closeHurts({ carryOn: !decided || !$("decision-resume").hidden });
  }
});
dialog.addEventListener("close", () => {
  const target = opener && opener.isConnected && !opener.disabled && !opener.hidden ? opener : null;
  if (target) target.focus(); else focusMain();
  opener = null;
});
$("hurts-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData($("hurts-form"));
  if (form.get("score") === null) {
    $("hurts-error").textContent = "Choose a number from 0 to 10 first.";
    return;
  }
  const body = {
    score: Number(form.get("score")),
    exercise_id: segmentAt(state.position).exercise,
    elapsed_s: round(state.elapsed),
  };
  for (const el of $("hurts-form").querySelectorAll("input[type=checkbox]")) body[el.name] = el.checked;
  try {
    const decision = await postJSON(`${base}/pain`, body);
    $("hurts-form").hidden = true;
    $("hurts-decision").hidden = false;
    $("decision-text").textContent = decision.message;
    $("decision-text").className = `notice ${decision.rescreen ? "danger" : "warn"}`;
    const stopSession = decision.ended; // the server ended the session
    $("decision-resume").hidden = stopSession || decision.skip_exercise;
    $("decision-skip").hidden = stopSession;
    $("decision-rescreen").hidden = !stopSession;
    if (stopSession) {
      window.clearInterval(state.timer);
      setMode("done");
      $("skip").disabled = true;
      $("hurts").disabled = true;
      $("resume").hidden = true;
    }
    ($("decision-resume").hidden ? $("decision-text") : $("decision-resume")).focus();
  } catch (err) {
    $("hurts-error").textContent = messageOf(err);
  }
});
$("hurts-cancel").addEventListener("click", () => closeHurts({ carryOn: true }));
$("decision-resume").addEventListener("click", () => closeHurts({ carryOn: true }));
$("decision-skip").addEventListener("click", () => { closeHurts({ carryOn: false }); skip(); });

// --- controls and keys
$("start").addEventListener("click", start);
$("pause").addEventListener("click", pause);
$("resume").addEventListener("click", resume);
$("skip").addEventListener("click", skip);
$("hurts").addEventListener("click", openHurts);
$("voice").addEventListener("click", toggleVoice);
$("sound").addEventListener("click", toggleSound);

function focusMain() {
  const visible = ["pause", "resume", "start"].map($).find((b) => !b.hidden);
  if (visible) visible.focus();
}
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
  const tag = event.target.tagName;
  const inControl = tag === "BUTTON" || tag === "INPUT" || tag === "A" || tag === "SUMMARY";
  const key = event.key.toLowerCase();
  if ((key === " " || key === "k") && !(inControl && key === " ")) {
    event.preventDefault();
    if (state.mode === "ready") start();
    else if (state.mode === "playing") pause();
    else if (state.mode === "paused") resume();
    focusMain();
  } else if (key === "n" || key === "arrowright") {
    if (tag === "INPUT") return;
    event.preventDefault();
    skip();
  } else if (key === "h") {
    event.preventDefault();
    openHurts();
  } else if (key === "v") {
    toggleVoice();
  } else if (key === "m") {
    toggleSound();
  }
});
for (const id of ["start", "pause", "resume"]) {
  $(id).addEventListener("click", () => window.setTimeout(focusMain, 0));
}

// saving that waits (the database is busy) is mentioned only once it has lasted a few seconds
let savingTimer = null;
window.addEventListener("unkink:saving", (event) => {
  window.clearTimeout(savingTimer);
  if (!event.detail.waitingSince) { $("saving-note").hidden = true; return; }
  savingTimer = window.setTimeout(() => { $("saving-note").hidden = false; }, 4000);
});
window.addEventListener("offline", () => { $("offline-note").hidden = false; });
window.addEventListener("online", () => { $("offline-note").hidden = true; flush(); });

// --- first draw: a fresh session waits for Start; a running one resumes paused where it was
// (the server drew the same state, so nothing moves)
drawVoice();
drawSound();
if (!navigator.onLine) $("offline-note").hidden = false;
if (data.status !== "running") {
  window.location.replace(`/session/${data.session_id}/after`);
} else if (state.position > 0 || state.elapsed > 0) {
  state.nextCue = data.cue_index; // the server's resume point: the first cue of the step
  reopened = true;
  setMode("paused");
  drawTime();
  $("resume-note").hidden = false;
} else {
  setMode("ready");
  drawTime();
}
document.body.dataset.ready = "true";
performance.mark("unkink:first-cue"); // the first cue is on screen (bench/web_player.py)
flush();

// --- offline: ask the service worker to keep this routine's figures and the closing page
if ("serviceWorker" in navigator && !$("figure").hidden) {
  const urls = [...new Set(segments.map(figureSrc)), `/session/${data.session_id}/after`];
  navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: "cache", urls }))
    .catch(() => {});
}
