// Soft chimes made in the browser with the Web Audio API: no sound files, nothing to download,
// works offline. "step" at each new step, "switch" for "change sides", "done" at the end.
// On by default; the choice is remembered in localStorage ("unkink.sound").
const KEY = "unkink.sound";
// Notes (Hz) and their start times (s): a single bell, a rising pair, a closing chord.
const TUNES = {
  step: [[659.25, 0]],
  switch: [[523.25, 0], [783.99, 0.18]],
  done: [[523.25, 0], [659.25, 0.16], [783.99, 0.32], [1046.5, 0.48]],
};

let context = null;

export function soundOn() {
  return localStorage.getItem(KEY) !== "off";
}

export function setSound(on) {
  localStorage.setItem(KEY, on ? "on" : "off");
  if (on) unlock();
}

// Browsers start audio only after a tap or a key: call this from a click handler.
export function unlock() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!context) context = new Context();
    if (context.state === "suspended") context.resume().catch(() => {});
  } catch { context = null; }
}

function bell(frequency, at, length) {
  const osc = context.createOscillator();
  const overtone = context.createOscillator();
  const gain = context.createGain();
  osc.type = "sine";
  overtone.type = "sine";
  osc.frequency.value = frequency;
  overtone.frequency.value = frequency * 2.01;
  const soft = context.createGain();
  soft.gain.value = 0.18;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.22, at + 0.012);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  osc.connect(gain);
  overtone.connect(soft).connect(gain);
  gain.connect(context.destination);
  for (const o of [osc, overtone]) { o.start(at); o.stop(at + length + 0.05); }
}

export function chime(kind) {
  if (!soundOn()) return;
  document.body.dataset.lastChime = kind; // what the browser tests check
  unlock();
  if (!context || context.state !== "running") return;
  const now = context.currentTime + 0.01;
  const notes = TUNES[kind] || TUNES.step;
  for (const [frequency, offset] of notes) bell(frequency, now + offset, kind === "done" ? 1.6 : 1.1);
}
