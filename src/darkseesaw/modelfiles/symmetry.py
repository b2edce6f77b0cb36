r"""The YAML format of ``darkseesaw symmetry FILE.yaml``.

.. code-block:: yaml

    name: SM + 3 nu_R with gauged B-L
    u1:                      # U(1) factors: "gauge" (imposed on operators) or "global"
      Y: gauge
      B-L: gauge
    zn:                      # Z_N factors: order, or {N: .., generator: "6B+7L"}
      Z13: 13
    fields:
      q_L: {kind: left, su3: 3, su2: 2, generations: 3, charges: {Y: 1/6, B-L: 1/3}}
      H:   {kind: complex_scalar, su2: 2, charges: {Y: 1/2}}
    terms:                   # Lagrangian terms that must be invariant
      - "q_L* H d_R"         # NAME* = conjugate, NAME^k = power
    solve:                   # optional: U(1)s solved from the terms, with normalisations
      X: {fixed: {sigma: 1, q_L: 0, H: 0}}
    singlets: [sigma]        # scalars whose powers dress the operators below
    operators:               # bilinears to examine
      NcN: "N_R^2"
    alp: [X]                 # U(1)s whose C_agamma = 2 sum (X_L - X_R) Q^2 is reported

Every problem is reported as `darkseesaw.errors.InputError` naming the file, the key
(``fields.q_L.su3``) and the problem. The file is data: nothing is evaluated.

Limits: the file is read through `darkseesaw.io.read_user_text` and `darkseesaw.io.load_yaml`
(a regular file of at most 10 MiB); a Z_N order is at most ``MAX_ZN_ORDER`` (10⁴), at most
``MAX_FIELDS`` (200) fields with at most 100 generations each; the search for the lowest
invariant operators stops with an error naming the operator after
`darkseesaw.symmetry.operators.MAX_CANDIDATES` candidate powers (its cost grows like the
order of the Z_N to the power of the number of singlets).
"""

from __future__ import annotations

from pathlib import Path

from darkseesaw.errors import InputError
from darkseesaw.io import load_yaml, read_user_text
from darkseesaw.symmetry.content import SymmetryModel, parse_term
from darkseesaw.symmetry.discrete import parse_generator
from darkseesaw.symmetry.fields import Field, to_fraction
from darkseesaw.symmetry.operators import OperatorSearchTooLarge

__all__ = ["load_model_file", "model_from_dict", "run_model_file"]

_TOP = {"name", "description", "u1", "zn", "fields", "terms", "solve", "singlets", "operators",
        "alp", "hypercharge"}
_FIELD_KEYS = {"kind", "su3", "su2", "generations", "charges", "description"}
MAX_ZN_ORDER = 10_000
"""Largest order N of a Z_N factor (the operator search is linear in N per singlet)."""
MAX_FIELDS = 200
"""Most fields (and most terms, operators) in a symmetry file."""
MAX_GENERATIONS = 100


def load_model_file(path: str | Path) -> tuple[SymmetryModel, dict]:
    """Read and validate a model file; returns (model, extras) where extras holds ``name``,
    ``solve`` results and ``alp`` names."""
    fname = str(path)
    data = load_yaml(read_user_text(path), fname)
    return model_from_dict(data, fname)


def _err(fname, key, problem):
    return InputError(fname, key, problem)


def _short(v, limit: int = 40) -> str:
    """``repr`` of a user value for a message, shortened."""
    r = repr(v) if not isinstance(v, int) or v.bit_length() < 4000 else "<a huge integer>"
    return r if len(r) <= limit else r[:limit] + "…"


