"""Lighthouse scores of every page, mobile and desktop, against Debian's Chromium.

Serves unkink on loopback with a fresh database (screened, one session started), then runs
the ``lighthouse`` command (npm, see scripts/install-system) on each page and form factor:

    .venv/bin/python bench/lighthouse.py [--runs 1] [--pages home,player]

Prints the four category scores (performance, accessibility, best practices, SEO) and CLS;
the target is 98 or more everywhere and CLS at most 0.02 (docs/web.md records a run).
Not a test: performance depends on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from player_shots import _prepare, _serve  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME = "/usr/bin/chromium"


def run_lighthouse(url: str, *, desktop: bool, out: Path) -> dict[str, float]:
    command = [
        shutil.which("lighthouse") or "lighthouse",
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300)
    report = json.loads(out.read_text("utf-8"))
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        scores[audit] = report["audits"][audit]["numericValue"]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pages", default="", help="comma-separated names (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url, server = _serve(Path(folder))
        try:
            _prepare(url)
            import httpx

            plan = {"area": "lower", "where": "floor", "minutes": 5}
            done = httpx.post(f"{url}/api/sessions", json=plan).json()["id"]
            httpx.post(f"{url}/api/sessions/{done}/finish", json={"elapsed_s": 60})
            session = httpx.post(f"{url}/api/sessions", json=plan).json()["id"]
            pages = {
                "home": "/",
                "welcome": "/welcome",
                "screening": "/screening",
                "conditions": "/conditions",
                "exercises": "/exercises",
                "plan": "/plan?area=lower&where=floor&minutes=5",
                "player": f"/session/{session}",
                "after": f"/session/{done}/after",
                "history": "/history",
                "cracks": "/cracks",
                "insights": "/insights",
                "measures": "/measures",
                "summary": "/summary",
            }
            chosen = [n for n in args.pages.split(",") if n]
            unknown = sorted(set(chosen) - set(pages))
            if unknown:
                parser.error(f"no page named {', '.join(unknown)}; pages: {', '.join(pages)}")
            pages = {n: p for n, p in pages.items() if not chosen or n in chosen}
            print(
                f"{'page':10} {'form':8} "
                + " ".join(f"{c[:13]:>13}" for c in CATEGORIES)
                + "    CLS"
            )
            for name, path in pages.items():
                for desktop in (False, True):
                    runs = [
                        run_lighthouse(url + path, desktop=desktop, out=Path(folder) / "lh.json")
                        for _ in range(args.runs)
                    ]
                    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                    form = "desktop" if desktop else "mobile"
                    cells = " ".join(f"{med[c]:>13.0f}" for c in CATEGORIES)
                    timing = (
                        f"FCP {med['first-contentful-paint']:.0f} ms, LCP "
                        f"{med['largest-contentful-paint']:.0f} ms, "
                        f"TBT {med['total-blocking-time']:.0f} ms"
                    )
                    print(f"{name:10} {form:8} {cells} {med['cls']:6.3f}  {timing}", flush=True)
        finally:
            server.should_exit = True


if __name__ == "__main__":
    main()
