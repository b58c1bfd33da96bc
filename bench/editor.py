"""Editor budgets, measured headless with Textual's ``run_test`` (never in tests).

For seed 003 (65 KB) and seed 003 repeated ten times (650 KB), each in a fresh process:
the time from start until the review is interactive, the time from a key press to the
end of the screen update it caused (accept, next proposal, page down), and the peak
resident memory. The key time runs from the key event entering the app to the end of
the paint it caused, not Pilot's round trip: Pilot's own settling before and after a key
takes ~60 ms even for a key that does nothing.

    python bench/editor.py --shared ../shared
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGETS = {"65 KB": (1.0, 50.0), "650 KB": (3.0, 50.0)}  # seconds to interactive, ms a key
MEMORY_BUDGET_MB = 300
PRESSES = 40


async def measure(path: Path) -> dict[str, float]:
    sys.path.insert(0, str(REPO))
    from textual.screen import Screen

    from tui.app import make_editor
    from tui.screens import ReviewScreen

    painted = [0.0]

    def timed_paint(paint):  # type: ignore[no-untyped-def]
        def paint_and_note(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            paint(self, *args, **kwargs)
            painted[0] = time.perf_counter()

        return paint_and_note

    Screen._compositor_refresh = timed_paint(Screen._compositor_refresh)  # type: ignore[method-assign]
    Screen._refresh_layout = timed_paint(Screen._refresh_layout)  # type: ignore[method-assign]

    app = make_editor([path], out=Path(tempfile.mkdtemp()), policy="none")
    started = time.perf_counter()
    async with app.run_test(size=(160, 48)) as pilot:
        while not (isinstance(app.screen, ReviewScreen) and app.screen.ready):
            await pilot.pause(0.005)
        await pilot.pause()
        interactive = time.perf_counter() - started
        sent = [0.0]
        driver = app._driver
        assert driver is not None
        send = driver.send_message

        def send_and_note(message):  # type: ignore[no-untyped-def]
            sent[0] = time.perf_counter()
            send(message)

        driver.send_message = send_and_note  # type: ignore[method-assign]

        async def timed(*keys: str) -> list[float]:
            times = []
            for number in range(PRESSES):
                await pilot.press(keys[number % len(keys)])
                # long enough for every paint the key caused; the last one ends the time
                await pilot.pause(0.12)
                times.append((painted[0] - sent[0]) * 1000)
            return times

        accept = await timed("a")
        move = await timed("j")
        page = await timed("pagedown", "pagedown", "pageup", "pageup")
        edits = len(app.screen.session.review.edits) if app.screen.session else 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "interactive_s": interactive,
        "accept_ms": statistics.median(accept),
        "accept_p90_ms": sorted(accept)[int(PRESSES * 0.9)],
        "next_ms": statistics.median(move),
        "page_ms": statistics.median(page),
        "peak_mb": peak,
        "edits": edits,
    }


def run_case(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(args.measure))))
        return 0
    seed = next((args.shared / "seeds").glob("003_*.txt"), None)
    if seed is None:
        print(f"editor bench: seed 003 not found in {args.shared}/seeds", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp())
    big = folder / "seed003x10.txt"
    big.write_text(seed.read_text(encoding="utf-8") * 10, encoding="utf-8")
    cases = {"65 KB": seed, "650 KB": big}
    print("\neditor (headless run_test, fresh process each; medians of 40 presses)")
    print(
        f"{'input':<8}{'edits':>7}{'interactive':>13}{'budget':>8}{'accept':>9}{'p90':>8}"
        f"{'next':>8}{'page':>8}{'budget':>8}{'peak RSS':>10}{'budget':>8}"
    )
    failed = False
    for name, path in cases.items():
        result = run_case(path)
        seconds, key_ms = BUDGETS[name]
        within = (
            result["interactive_s"] <= seconds
            and max(result["accept_ms"], result["next_ms"], result["page_ms"]) <= key_ms
            and result["peak_mb"] <= MEMORY_BUDGET_MB
        )
        failed |= not within
        print(
            f"{name:<8}{int(result['edits']):>7}{result['interactive_s']:>12.2f}s{seconds:>7.1f}s"
            f"{result['accept_ms']:>7.1f}ms{result['accept_p90_ms']:>6.1f}ms"
            f"{result['next_ms']:>6.1f}ms{result['page_ms']:>6.1f}ms{key_ms:>6.0f}ms"
            f"{result['peak_mb']:>8.0f}MB{MEMORY_BUDGET_MB:>6}MB  {'ok' if within else 'OVER'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
