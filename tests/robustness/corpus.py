"""The hostile-input corpus: malformed or hostile inputs of every command, as data.

Each case is a dict:

``id``
    a short unique name (the pytest id);
``argv``
    the command line after ``darkseesaw`` (run in a fresh folder holding ``files``);
``files``
    ``{name: text}`` written into that folder first (``bytes`` are written as is; a
    ``name/`` ending in a slash makes a folder);
``expect``
    fragments the ONE stderr line must contain (the file, the key, the problem);
``setup``
    optional name of a special preparation done by the runner (``live_lock``,
    ``damaged_chunk``, ``scan_done``, ``huge_file``).

Every case must end with exit code 2 and exactly one stderr line ``darkseesaw: error: ...``
within the time limit, without a traceback and without creating ``CANARY`` (expressions
that would create it if they were ever executed).

Sizes that would bloat this file (10⁶-character expressions, deep nesting, 1,991-digit
integers) are generated below.
"""

from __future__ import annotations

LONG = "x" * 10**6                                   # a 10⁶-character expression
DEEP_UNARY = "-" * 1500 + "1"                        # 1500 nested unary minus (< 2000 chars)
DEEP_PARENS = "-(" * 300 + "1" + ")" * 300           # parser: too many nested parentheses
SUM_999 = "+".join(["1"] * 999)                      # a left-deep chain of 998 operators
BIG_INT = "1" * 1991                                 # beyond the float range
CANARY_OS = "__import__('os').system('touch CANARY')"
CANARY_OPEN = "open('CANARY', 'w')"
CANARY_LAMBDA = "(lambda: __import__('os').system('touch CANARY'))()"
CANARY_ATTR = "().__class__.__base__.__subclasses__()"
CANARY_YAML = '!!python/object/apply:os.system ["touch CANARY"]'


def model(params: str = "{y: 0.05, Lam: 1000.0, mu0: 1.0e-6}", mD: str | None = None,
          M: str = "{diag: [Lam, '2*Lam', '3*Lam']}", mu_S: str = "{diag: [mu0, mu0, mu0]}",
          extra: str = "") -> str:
    """A neutral-lepton model file (ISS 3x3 by default) with one part replaced."""
    if mD is None:
        mD = "{diag: ['y*v_EW/sqrt(2)', 'y*v_EW/sqrt(2)', 'y*v_EW/sqrt(2)']}"
    return (f"unit: GeV\nparameters: {params}\nblocks:\n  mD: {mD}\n  M: {M}\n"
            f"  mu_S: {mu_S}\n{extra}")


def entry(text: str) -> str:
    """A model file whose first mD entry is ``text`` (quoted for YAML)."""
    q = text.replace("'", "''")
    return model(mD=f"[['{q}', 0, 0], [0, 1, 0], [0, 0, 1]]")


def param(text: str) -> str:
    """A model file whose parameter ``a`` is the YAML scalar ``text``."""
    return model(params=f"{{y: 0.05, Lam: 1000.0, mu0: 1.0e-6, a: {text}}}")


SYM = """name: test
u1: {Y: gauge}
zn: {Z4: 4}
fields:
  L:   {kind: left, su2: 2, generations: 3, charges: {Y: -1/2, Z4: 1}}
  H:   {kind: complex_scalar, su2: 2, charges: {Y: 1/2}}
  s:   {kind: complex_scalar, charges: {Z4: 1}}
terms: ["H* H s^4"]
singlets: [s]
operators:
  LLHH: "L^2 H^2"
"""


def sym(**replace: str) -> str:
    """The symmetry file above with lines starting with a key replaced (``key=new line``)."""
    lines = SYM.splitlines()
    out = []
    for ln in lines:
        k = ln.strip().split(":")[0]
        out.append(replace.pop(k) if k in replace else ln)
    out += list(replace.values())
    return "\n".join(out) + "\n"


SCAN = """python_function: darkseesaw.scan.toy:evaluate
parameters:
  x: {range: [-3, 3]}
  y: {range: [-0.5, 3]}
derived: {r2: r**2}
sampler: {name: random, n: 40}
seed: 1
chunk_size: 20
"""


