"""Run every benchmark under benchmarks/ (files named bench_*.py), one after the other.

Each benchmark prints its own throughput and the ratio against the reference it beats.
Usage: python benchmarks/run_all.py [NAME-FILTER]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
flt = sys.argv[1] if len(sys.argv) > 1 else ""
rc = 0
for f in sorted(here.glob("bench_*.py")):
    if flt and flt not in f.name:
        continue
    print(f"\n===== {f.name} =====", flush=True)
    rc |= subprocess.call([sys.executable, str(f)])
sys.exit(rc)
