"""Open a report full of hostile text in headless Chromium and check that no script ran.

    .venv/bin/python tools/check_report_browser.py [--out DIR] [--screenshot build/report.html]

Needs Debian's ``chromium`` (``apt-get install chromium``). The documents and their
metadata carry ``<script>`` elements and ``onerror`` handlers that, if they ever ran,
would write a marker into the page (the marker is assembled at run time, so it is not
in the page source). Chromium loads the report, runs whatever it would run, and dumps
the live DOM: the check fails if a marker is there, or if the hostile text is not
visible as text. ``--screenshot REPORT`` instead takes a full-page picture of an
existing report (``REPORT`` + ``.png``) for a person to look at.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

import pidato

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<script>document.body.setAttribute('data-pwn', 'ran' + 'script')</script>",
    "<img src=x onerror=\"document.title = 'ran' + 'onerror'\">",
    "\"><svg onload=\"document.body.setAttribute('data-svg', 'ran' + 'svg')\">",
    "Dr. \"Budi\" O'Neil",
]
MARKERS = ("ranscript", "ranonerror", "ransvg")


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    return exe


def _run(args: list[str]) -> subprocess.CompletedProcess:
    base = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--virtual-time-budget=3000"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


def hostile_tagged() -> pd.DataFrame:
    rows = []
    for d in range(6):
        for i in range(4):
            p = PAYLOADS[(d + i) % len(PAYLOADS)]
            text = f"{p} Pungli harus diberantas dan pelayanan publik dipercepat."
            rows.append({"doc_id": f"doc{d} {PAYLOADS[d % len(PAYLOADS)]}", "passage_id": f"{d}-{i}",
                         "speaker": PAYLOADS[d % len(PAYLOADS)], "title": p, "date": f"{2020 + d % 3}-03-01",
                         "text": text, "start": 0, "end": len(text)})
    return pidato.tag(pd.DataFrame(rows))


def check(out: Path) -> int:
    report = out / "hostile_report.html"
    pidato.write_report(hostile_tagged(), report, by=["speaker", "year"], n_boot=100, n_perm=100, force=True)
    dom = _run(["--dump-dom", report.resolve().as_uri()])
    if dom.returncode != 0 or "<html" not in dom.stdout:
        print(dom.stderr[-2000:])
        raise SystemExit("chromium did not load the report")
    ran = [m for m in MARKERS if m in dom.stdout]
    visible = "&lt;script&gt;alert(1)&lt;/script&gt;" in dom.stdout
    print(f"report: {report} ({report.stat().st_size / 1e3:.0f} kB); live DOM {len(dom.stdout) / 1e3:.0f} kB")
    print(f"hostile strings shown as text: {visible}; script markers in the live DOM: {ran or 'none'}")
    if ran or not visible:
        print("FAILED: a script ran or the hostile text is missing")
        return 1
    print("no script ran")
    return 0


def screenshot(report: Path) -> int:
    png = report.with_name(report.name + ".png")
    shot = _run([f"--screenshot={png.resolve()}", "--window-size=1200,6000", report.resolve().as_uri()])
    if not png.exists():
        print(shot.stderr[-2000:])
        return 1
    print(f"wrote {png}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder for the hostile report (default: a temporary one)")
    ap.add_argument("--screenshot", type=Path, help="take a screenshot of this report instead")
    args = ap.parse_args()
    if args.screenshot:
        return screenshot(args.screenshot)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        return check(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        return check(Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
