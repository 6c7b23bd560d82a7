// Every page: register the service worker, and hand it what this page needs offline. The page
// itself was fetched before the worker took control, so without this it would not be kept.
const OFFLINE_PAGES = ["/", "/history", "/exercises"];

function wanted() {
  const urls = new Set([location.pathname + location.search, ...OFFLINE_PAGES]);
  for (const el of document.querySelectorAll("img[src], link[rel=stylesheet][href], script[src]")) {
    urls.add(el.getAttribute("src") || el.getAttribute("href"));
  }
  for (const el of document.querySelectorAll("[data-offline-urls]")) {
    try { for (const url of JSON.parse(el.textContent)) urls.add(url); } catch { /* none */ }
  }
  return [...urls];
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  navigator.serviceWorker.ready.then((registration) => {
    const send = () => registration.active?.postMessage({ type: "cache", urls: wanted() });
    // after the page has settled, so it never competes with what the person is looking at
    if ("requestIdleCallback" in window) window.requestIdleCallback(send, { timeout: 3000 });
    else window.setTimeout(send, 1000);
  }).catch(() => {});
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "cached") document.documentElement.dataset.offlineReady = "true";
  });
}

// A page opened from the offline copy says so.
function drawOffline() {
  const note = document.getElementById("offline-banner");
  if (note) note.hidden = navigator.onLine || document.getElementById("offline-note") !== null;
}
window.addEventListener("offline", drawOffline);
window.addEventListener("online", drawOffline);
drawOffline();
