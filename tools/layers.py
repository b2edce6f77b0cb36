"""Check the layering of the package: no import from a lower layer to a higher one, no cycle.

Usage: python tools/layers.py   (exit code 1 on a violation)

Layers, bottom to top (DESIGN.md): physics, errors, expressions, io < symmetry < spectrum, pdfs <
observables < cosmo < constraints < sectors < models < modelfiles < papers < scan < report < cli.
Every import of ``darkseesaw.*`` counts, at module level or inside a function.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "darkseesaw"
ORDER = [("physics", "errors", "expressions", "io", "__init__"), ("symmetry",),
         ("spectrum", "pdfs"), ("observables",), ("cosmo",), ("constraints",), ("plots",), ("sectors",),
         ("models",), ("modelfiles",), ("papers",), ("scan",), ("report",), ("cli", "__main__")]
RANK = {name: i for i, group in enumerate(ORDER) for name in group}


def top(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def edges():
    for p in SRC.rglob("*.py"):
        rel = p.relative_to(SRC)
        me = rel.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(p.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                    and node.module.startswith("darkseesaw"):
                tgt = top(node.module)
                if tgt == "__init__" and node.names:  # from darkseesaw import physics
                    for a in node.names:
                        yield me, a.name if a.name in RANK else "__init__", str(rel), node.lineno
                else:
                    yield me, tgt, str(rel), node.lineno
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("darkseesaw."):
                        yield me, top(a.name), str(rel), node.lineno


def main() -> int:
    bad = 0
    for me, tgt, where, line in edges():
        if me == tgt:
            continue
        if RANK.get(tgt, -1) > RANK.get(me, 99):
            print(f"{where}:{line}: {me} (layer {RANK.get(me)}) imports {tgt} "
                  f"(layer {RANK.get(tgt)})")
            bad += 1
    print(f"{bad} upward import(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
