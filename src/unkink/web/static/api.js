// A tiny JSON client for unkink's own API. Writes that fail while offline wait in
// localStorage and are sent, in order, when the network is back.
const QUEUE_KEY = "unkink.outbox";

function readQueue() {
  try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch { return []; }
}
function writeQueue(q) { localStorage.setItem(QUEUE_KEY, JSON.stringify(q)); }

export class ApiError extends Error {
  constructor(status, detail) {
    super(typeof detail === "string" ? detail : "The request was not accepted.");
    this.status = status;
    this.detail = detail;
  }
}

export async function request(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data && data.detail);
  return data;
}

export const getJSON = (path) => request("GET", path);
export const postJSON = (path, body) => request("POST", path, body ?? {});

// Fire-and-remember: for cue and event records that must reach the server eventually.
export async function send(path, body) {
  const q = readQueue();
  q.push({ path, body });
  writeQueue(q);
  await flush();
}

// One flush at a time; callers that arrive meanwhile wait for the same one, so after
// ``await flush()`` everything queued so far has been sent (or we are offline).
let flushing = null;
export function flush() {
  if (!flushing) flushing = drain().finally(() => { flushing = null; });
  return flushing;
}

// While the server answers 503 (its database is busy: another program holds the lock) the
// write stays first in the queue and is tried again, in order; a "unkink:saving" event says
// since when saving has been waiting (0: caught up), so a page can say so if it lasts.
let waitingSince = 0;
let retryTimer = null;
function saving(since) {
  if (since === waitingSince) return;
  waitingSince = since;
  window.dispatchEvent(new CustomEvent("unkink:saving", { detail: { waitingSince: since } }));
}

async function drain() {
  let q = readQueue();
  while (q.length) {
    try {
      await postJSON(q[0].path, q[0].body);
    } catch (err) {
      if (!(err instanceof ApiError)) return; // offline: keep it for later
      if (err.status >= 500) { // busy or unavailable: keep it, try again soon
        saving(waitingSince || Date.now());
        window.clearTimeout(retryTimer);
        retryTimer = window.setTimeout(flush, 1000);
        return;
      }
      // the server refused it (e.g. the session already ended): drop it
    }
    saving(0);
    q = readQueue();
    q.shift();
    writeQueue(q);
  }
}

window.addEventListener("online", () => { flush(); });

export function messageOf(err) {
  if (err instanceof ApiError) {
    if (Array.isArray(err.detail)) return err.detail.map((d) => d.msg).join(" ");
    return err.message;
  }
  return "unkink could not reach its server. Is `unkink serve` still running?";
}