def scan(**replace: str) -> str:
    """The toy scan configuration above with top-level keys replaced or added."""
    lines = SCAN.splitlines()
    out, skip = [], False
    for ln in lines:
        k = ln.split(":")[0]
        if ln and not ln.startswith(" "):
            skip = k in replace
            if skip:
                out.append(replace.pop(k))
                continue
        if not skip:
            out.append(ln)
    out += list(replace.values())
    return "\n".join(out) + "\n"


def _set(expr: str) -> list[str]:
    return ["spectrum", "m.yaml", "--set", f"y={expr}"]


OK_MODEL = model()
S = ["spectrum", "m.yaml"]
SERIAL = ["--executor", "serial", "-q"]

CASES: list[dict] = [
    # ---------------------------------------------------------------- spectrum: the file
    dict(id="spectrum-missing-file", argv=["spectrum", "nofile.yaml"],
         expect=["nofile.yaml", "not found"]),
    dict(id="spectrum-folder", argv=["spectrum", "d"], files={"d/": ""},
         expect=["d:", "folder"]),
    dict(id="spectrum-dev-zero", argv=["spectrum", "/dev/zero"],
         expect=["/dev/zero", "not a regular file"]),
    dict(id="spectrum-huge-file", argv=S, setup="huge_file", expect=["m.yaml", "too large"]),
    dict(id="spectrum-binary", argv=S, files={"m.yaml": b"\xff\xfe\x00garbage\x9c"},
         expect=["m.yaml", "UTF-8"]),
    dict(id="spectrum-malformed-yaml", argv=S, files={"m.yaml": "blocks: [unclosed\n"},
         expect=["m.yaml", "malformed YAML"]),
    dict(id="spectrum-yaml-python-tag", argv=S, files={"m.yaml": f"name: {CANARY_YAML}\n"},
         expect=["m.yaml", "malformed YAML"]),
    dict(id="spectrum-top-level-list", argv=S, files={"m.yaml": "- 1\n- 2\n"},
         expect=["m.yaml", "mapping"]),
    dict(id="spectrum-empty-file", argv=S, files={"m.yaml": ""}, expect=["m.yaml", "mapping"]),
    dict(id="spectrum-unknown-key", argv=S, files={"m.yaml": OK_MODEL + "colour: red\n"},
         expect=["m.yaml", "colour", "unknown key"]),
    dict(id="spectrum-unknown-unit", argv=S,
         files={"m.yaml": OK_MODEL.replace("unit: GeV", "unit: furlong")},
         expect=["m.yaml", "unit", "unknown unit"]),
    dict(id="spectrum-unit-wrong-type", argv=S,
         files={"m.yaml": OK_MODEL.replace("unit: GeV", "unit: [GeV]")},
         expect=["m.yaml", "unit"]),
    dict(id="spectrum-yaml-alias-bomb", argv=S, files={"m.yaml": (
        "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
                  for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + OK_MODEL)}, expect=["m.yaml", "values"]),
    dict(id="spectrum-yaml-recursive-alias", argv=S,
         files={"m.yaml": "name: &x [*x]\n" + OK_MODEL}, expect=["m.yaml", "nested"]),
    dict(id="spectrum-yaml-deep-nesting", argv=S,
         files={"m.yaml": "name: " + "[" * 5000 + "]" * 5000 + "\n" + OK_MODEL},
         expect=["m.yaml"]),
    # ---------------------------------------------------------------- spectrum: parameters
    dict(id="param-not-mapping", argv=S, files={"m.yaml": model(params="[1, 2]")},
         expect=["m.yaml", "parameters", "mapping"]),
    dict(id="param-bad-name", argv=S,
         files={"m.yaml": model(params="{y: 0.05, Lam: 1000.0, mu0: 1.0e-6, 'a b': 1}")},
         expect=["m.yaml", "parameters.a b", "identifiers"]),
    dict(id="param-dunder-name", argv=S,
         files={"m.yaml": model(params="{y: 0.05, Lam: 1000.0, mu0: 1.0e-6, __class__: 1}")},
         expect=["m.yaml", "parameters.__class__", "reserved"]),
    dict(id="param-shadows-builtin", argv=S,
         files={"m.yaml": model(params="{y: 0.05, Lam: 1000.0, mu0: 1.0e-6, pi: 3}")},
         expect=["m.yaml", "parameters.pi", "built-in"]),
    dict(id="param-nan", argv=S, files={"m.yaml": param(".nan")},
         expect=["m.yaml", "parameters.a", "finite"]),
    dict(id="param-inf", argv=S, files={"m.yaml": param("-.inf")},
         expect=["m.yaml", "parameters.a", "finite"]),
    dict(id="param-complex", argv=S, files={"m.yaml": param('"1+2j"')},
         expect=["m.yaml", "parameters.a", "complex"]),
    dict(id="param-boolean", argv=S, files={"m.yaml": param("true")},
         expect=["m.yaml", "parameters.a", "boolean"]),
    dict(id="param-comparison", argv=S, files={"m.yaml": param('"1<2"')},
         expect=["m.yaml", "parameters.a", "comparison"]),
    dict(id="param-1991-digit-int", argv=S, files={"m.yaml": param(BIG_INT)},
         expect=["m.yaml", "parameters.a", "digits"]),
    dict(id="param-overflow-literal", argv=S, files={"m.yaml": param('"1e999"')},
         expect=["m.yaml", "parameters.a", "non-finite"]),
    dict(id="param-list", argv=S, files={"m.yaml": param("[1, 2]")},
         expect=["m.yaml", "parameters.a"]),
    dict(id="param-deep-unary", argv=S, files={"m.yaml": param(f'"{DEEP_UNARY}"')},
         expect=["m.yaml", "parameters.a", "nested too deeply"]),
    dict(id="param-sum-999-terms", argv=S, files={"m.yaml": param(f'"{SUM_999}"')},
         expect=["m.yaml", "parameters.a", "nested too deeply"]),
    dict(id="param-deep-parentheses", argv=S, files={"m.yaml": param(f'"{DEEP_PARENS}"')},
         expect=["m.yaml", "parameters.a", "nested"]),
    # ---------------------------------------------------------------- spectrum: blocks
    dict(id="blocks-missing", argv=S, files={"m.yaml": "parameters: {a: 1}\n"},
         expect=["m.yaml", "blocks", "missing"]),
    dict(id="blocks-unknown", argv=S, files={"m.yaml": OK_MODEL + "  mX: [[1]]\n"},
         expect=["m.yaml", "blocks.mX", "unknown block"]),
    dict(id="blocks-no-mD", argv=S,
         files={"m.yaml": "blocks:\n  M: {diag: [1, 2, 3]}\n  mu_S: {diag: [1, 1, 1]}\n"},
         expect=["m.yaml", "blocks.mD", "missing"]),
    dict(id="blocks-only-mD", argv=S, files={"m.yaml": "blocks:\n  mD: {diag: [1, 1, 1]}\n"},
         expect=["m.yaml", "blocks", "at least one more block"]),
    dict(id="blocks-wrong-shape", argv=S, files={"m.yaml": model(mD="[[1, 0, 0], [0, 1, 0]]")},
         expect=["m.yaml", "blocks.mD", "wrong shape"]),
    dict(id="blocks-ragged-rows", argv=S,
         files={"m.yaml": model(mD="[[1, 0, 0], [0, 1], [0, 0, 1]]")},
         expect=["m.yaml", "blocks.mD[1]", "row has 2 entries"]),
    dict(id="blocks-not-rows", argv=S, files={"m.yaml": model(mD="[1, 2, 3]")},
         expect=["m.yaml", "blocks.mD", "list of rows"]),
    dict(id="blocks-bad-mapping", argv=S, files={"m.yaml": model(mD="{rows: [1]}")},
         expect=["m.yaml", "blocks.mD", "diag"]),
    dict(id="blocks-non-symmetric-majorana", argv=S,
         files={"m.yaml": model(mu_S="[[1e-6, 2e-6, 0], [0, 1e-6, 0], [0, 0, 1e-6]]")},
         expect=["m.yaml", "blocks.mu_S", "not symmetric"]),
    dict(id="blocks-huge-matrix", argv=S,
         files={"m.yaml": model(mD="{diag: [" + ", ".join(["1"] * 500) + "]}")},
         expect=["m.yaml", "blocks.mD", "too large"]),
    dict(id="entry-inf", argv=S, files={"m.yaml": model(mD="{diag: [.inf, 1, 1]}")},
         expect=["m.yaml", "blocks.mD[0][0]", "finite"]),
    dict(id="entry-nan", argv=S, files={"m.yaml": model(mu_S="{diag: [1e-6, 1e-6, .nan]}")},
         expect=["m.yaml", "blocks.mu_S[2][2]", "finite"]),
    dict(id="entry-comparison", argv=S, files={"m.yaml": entry("1<2")},
         expect=["m.yaml", "blocks.mD[0][0]", "comparison"]),
    dict(id="entry-boolean", argv=S, files={"m.yaml": model(mD="{diag: [true, 1, 1]}")},
         expect=["m.yaml", "blocks.mD[0][0]", "not a number"]),
    dict(id="entry-list", argv=S, files={"m.yaml": model(mD="[[[1], 0, 0], [0, 1, 0], [0, 0, 1]]")},
         expect=["m.yaml", "blocks.mD[0][0]", "not a number"]),
    dict(id="entry-string-literal", argv=S, files={"m.yaml": entry("'a'")},
         expect=["m.yaml", "blocks.mD[0][0]", "only numbers"]),
    dict(id="entry-unknown-name", argv=S, files={"m.yaml": entry("2*nope")},
         expect=["m.yaml", "blocks.mD[0][0]", "unknown name 'nope'"]),
    dict(id="entry-division-by-zero", argv=S, files={"m.yaml": entry("y/0")},
         expect=["m.yaml", "blocks.mD[0][0]", "non-finite"]),
    dict(id="entry-attribute-access", argv=S, files={"m.yaml": entry(CANARY_ATTR)},
         expect=["m.yaml", "blocks.mD[0][0]", "not allowed"]),
    dict(id="entry-plain-attribute", argv=S, files={"m.yaml": entry("y.real")},
         expect=["m.yaml", "blocks.mD[0][0]", "attribute access"]),
    dict(id="entry-dunder-import", argv=S, files={"m.yaml": entry(CANARY_OS)},
         expect=["m.yaml", "blocks.mD[0][0]", "not allowed"]),
    dict(id="entry-open", argv=S, files={"m.yaml": entry(CANARY_OPEN)},
         expect=["m.yaml", "blocks.mD[0][0]", "'open' not allowed"]),
    dict(id="entry-lambda", argv=S, files={"m.yaml": entry(CANARY_LAMBDA)},
         expect=["m.yaml", "blocks.mD[0][0]", "not allowed"]),
    dict(id="entry-dunder-name", argv=S, files={"m.yaml": entry("__builtins__")},
         expect=["m.yaml", "blocks.mD[0][0]", "not allowed"]),
    dict(id="entry-keyword-argument", argv=S, files={"m.yaml": entry("sqrt(x=4)")},
         expect=["m.yaml", "blocks.mD[0][0]", "argument"]),
    dict(id="entry-10e6-characters", argv=S, files={"m.yaml": entry(LONG)},
         expect=["m.yaml", "blocks.mD[0][0]", "longer than 2000"]),
    dict(id="entry-exponent-too-large", argv=S, files={"m.yaml": entry("2**100000")},
         expect=["m.yaml", "blocks.mD[0][0]", "exponent"]),
    dict(id="entry-sum-999-terms", argv=S, files={"m.yaml": entry(SUM_999)},
         expect=["m.yaml", "blocks.mD[0][0]", "nested too deeply"]),
    dict(id="spectrum-3N2S-fewer-light-states", argv=S, files={"m.yaml": model(
        mD="[['y*v_EW/sqrt(2)', 0, 0], [0, 'y*v_EW/sqrt(2)', 0], [0, 0, '0.0268*y*v_EW/sqrt(2)']]",
        M="[[Lam, 0, 0], [0, '2*Lam', 0]]", mu_S="{diag: [mu0, mu0]}")},
         expect=["m.yaml", "blocks", "fewer than 3 light neutrinos", "GeV"]),
    dict(id="spectrum-zero-masses", argv=S,
         files={"m.yaml": "blocks:\n  mD: {diag: [0, 0, 0]}\n  mu_R: {diag: [0, 0, 0]}\n"},
         expect=["m.yaml", "blocks", "massless"]),
    dict(id="spectrum-type1-zero-majorana", argv=S,
         files={"m.yaml": "blocks:\n  mD: {diag: [1, 2, 3]}\n  mu_R: {diag: [0, 0, 0]}\n"},
         expect=["m.yaml", "blocks", "fewer than 3 light neutrinos"]),
    # ---------------------------------------------------------------- spectrum --set
    dict(id="set-no-equals", argv=["spectrum", "m.yaml", "--set", "y"],
         files={"m.yaml": OK_MODEL}, expect=["m.yaml", "--set y", "NAME=VALUE"]),
    dict(id="set-unknown-parameter", argv=["spectrum", "m.yaml", "--set", "nope=1"],
         files={"m.yaml": OK_MODEL}, expect=["m.yaml", "parameters.nope", "unknown parameter"]),
    dict(id="set-complex", argv=_set("1+2j"), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "real number"]),
    dict(id="set-comparison", argv=_set("1<2"), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "comparison"]),
    dict(id="set-deep-unary", argv=_set(DEEP_UNARY), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "nested too deeply"]),
    dict(id="set-sum-999-terms", argv=_set(SUM_999), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "nested too deeply"]),
    dict(id="set-1991-digit-int", argv=_set(BIG_INT), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "digits"]),
    dict(id="set-division-by-zero", argv=_set("1/0"), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "non-finite"]),
    dict(id="set-canary", argv=_set(CANARY_OS), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "not allowed"]),
    dict(id="set-10e6-characters", argv=_set(LONG), files={"m.yaml": OK_MODEL},
         expect=["m.yaml", "--set y", "longer than"]),
    # ---------------------------------------------------------------- symmetry
    dict(id="symmetry-missing-file", argv=["symmetry", "s.yaml"], expect=["s.yaml", "not found"]),
    dict(id="symmetry-dev-zero", argv=["symmetry", "/dev/zero"],
         expect=["/dev/zero", "not a regular file"]),
    dict(id="symmetry-folder", argv=["symmetry", "d"], files={"d/": ""}, expect=["d:", "folder"]),
    dict(id="symmetry-malformed-yaml", argv=["symmetry", "s.yaml"],
         files={"s.yaml": "fields: [a: {\n"}, expect=["s.yaml", "malformed YAML"]),
    dict(id="symmetry-python-tag", argv=["symmetry", "s.yaml"],
         files={"s.yaml": f"name: {CANARY_YAML}\n"}, expect=["s.yaml", "malformed YAML"]),
    dict(id="symmetry-top-level-list", argv=["symmetry", "s.yaml"], files={"s.yaml": "[1]\n"},
         expect=["s.yaml", "mapping"]),
    dict(id="symmetry-unknown-key", argv=["symmetry", "s.yaml"],
         files={"s.yaml": SYM + "colour: red\n"}, expect=["s.yaml", "colour", "unknown key"]),
    dict(id="symmetry-zn-1e18", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(zn="zn: {Z4: 1000000000000000000}")},
         expect=["s.yaml", "zn.Z4", "too large"]),
    dict(id="symmetry-zn-order-1", argv=["symmetry", "s.yaml"], files={"s.yaml": sym(zn="zn: {Z4: 1}")},
         expect=["s.yaml", "zn.Z4", "integer >= 2"]),
    dict(id="symmetry-zn-string", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(zn="zn: {Z4: four}")}, expect=["s.yaml", "zn.Z4", "integer"]),
    dict(id="symmetry-unknown-field-key", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 2, colour: 3}")},
         expect=["s.yaml", "fields.H.colour", "unknown key"]),
    dict(id="symmetry-bad-kind", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: vector, su2: 2}")},
         expect=["s.yaml", "fields.H", "kind"]),
    dict(id="symmetry-bad-rep", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 99}")},
         expect=["s.yaml", "fields.H.su2"]),
    dict(id="symmetry-huge-generations", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 2, generations: 1000000000}")},
         expect=["s.yaml", "fields.H", "generations"]),
    dict(id="symmetry-huge-charge", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 2, charges: {Y: '1e100000'}}")},
         expect=["s.yaml", "fields.H.charges.Y", "rational"]),
    dict(id="symmetry-infinite-charge", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 2, charges: {Y: .inf}}")},
         expect=["s.yaml", "fields.H.charges.Y", "finite"]),
    dict(id="symmetry-unknown-symmetry", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(H="  H:   {kind: complex_scalar, su2: 2, charges: {Q: 1}}")},
         expect=["s.yaml", "fields.H.charges.Q", "unknown symmetry"]),
    dict(id="symmetry-term-unknown-field", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(terms='terms: ["L* H nope"]')},
         expect=["s.yaml", "terms[0]", "unknown field"]),
    dict(id="symmetry-term-huge-exponent", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(terms='terms: ["H^999999999999"]')},
         expect=["s.yaml", "terms[0]", "exponent"]),
    dict(id="symmetry-generator-injection", argv=["symmetry", "s.yaml"],
         files={"s.yaml": sym(zn=f'zn: {{Z4: {{N: 4, generator: "{CANARY_OS}"}}}}')},
         expect=["s.yaml", "zn.Z4.generator"]),
    dict(id="symmetry-operator-search-too-large", argv=["symmetry", "s.yaml"], files={"s.yaml": (
        "zn: {Z: 9973, W: 9967}\nfields:\n"
        "  N: {kind: right, charges: {Z: 1, W: 1}}\n"
        "  s1: {kind: complex_scalar, charges: {Z: 2, W: 5}}\n"
        "singlets: [s1]\n")}, expect=["s.yaml", "singlets", "singlet powers"]),
    # ---------------------------------------------------------------- benchmark --set
    dict(id="benchmark-unknown-model", argv=["benchmark", "nomodel"],
         expect=["benchmark nomodel", "MODEL", "unknown model 'nomodel'"]),
    dict(id="benchmark-unknown-point", argv=["benchmark", "typeI-bl", "--point", "nope"],
         expect=["benchmark typeI-bl", "--point", "unknown benchmark"]),
    dict(id="benchmark-unknown-parameter", argv=["benchmark", "typeI-bl", "--set", "foo=1"],
         expect=["benchmark typeI-bl", "--set foo", "unknown parameter"]),
    dict(id="benchmark-dunder-parameter", argv=["benchmark", "typeI-bl", "--set", "__class__=1"],
         expect=["benchmark typeI-bl", "--set __class__", "unknown parameter"]),
    dict(id="benchmark-no-equals", argv=["benchmark", "typeI-bl", "--set", "M_Zp"],
         expect=["benchmark typeI-bl", "--set", "NAME=VALUE"]),
    dict(id="benchmark-complex", argv=["benchmark", "typeI-bl", "--set", "M_Zp=1+2j"],
         expect=["benchmark typeI-bl", "--set M_Zp", "number"]),
    dict(id="benchmark-negative-mass", argv=["benchmark", "typeI-bl", "--set", "M_Zp=-5"],
         expect=["benchmark typeI-bl", "--set M_Zp", "greater than 0"]),
    dict(id="benchmark-zero-mass", argv=["benchmark", "typeI-bl", "--set", "m_chi=0"],
         expect=["benchmark typeI-bl", "--set m_chi", "greater than 0"]),
    dict(id="benchmark-nan", argv=["benchmark", "typeI-bl", "--set", "M_Zp=nan"],
         expect=["benchmark typeI-bl", "--set M_Zp", "finite"]),
    dict(id="benchmark-inf", argv=["benchmark", "typeI-bl", "--set", "M_Zp=inf"],
         expect=["benchmark typeI-bl", "--set M_Zp", "finite"]),
    dict(id="benchmark-canary", argv=["benchmark", "typeI-bl", "--set", f"M_Zp={CANARY_OS}"],
         expect=["benchmark typeI-bl", "--set M_Zp"]),
    dict(id="benchmark-long-value", argv=["benchmark", "typeI-bl", "--set", "M_Zp=" + "9" * 500],
         expect=["benchmark typeI-bl", "--set M_Zp", "longer than 100"]),
    dict(id="benchmark-overflowing-point", argv=["benchmark", "alp-portal-dm", "--set", "mD11=1e300"],
         expect=["benchmark alp-portal-dm", "--set mD11=1e300", "cannot evaluate"]),
    # ---------------------------------------------------------------- scan configurations
    dict(id="scan-missing-config", argv=["scan", "c.yaml", "--out", "o"],
         expect=["c.yaml", "not found"]),
    dict(id="scan-config-is-folder", argv=["scan", "d", "--out", "o"], files={"d/": ""},
         expect=["d:", "folder"]),
    dict(id="scan-config-dev-zero", argv=["scan", "/dev/zero", "--out", "o"],
         expect=["/dev/zero", "not a regular file"]),
    dict(id="scan-malformed-yaml", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": "parameters: {x: [\n"}, expect=["c.yaml", "malformed YAML"]),
    dict(id="scan-python-tag", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": f"title: {CANARY_YAML}\n"}, expect=["c.yaml", "malformed YAML"]),
    dict(id="scan-config-list", argv=["scan", "c.yaml", "--out", "o"], files={"c.yaml": "[1]\n"},
         expect=["c.yaml", "mapping"]),
    dict(id="scan-unknown-key", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(colour="colour: red")}, expect=["c.yaml", "colour", "unknown key"]),
    dict(id="scan-no-model", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(python_function="")}, expect=["c.yaml", "exactly one of"]),
    dict(id="scan-two-models", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(model="model: typeI-bl")}, expect=["c.yaml", "exactly one of"]),
    dict(id="scan-range-reversed", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": SCAN.replace("[-3, 3]", "[3, -3]")},
         expect=["c.yaml", "parameters.x", "lo < hi"]),
    dict(id="scan-log-prior-zero", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": SCAN.replace("[-3, 3]}", "[0, 3], prior: log}")},
         expect=["c.yaml", "parameters.x", "log prior"]),
    dict(id="scan-range-nan", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": SCAN.replace("[-3, 3]", "[.nan, 3]")},
         expect=["c.yaml", "parameters.x"]),
    dict(id="scan-value-inf", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": SCAN.replace("  x: {range: [-3, 3]}", "  x: {range: [-3, 3]}\n  s: .inf")},
         expect=["c.yaml", "parameters.s", "finite"]),
    dict(id="scan-grid-1e10-points", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: grid, n: 100000}")},
         expect=["c.yaml", "sampler", "1e+10 points"]),
    dict(id="scan-lhs-1e11-points", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: lhs, n: 100000000000}")},
         expect=["c.yaml", "sampler", "at most 1e+09"]),
    dict(id="scan-lhs-too-much-memory", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: lhs, n: 200000000}")},
         expect=["c.yaml", "sampler.n", "GiB"]),
    dict(id="scan-chunk-size-zero", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(chunk_size="chunk_size: 0")}, expect=["c.yaml", "chunk_size"]),
    dict(id="scan-too-many-chunks", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: random, n: 100000000}",
                               chunk_size="chunk_size: 1")},
         expect=["c.yaml", "chunk_size", "chunk files"]),
    dict(id="scan-seed-negative", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(seed="seed: -1")}, expect=["c.yaml", "seed"]),
    dict(id="scan-sampler-unknown", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: magic, n: 10}")},
         expect=["c.yaml", "sampler.name"]),
    dict(id="scan-mcmc-burn", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(sampler="sampler: {name: mcmc, steps: 10, burn: 10}")},
         expect=["c.yaml", "burn"]),
    dict(id="scan-derived-attribute", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived="derived: {d: r.__class__}")},
         expect=["c.yaml", "derived.d", "attribute access"]),
    dict(id="scan-derived-subclasses", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived=f"derived: {{d: \"{CANARY_ATTR}\"}}")},
         expect=["c.yaml", "derived.d", "not allowed"]),
    dict(id="scan-derived-canary", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived=f"derived: {{d: \"{CANARY_OS}\"}}")},
         expect=["c.yaml", "derived.d", "not allowed"]),
    dict(id="scan-derived-lambda", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived=f"derived: {{d: \"{CANARY_LAMBDA}\"}}")},
         expect=["c.yaml", "derived.d", "not allowed"]),
    dict(id="scan-derived-deep", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived=f"derived: {{d: \"{SUM_999}\"}}")},
         expect=["c.yaml", "derived.d", "nested too deeply"]),
    dict(id="scan-derived-10e6-characters", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived=f"derived: {{d: \"{LONG}\"}}")},
         expect=["c.yaml", "derived.d", "longer than"]),
    dict(id="scan-derived-unknown-column", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(derived="derived: {d: nope * 2}")},
         expect=["c.yaml", "derived.d", "unknown column"]),
    dict(id="scan-python-function-dunder", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(python_function="python_function: os:path.__class__")},
         expect=["c.yaml", "module:function"]),
    dict(id="scan-python-function-missing", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(python_function="python_function: no_such_module_xyz:f")},
         expect=["c.yaml", "python_function", "cannot load"]),
    dict(id="scan-unknown-model", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(python_function="model: nomodel")}, expect=["c.yaml", "model"]),
    dict(id="scan-model-file-missing", argv=["scan", "c.yaml", "--out", "o"],
         files={"c.yaml": scan(python_function="model_file: nofile.yaml")},
         expect=["c.yaml", "model_file", "no such file"]),
    dict(id="scan-unknown-measurement", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(likelihood="likelihood: [{observable: r, measurement: nope}]")},
         expect=["c.yaml", "likelihood.0.measurement"]),
    dict(id="scan-unknown-curve", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(constraints="constraints: [{curve: no/such/curve, x: r, y: f}]")},
         expect=["c.yaml", "constraints.0.curve"]),
    dict(id="scan-unknown-observable", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": scan(observables="observables: [nope]")},
         expect=["c.yaml", "observables.0", "unknown observable"]),
    dict(id="scan-out-is-a-file", argv=["scan", "c.yaml", "--out", "f"],
         files={"c.yaml": SCAN, "f": "x"}, expect=["f", "--out", "not a folder"]),
    dict(id="scan-out-unwritable", argv=["scan", "c.yaml", "--out", "/proc/darkseesaw-x", *SERIAL],
         files={"c.yaml": SCAN}, expect=["/proc/darkseesaw-x", "--out"]),
    dict(id="scan-out-not-empty", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": SCAN, "o/other.txt": "x"}, expect=["o", "not empty"]),
    dict(id="scan-two-scans-one-folder", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": SCAN}, setup="live_lock", expect=["o", "in use", "process"]),
    dict(id="scan-resume-in-use", argv=["scan", "c.yaml", "--out", "o", "--resume", *SERIAL],
         files={"c.yaml": SCAN}, setup="live_lock", expect=["o", "in use"]),
    dict(id="scan-again-without-resume", argv=["scan", "c.yaml", "--out", "o", *SERIAL],
         files={"c.yaml": SCAN}, setup="scan_done", expect=["o", "already holds a scan"]),
    dict(id="scan-resume-other-config", argv=["scan", "c2.yaml", "--out", "o", "--resume", *SERIAL],
         files={"c.yaml": SCAN, "c2.yaml": scan(seed="seed: 2")}, setup="scan_done",
         expect=["c2.yaml", "differs"]),
    dict(id="scan-workers-zero", argv=["scan", "c.yaml", "--out", "o", "--workers", "0"],
         files={"c.yaml": SCAN}, expect=["scan", "--workers"]),
    dict(id="scan-unknown-executor", argv=["scan", "c.yaml", "--out", "o", "--executor", "gpu"],
         files={"c.yaml": SCAN}, expect=["scan c.yaml: --executor", "unknown executor"]),
    # ---------------------------------------------------------------- report, scan-info
    dict(id="report-missing-folder", argv=["report", "nope"], expect=["nope", "no such folder"]),
    dict(id="report-file-for-folder", argv=["report", "f"], files={"f": "x"},
         expect=["f", "not a folder"]),
    dict(id="report-empty-folder", argv=["report", "d"], files={"d/": ""},
         expect=["d", "neither a scan folder"]),
    dict(id="report-damaged-manifest", argv=["report", "d"],
         files={"d/manifest.json": "{not json", "d/points/": ""},
         expect=["manifest.json", "not a readable scan manifest"]),
    dict(id="report-manifest-wrong-shape", argv=["report", "d"],
         files={"d/manifest.json": '{"chunks": 5, "sessions": []}'},
         expect=["manifest.json", "not a scan manifest"]),
    dict(id="report-damaged-chunk", argv=["report", "o"], files={"c.yaml": SCAN},
         setup="damaged_chunk", expect=["chunk-000000.parquet", "damaged chunk file"]),
    dict(id="report-out-unwritable", argv=["report", "o", "--out", "/dev/null/r.html"],
         files={"c.yaml": SCAN}, setup="scan_done", expect=["/dev/null/r.html", "--out"]),
    dict(id="scan-info-damaged-manifest", argv=["scan-info", "d"],
         files={"d/manifest.json": "[]"}, expect=["manifest.json", "not a scan manifest"]),
    dict(id="scan-info-not-a-scan", argv=["scan-info", "d"], files={"d/": ""},
         expect=["d", "not a scan folder"]),
]
