"""Compare the JSON files of two reproduction folders (keys and numbers).

Usage: python tools/compare_reproductions.py OLD_DIR NEW_DIR [--rtol 1e-9] [--ignore KEY ...]

Every key of OLD must exist in NEW with the same number (relative tolerance ``--rtol``; exact for
strings and booleans); keys only in NEW are listed as additions (allowed). ``timing`` keys and
the ``fast`` flag are ignored. Exit code 1 when a key is missing or a number differs.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

IGNORE = {"timing_s", "timing", "seconds", "wall_s", "cpu_s", "elapsed_s"}


def walk(a, b, path, out, rtol, ignore):
    if isinstance(a, dict):
        if not isinstance(b, dict):
            out["changed"].append((path, "dict", type(b).__name__))
            return
        for k, v in a.items():
            if k in ignore or k in IGNORE:
                continue
            if k not in b:
                out["missing"].append(f"{path}.{k}")
                continue
            walk(v, b[k], f"{path}.{k}", out, rtol, ignore)
        for k in b:
            if k not in a:
                out["added"].append(f"{path}.{k}")
        return
    if isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            out["changed"].append((path, f"list[{len(a)}]",
                                   f"{type(b).__name__}[{len(b) if hasattr(b, '__len__') else '?'}]"))
            return
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            walk(x, y, f"{path}[{i}]", out, rtol, ignore)
        return
    if isinstance(a, str) and isinstance(b, str) and ("/" in a or "/" in b):
        # file paths: the output folder differs between runs, the file name must not
        if Path(a).name != Path(b).name:
            out["changed"].append((path, a, b))
        return
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or a is None:
        if a != b:
            out["changed"].append((path, a, b))
        return
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isnan(a) and math.isnan(b):
            return
        if a == b or abs(a - b) <= rtol * max(abs(a), abs(b)):
            return
        out["changed"].append((path, a, b))
        return
    if a != b:
        out["changed"].append((path, a, b))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rtol", type=float, default=1e-9)
    ap.add_argument("--ignore", nargs="*", default=[])
    a = ap.parse_args()
    bad = 0
    for f in sorted(Path(a.old).glob("*.json")):
        g = Path(a.new) / f.name
        if not g.exists():
            print(f"{f.name}: missing in {a.new}")
            bad += 1
            continue
        out = {"missing": [], "changed": [], "added": []}
        walk(json.loads(f.read_text()), json.loads(g.read_text()), f.stem, out, a.rtol,
             set(a.ignore) | {"fast"})
        print(f"{f.name}: {len(out['missing'])} missing, {len(out['changed'])} changed, "
              f"{len(out['added'])} added")
        for k in out["missing"][:20]:
            print(f"   missing {k}")
        for k, x, y in out["changed"][:30]:
            print(f"   changed {k}: {str(x)[:60]} -> {str(y)[:60]}")
        for k in out["added"][:10]:
            print(f"   added   {k}")
        bad += len(out["missing"]) + len(out["changed"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