def model_from_dict(data, fname: str = "<dict>") -> tuple[SymmetryModel, dict]:
    """Build the model from an already parsed mapping (see module docstring)."""
    if not isinstance(data, dict):
        raise _err(fname, None, "the file must be a mapping with keys fields, u1, zn, terms ...")
    unknown = set(data) - _TOP
    if unknown:
        raise _err(fname, sorted(unknown)[0], f"unknown key; allowed: {', '.join(sorted(_TOP))}")
    # ---- U(1)s
    u1_raw = data.get("u1") or {}
    if isinstance(u1_raw, list):
        u1_raw = {str(k): "global" for k in u1_raw}
    if not isinstance(u1_raw, dict):
        raise _err(fname, "u1", "must be a mapping name -> gauge|global")
    u1: dict[str, bool] = {}
    for k, v in u1_raw.items():
        if isinstance(v, dict):
            v = "gauge" if v.get("exact", v.get("gauge", False)) else "global"
        if v not in ("gauge", "global"):
            raise _err(fname, f"u1.{k}", f"must be 'gauge' or 'global', got {v!r}")
        u1[str(k)] = v == "gauge"
    hyper = str(data.get("hypercharge", "Y"))
    # ---- Z_N
    zn_raw = data.get("zn") or {}
    if not isinstance(zn_raw, dict):
        raise _err(fname, "zn", "must be a mapping name -> N or {N, generator}")
    zn: dict[str, int] = {}
    zgen: dict[str, str] = {}
    for k, v in zn_raw.items():
        gen = None
        if isinstance(v, dict):
            gen = v.get("generator")
            v = v.get("N")
        if isinstance(v, bool) or not isinstance(v, int) or v < 2:
            raise _err(fname, f"zn.{k}", f"the order N must be an integer >= 2, got {_short(v)}")
        if v > MAX_ZN_ORDER:
            raise _err(fname, f"zn.{k}", f"the order N = {_short(v)} is too large (at most "
                                         f"{MAX_ZN_ORDER:,})")
        zn[str(k)] = v
        if gen is not None:
            zgen[str(k)] = str(gen)
    # ---- fields
    fraw = data.get("fields")
    if not isinstance(fraw, dict) or not fraw:
        raise _err(fname, "fields", "missing or empty: give a mapping name -> {kind, su3, su2, ...}")
    for what in ("fields", "terms", "operators", "singlets"):
        if isinstance(data.get(what), dict | list) and len(data[what]) > MAX_FIELDS:
            raise _err(fname, what, f"{len(data[what])} entries: too many (at most {MAX_FIELDS})")
    fields = []
    for name, spec in fraw.items():
        key = f"fields.{name}"
        if not isinstance(spec, dict):
            raise _err(fname, key, "must be a mapping with kind, su3, su2, generations, charges")
        bad = set(spec) - _FIELD_KEYS
        if bad:
            raise _err(fname, f"{key}.{sorted(bad)[0]}", f"unknown key; allowed: {', '.join(sorted(_FIELD_KEYS))}")
        charges = spec.get("charges") or {}
        if not isinstance(charges, dict):
            raise _err(fname, f"{key}.charges", "must be a mapping symmetry -> charge")
        cu1, czn = {}, {}
        for cname, val in charges.items():
            ckey = f"{key}.charges.{cname}"
            cname = str(cname)
            try:
                fv = to_fraction(val)
            except ValueError as e:
                raise _err(fname, ckey, str(e)) from None
            if cname in u1:
                cu1[cname] = fv
            elif cname in zn:
                N = zn[cname]
                if fv.denominator != 1 or not -N < fv < N:
                    raise _err(fname, ckey, f"{val!r} does not fit Z_{N}: use an integer between "
                                            f"{-(N - 1)} and {N - 1}")
                czn[cname] = int(fv)
            else:
                raise _err(fname, ckey, f"unknown symmetry {cname!r}; declare it under u1 or zn")
        for sub in ("su3", "su2"):
            try:
                Field("x", "left", **{sub: spec.get(sub, 1)})
            except ValueError as e:
                raise _err(fname, f"{key}.{sub}", str(e)) from None
        try:
            fields.append(Field(str(name), spec.get("kind", ""), spec.get("su3", 1),
                                spec.get("su2", 1), spec.get("generations", 1), cu1, czn))
        except ValueError as e:
            k2 = "kind" if "kind" in str(e) else ("generations" if "generations" in str(e) else "")
            raise _err(fname, f"{key}.{k2}" if k2 else key, str(e)) from None
    names = [f.name for f in fields]
    # ---- terms, singlets, operators
    terms = []
    for i, t in enumerate(data.get("terms") or []):
        try:
            terms.append(parse_term(t, names))
        except ValueError as e:
            raise _err(fname, f"terms[{i}]", str(e)) from None
    singlets = data.get("singlets") or []
    if not isinstance(singlets, list):
        raise _err(fname, "singlets", "must be a list of scalar field names")
    for s in singlets:
        if s not in names:
            raise _err(fname, "singlets", f"unknown field {s!r}")
        if next(f for f in fields if f.name == s).is_fermion:
            raise _err(fname, "singlets", f"{s} is a fermion; singlets must be scalars")
    ops = {}
    oraw = data.get("operators") or {}
    if not isinstance(oraw, dict):
        raise _err(fname, "operators", "must be a mapping name -> term")
    for k, t in oraw.items():
        try:
            ops[str(k)] = parse_term(t, names)
        except ValueError as e:
            raise _err(fname, f"operators.{k}", str(e)) from None
    model = SymmetryModel(fields, u1, {}, terms, list(singlets), ops, hyper)
    # ---- solve
    extras: dict = {"name": data.get("name", Path(fname).stem), "solved": {}, "alp": []}
    sraw = data.get("solve") or {}
    if not isinstance(sraw, dict):
        raise _err(fname, "solve", "must be a mapping U(1) name -> {fixed: {field: charge}}")
    for uname, spec in sraw.items():
        key = f"solve.{uname}"
        fixed_raw = (spec or {}).get("fixed", {}) if isinstance(spec, dict) else None
        if not isinstance(fixed_raw, dict):
            raise _err(fname, key, "must be {fixed: {field: charge, ...}}")
        fixed = {}
        for f, v in fixed_raw.items():
            if f not in names:
                raise _err(fname, f"{key}.fixed.{f}", "unknown field")
            try:
                fixed[f] = to_fraction(v)
            except ValueError as e:
                raise _err(fname, f"{key}.fixed.{f}", str(e)) from None
        if not terms:
            raise _err(fname, key, "no terms to solve from")
        sol, free = model.solve_u1(fixed)
        if sol is None:
            raise _err(fname, key, "the terms and the fixed charges are inconsistent")
        if free:
            raise _err(fname, key, f"charges not unique: {len(free)} free direction(s); fix more "
                                   "charges (e.g. of quarks and the Higgs)")
        model = model.with_u1(str(uname), sol, exact=False)
        extras["solved"][str(uname)] = {k: str(v) for k, v in sol.items()}
    # ---- Z_N from generators (after solving, so generators may use solved U(1)s)
    for zname, N in zn.items():
        if zname in zgen:
            try:
                coeffs = parse_generator(zgen[zname], list(model.u1))
            except ValueError as e:
                raise _err(fname, f"zn.{zname}.generator", str(e)) from None
            ch = model.combination(coeffs)
            bad = [k for k, v in ch.items() if v.denominator != 1]
            if bad:
                raise _err(fname, f"zn.{zname}.generator",
                           f"charge of {bad[0]} is not an integer ({ch[bad[0]]})")
            model = model.with_zn(zname, N, {k: int(v) for k, v in ch.items()})
        else:
            model = model.with_zn(zname, N, {f.name: f.zcharge(zname) for f in fields})
    alp_names = data.get("alp") or []
    if not isinstance(alp_names, list) or any(a not in model.u1 for a in alp_names):
        raise _err(fname, "alp", "must be a list of declared or solved U(1) names")
    extras["alp"] = list(alp_names)
    return model, extras


def run_model_file(path: str | Path) -> dict:
    """Everything ``darkseesaw symmetry`` reports, as a JSON-ready dict."""
    model, extras = load_model_file(path)
    try:
        rep = model.report()
    except OperatorSearchTooLarge as e:
        raise InputError(str(path), getattr(e, "key", "operators"), str(e)) from None
    rep["name"] = extras["name"]
    rep["solved_charges"] = extras["solved"]
    rep["C_agamma"] = {a: str(model.C_agamma(a)) for a in extras["alp"]}
    return rep


