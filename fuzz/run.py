"""Run the fuzz targets, each for a given time, and say how many inputs each tried.

    python fuzz/run.py [--seconds 60] [--only scan|extract] [--keep DIR]

Each target (``fuzz_scan.py``: the scanner and scan-only extraction; ``fuzz_extract.py``:
extraction with the spaCy model) runs in its own process under atheris (libFuzzer) for
``--seconds``, inputs of up to 2 KB (scan) or 1 KB (extract) of fuzzer bytes, a time limit
per input (a slow input is a failure: everything must be linear), 3 GB of memory at most.
The exit status is 1 when a target found a failing input: its bytes are saved in
``--keep`` (default: a temporary folder) and the line to replay it is printed; turn it
into a test row before fixing it. ``.ci/run`` runs this for 60 s per target.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: target -> (script, max input length in bytes, seconds allowed per input)
TARGETS = {
    "scan": ("fuzz_scan.py", 2048, 10),
    "extract": ("fuzz_extract.py", 1024, 60),
}


def run(name: str, seconds: int, keep: Path) -> bool:
    script, max_len, timeout = TARGETS[name]
    keep.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(HERE / script), f"-max_total_time={seconds}",
           f"-max_len={max_len}", f"-timeout={timeout}", "-rss_limit_mb=3072",
           "-print_final_stats=1", f"-artifact_prefix={keep}/{name}-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                          check=False, timeout=seconds + 900)
    runs = re.search(r"stat::number_of_executed_units: (\d+)", proc.stderr)
    count = f"{int(runs.group(1)):,}" if runs else "?"
    if proc.returncode == 0:
        print(f"fuzz {name}: {count} inputs in {seconds} s, no failure", flush=True)
        return True
    found = re.findall(r"Test unit written to (\S+)", proc.stderr)
    print(f"fuzz {name}: FAILED after {count} inputs (exit {proc.returncode})", flush=True)
    print("\n".join(proc.stderr.splitlines()[-40:]), file=sys.stderr)
    for path in found:
        print(f"  replay: {sys.executable} {HERE / script} {path}", file=sys.stderr)
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=60, help="per target (default 60)")
    ap.add_argument("--only", choices=list(TARGETS), help="run one target")
    ap.add_argument("--keep", type=Path, help="where failing inputs are saved")
    args = ap.parse_args()
    keep = args.keep or Path(tempfile.mkdtemp(prefix="quotesnap-fuzz-"))
    names = [args.only] if args.only else list(TARGETS)
    ok = [run(name, args.seconds, keep) for name in names]
    sys.exit(0 if all(ok) else 1)


if __name__ == "__main__":
    main()
