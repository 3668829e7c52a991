"""Pathological inputs finish in linear time: each stage at size n and 4n.

    .venv/bin/python benchmarks/pathological.py [--scale 1.0]

For every input the script times the full passage pipeline (boilerplate,
paragraphs, sentences, quotes, tokens) at n and 4n and prints the ratio
t(4n) / t(n): about 4 is linear, about 16 would be quadratic. The baseline is the
same pipeline on ordinary prose of the same length, measured in the same run.
Inputs at full size: 100k periods, 100k opening quotes, a 1 MB token, 10 MB of
one paragraph.
"""

from __future__ import annotations

import argparse
import time

import pidato

PROSE = "Birokrasi harus bersih dan melayani, kata Dr. Basseng., M.Ed kepada peserta. "


def cases(scale: float) -> dict[str, tuple[int, callable]]:
    return {
        "prose (baseline)": (int(1_000_000 * scale), lambda n: (PROSE * (n // len(PROSE) + 1))[:n]),
        "100k periods": (int(100_000 * scale), lambda n: "." * n),
        "100k periods, spaced": (int(100_000 * scale), lambda n: ". " * (n // 2)),
        "100k opening quotes": (int(100_000 * scale), lambda n: "“" * n),
        "100k opening quotes, spaced": (int(100_000 * scale), lambda n: "“a " * (n // 3)),
        "1 MB token": (int(1_000_000 * scale), lambda n: "a" * n),
        "1 MB token of a.b.c": (int(1_000_000 * scale), lambda n: ("a." * (n // 2))),
        "10 MB one paragraph": (int(10_000_000 * scale), lambda n: (PROSE * (n // len(PROSE) + 1))[:n]),
    }


def timed(text: str) -> float:
    """Best of three runs (one for inputs over 2 MB), to damp noise from other work."""
    best = float("inf")
    for _ in range(1 if len(text) > 2_000_000 else 3):
        t0 = time.perf_counter()
        pidato.text.passages_of(text)
        pidato.tokenize(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    args = ap.parse_args()
    pidato.text.passages_of("Pemanasan oleh Dr. Ahmad. Selesai.")  # load Punkt once, outside the timings
    print(f"{'input':30s} {'n/4':>10s} {'t(n/4) s':>9s} {'n':>10s} {'t(n) s':>9s} {'ratio':>6s}")
    for name, (n, make) in cases(args.scale).items():
        small, big = make(n // 4), make(n)
        ts, tb = timed(small), timed(big)
        print(f"{name:30s} {len(small):>10,d} {ts:9.3f} {len(big):>10,d} {tb:9.3f} {tb / max(ts, 1e-9):6.1f}")
    print("ratio ~4 = linear; ~16 = quadratic")


if __name__ == "__main__":
    main()
