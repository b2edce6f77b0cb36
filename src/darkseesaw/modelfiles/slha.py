"""SLHA spectrum files of neutral-lepton models, in the layout SARAH/SPheno use for the inverse seesaw.

darkseesaw writes the exact spectrum of a model file or of a built-in model as an SLHA file
(``darkseesaw spectrum FILE.yaml --slha OUT``, ``darkseesaw benchmark MODEL --slha OUT``), and
reads spectrum files — its own, or those SPheno writes for a SARAH inverse-seesaw model — to
compute darkseesaw's observables (``darkseesaw observables FILE.slha``,
`observables_from_slha`). The full description with sources is ``docs/slha.md``; in short:

Blocks
------
``MASS``
    Masses [GeV] of the neutral leptons Fv_1 … Fv_n (ascending, as SPheno orders them) under
    the PDG codes SARAH's ``B-L-SM-IS`` model (non-supersymmetric B−L model with inverse seesaw,
    3 ν_L + 3 N_R + 3 S) gives them, by position in mass: 12, 14, 16, 8810012, 8810014, 8810016,
    9910012, 9910014, 9910016 (``Models/B-L-SM-IS/particles.m``, SARAH 4.14.5). More than nine
    states continue with 9920012, 9920014, 9920016, 9930012, … (a darkseesaw extension). Every
    entry carries SPheno's comment ``# Fv_k``, which the reader uses first.
``UVMIX``, ``IMUVMIX``
    Real and imaginary parts of SARAH's neutrino mixing matrix ``UV`` (LesHouches name of the
    "Neutrino-Mixing-Matrix" in SARAH's ``Models/parameters.m``): row i = mass eigenstate Fv_i,
    column j = gauge eigenstate of the basis (ν_L, N_Rᶜ, S). SARAH/SPheno diagonalise a Majorana
    mass matrix as ``UV* 𝓜 UV† = diag(m)`` (``Package/SPheno/SPhenoTreeMasses.m``: ``mat2 =
    Conjg(Z).mat.Transpose(Conjg(Z))``), with mass eigenstates ``λ = UV n``. darkseesaw's
    convention is ``Uᵀ 𝓜 U = diag(m)`` with ``n = U λ``; hence

        UV = U†,   U = UV†   (U_αi = conj(UV_iα)).

    SPheno writes ``IMUVMIX`` only when an imaginary part is non-zero; a missing ``IMUVMIX`` is
    read as zero. With SPheno's flag 50 = 0 ("use file with CalcHep/Micromegas") a real mixing
    matrix comes with negative masses: the reader restores m > 0 by multiplying that row of UV
    by i (as SPheno does for flag 50 = 1).
``UPMNSIN``
    SLHA2 PMNS parameters of the light states (arXiv:0801.0045, flavour-violation input blocks),
    radians: 1 θ₁₂, 2 θ₂₃, 3 θ₁₃, 4 δ, 5 α₁, 6 α₂ with U = V(θ, δ) · diag(e^{iα₁/2}, e^{iα₂/2}, 1)
    (as implemented in FlexibleSUSY's ``PMNS_parameters::get_complex_pmns``). darkseesaw's
    PDG-2024 phases U = V · diag(1, e^{iα₂₁/2}, e^{iα₃₁/2}) give the same matrix up to a common
    charged-lepton phase e^{−iα₃₁/2} (unphysical): α₁ = −α₃₁, α₂ = α₂₁ − α₃₁ (mod 2π). Written
    for information; the reader computes the angles from the mixing matrix.
``EXTPAR``
    The model's inputs: index k = position of the parameter in the model file's ``parameters``
    (or in the built-in model's pydantic ``Parameters``), name and unit in the comment; text
    parameters (e.g. ``texture``) appear as comment lines with their index.
``DSBASIS``, ``DSMASS``
    darkseesaw blocks: numbers of ν_L, N_R, S fields (1, 2, 3), and the masses [GeV] of the other
    states of a built-in model (Z′, scalars, ALP, DM) under darkseesaw's labels (comments), with
    no PDG code claimed.

Numbers are written with 17 significant digits (``%.16E``; SPheno writes 9), so a file read back
reproduces masses and mixing entries to double precision; pyslha (whose writer rounds to 8
digits by default and keeps no comments) builds the document and parses files back.

Example
-------
>>> import numpy as np
>>> U = np.array([[np.cos(0.1), 1j * np.sin(0.1)], [1j * np.sin(0.1), np.cos(0.1)]])
>>> Z = sarah_mixing(U)                       # SARAH's UV = U†
>>> bool(np.allclose(darkseesaw_mixing(Z, np.array([1.0, 2.0]))[1], U))
True
"""

from __future__ import annotations

import contextlib
import io as _io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import __version__
from darkseesaw.errors import InputError

__all__ = ["SLHASpectrum", "pdg_codes", "sarah_mixing", "darkseesaw_mixing", "slha_text",
           "write_slha", "read_slha", "observables_from_slha", "pmns_slha2",
           "PDG_LIGHT", "PDG_HEAVY_BLSMIS", "KNOWN_PDG_LISTS", "MIXING_BLOCK"]

PDG_LIGHT = (12, 14, 16)
#: heavy neutral leptons Fv_4 … Fv_9 of SARAH's B-L-SM-IS (Models/B-L-SM-IS/particles.m)
PDG_HEAVY_BLSMIS = (8810012, 8810014, 8810016, 9910012, 9910014, 9910016)
#: PDG lists of the neutrino mass eigenstates Fv in SARAH's seesaw model files (4.14.5),
#: tried in this order when a MASS block has no ``# Fv_k`` comments
KNOWN_PDG_LISTS = {
    "B-L-SM-IS / B-L-SM": PDG_LIGHT + PDG_HEAVY_BLSMIS,
    "B-L-SSM-IS / LinSeesaw": PDG_LIGHT + (112, 114, 116, 212, 214, 216),
    "inverse-Seesaw / inverse-Seesaw-NMSSM": PDG_LIGHT + (112, 114, 116, 212, 214, 218),
}
MIXING_BLOCK = "UVMIX"
DEFAULT_TOLERANCE = 1e-6
"""Largest accepted max |UV UV† − 1| of a mixing block read from a file (SPheno's 9 digits give
~1e-9)."""

_FMT = "{: .16E}"
_FV = re.compile(r"^\s*Fv_(\d+)\b")


# ---------------------------------------------------------------------------------- conventions
def pdg_codes(n: int) -> list[int]:
    """PDG codes of the neutral-lepton mass eigenstates Fv_1 … Fv_n (ascending mass).

    The first nine are SARAH's B-L-SM-IS numbering (by position in mass, not by field content);
    further states continue with 9920012, 9920014, 9920016, 9930012, … (darkseesaw extension).

    >>> pdg_codes(7)
    [12, 14, 16, 8810012, 8810014, 8810016, 9910012]
    >>> pdg_codes(11)[-2:]
    [9920012, 9920014]
    """
    if n < 3:
        raise ValueError(f"pdg_codes: need at least 3 states, got {n}")
    codes = list(PDG_LIGHT + PDG_HEAVY_BLSMIS)
    k = 2
    while len(codes) < n:
        codes += [9900012 + 10000 * k + d for d in (0, 2, 4)]
        k += 1
    return codes[:n]


def sarah_mixing(U: np.ndarray) -> np.ndarray:
    """SARAH/SPheno's mixing matrix UV = U† of darkseesaw's U (rows: mass states).

    darkseesaw: Uᵀ 𝓜 U = diag(m), n = U λ.  SARAH: UV* 𝓜 UV† = diag(m), λ = UV n.
    """
    return np.conj(np.asarray(U)).T


def darkseesaw_mixing(Z: np.ndarray, masses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(m ≥ 0, U) from SARAH's (UV, signed masses): U = UV† after making every mass positive.

    A negative mass m_i (SPheno with flag 50 = 0, real UV) is turned positive by multiplying
    row i of UV by i, which keeps UV* 𝓜 UV† = diag(m) with |m_i| (SPheno's own rule for
    flag 50 = 1, ``Package/SPheno/SPhenoTreeMasses.m``).

    Parameters
    ----------
    Z : array (n, n), complex
        UV (rows: mass eigenstates Fv_i; columns: ν_L, N_Rᶜ, S).
    masses : array (n,)
        Masses [GeV], possibly negative.

    Returns
    -------
    m : ndarray (n,)  [GeV], |masses|
    U : ndarray (n, n)  darkseesaw's mixing matrix (rows: fields; columns: mass states)
    """
    Z = np.array(Z, dtype=complex)
    masses = np.asarray(masses, dtype=float)
    neg = masses < 0
    Z[neg, :] *= 1j
    return np.abs(masses), np.conj(Z).T


def pmns_slha2(obs: Mapping[str, Any]) -> dict[str, float]:
    """SLHA2 ``UPMNSIN`` entries [rad] from darkseesaw's neutrino observables.

    θ_ij = arcsin √(sin²θ_ij); δ as is; α₁ = −α₃₁, α₂ = α₂₁ − α₃₁ (mod 2π): SLHA2's
    V · diag(e^{iα₁/2}, e^{iα₂/2}, 1) equals the PDG-2024 V · diag(1, e^{iα₂₁/2}, e^{iα₃₁/2})
    times the common phase e^{−iα₃₁/2} (a charged-lepton rephasing).

    >>> r = pmns_slha2({"s12sq": 0.5, "s23sq": 0.5, "s13sq": 0.0, "delta_cp": 1.0,
    ...                 "alpha21": 0.5, "alpha31": 0.2})
    >>> round(r["theta12"], 6), round(r["alpha1"], 6), round(r["alpha2"], 6)
    (0.785398, 6.083185, 0.3)
    """
    two_pi = 2.0 * math.pi
    a21, a31 = float(obs["alpha21"]), float(obs["alpha31"])
    return {
        "theta12": math.asin(math.sqrt(float(obs["s12sq"]))),
        "theta23": math.asin(math.sqrt(float(obs["s23sq"]))),
        "theta13": math.asin(math.sqrt(float(obs["s13sq"]))),
        "delta": float(obs["delta_cp"]) % two_pi,
        "alpha1": (-a31) % two_pi,
        "alpha2": (a21 - a31) % two_pi,
    }


# ---------------------------------------------------------------------------------- writing
def _num(x: float) -> str:
    return _FMT.format(float(x))


def _format(doc, comments: Mapping, headers: Mapping[str, str],
            extra_lines: Mapping[str, list[str]], preamble: Sequence[str]) -> str:
    """SLHA text of a pyslha Doc: SPheno's layout, 17 significant digits, one comment per entry."""
    out = [f"# {line}".rstrip() for line in preamble]
    for name, b in doc.blocks.items():
        out.append(f"Block {name}  # {headers.get(name, '')}".rstrip())
        out += extra_lines.get(name, [])
        for k, v in b.items():
            com = comments.get((name, k), "")
            val = _num(v) if isinstance(v, float) else str(v)
            if isinstance(k, tuple):
                keys = "".join(f"{i:3d}" for i in k)
                line = f"{keys}   {val}"
            elif name == "MASS":
                line = f" {k:9d}   {val}"
            else:
                line = f" {k:5d}   {val}"
            out.append(f"{line}   # {com}" if com else line)
    return "\n".join(out) + "\n"


def slha_text(m, U, *, inputs: Sequence[tuple[str, Any, str]] = (), title: str = "",
              n_N: int | None = None, n_S: int | None = None,
              other_states: Sequence[tuple[str, float]] = ()) -> str:
    """The SLHA text of a neutral-lepton spectrum (blocks and conventions: module notes).

    Parameters
    ----------
    m : array (n,)
        Takagi masses [GeV], ascending (`darkseesaw.spectrum.takagi`).
    U : array (n, n)
        darkseesaw's mixing matrix, Uᵀ𝓜U = diag(m), rows (ν_e, ν_μ, ν_τ, N_Rᶜ…, S…).
    inputs : sequence of (name, value, unit)
        The model's inputs, written to ``EXTPAR`` (index = position; text values as comments).
    title : str
        One line naming the model (header comment).
    n_N, n_S : int, optional
        Numbers of N_R and S fields (``DSBASIS``).
    other_states : sequence of (label, mass [GeV])
        Further states of a built-in model (``DSMASS``).

    Returns
    -------
    str
    """
    import pyslha

    from darkseesaw.observables.neutrino import observables as nu_obs

    m = np.asarray(m, dtype=float)
    U = np.asarray(U, dtype=complex)
    n = m.shape[-1]
    if m.ndim != 1 or U.shape != (n, n):
        raise ValueError(f"slha_text: expected m (n,) and U (n, n), got {m.shape}, {U.shape}")
    if not (np.all(np.isfinite(m)) and np.all(np.isfinite(U))):
        raise ValueError("slha_text: masses and mixing matrix must be finite")
    Z = sarah_mixing(U)
    codes = pdg_codes(n)
    o = nu_obs(m, U)
    blocks: dict[str, Any] = {}
    comments: dict[tuple, str] = {}
    headers: dict[str, str] = {}
    extra: dict[str, list[str]] = {}

    def block(name, header):
        blocks[name] = pyslha.Block(name)
        headers[name] = header
        return blocks[name]

    b = block("SPINFO", "Program information")
    b[1], b[2] = "darkseesaw", __version__
    comments[("SPINFO", 1)], comments[("SPINFO", 2)] = "spectrum calculator", "version number"
    if inputs:
        b = block("EXTPAR", "model inputs (index: position in the model's parameters)")
        for k, (name, value, unit) in enumerate(inputs, start=1):
            label = f"{name} [{unit}]" if unit else name
            if isinstance(value, bool) or not isinstance(value, int | float):
                extra.setdefault("EXTPAR", []).append(
                    f"# {k:5d}   {name} = {value}   (text parameter, not an SLHA number)")
                continue
            b[k] = float(value)
            comments[("EXTPAR", k)] = label
    if n_N is not None and n_S is not None:
        b = block("DSBASIS", "darkseesaw: fields of the basis (nu_L, N_R^c, S)")
        for k, (v, c) in enumerate(((3, "nu_L"), (int(n_N), "N_R"), (int(n_S), "S")), start=1):
            b[k] = v
            comments[("DSBASIS", k)] = c
    b = block("MASS", "Mass spectrum")
    extra["MASS"] = ["#   PDG code      mass [GeV]                particle"]
    for i in range(n):
        b[codes[i]] = float(m[i])
        comments[("MASS", codes[i])] = f"Fv_{i + 1}"
    for name, part, what in (("UVMIX", np.real, "Re"), ("IMUVMIX", np.imag, "Im")):
        b = block(name, f"{what}(UV), UV = U^dagger: UV* M UV^dagger = diag(m); rows Fv_i, "
                        f"columns (nu_L, N_R^c, S)")
        for i in range(n):
            for j in range(n):
                b[(i + 1, j + 1)] = float(part(Z[i, j]))
                comments[(name, (i + 1, j + 1))] = f"{what}(UV({i + 1},{j + 1}))"
    b = block("UPMNSIN", "PMNS parameters of the light states, SLHA2 conventions (rad)")
    p = pmns_slha2({k: np.asarray(o[k]).item() for k in
                    ("s12sq", "s13sq", "s23sq", "delta_cp", "alpha21", "alpha31")})
    for k, key in enumerate(("theta12", "theta23", "theta13", "delta", "alpha1", "alpha2"), 1):
        b[k] = p[key]
        comments[("UPMNSIN", k)] = key
    if other_states:
        b = block("DSMASS", "darkseesaw: other states of the model [GeV] (labels, no PDG code)")
        for k, (label, mass) in enumerate(other_states, start=1):
            b[k] = float(mass)
            comments[("DSMASS", k)] = str(label)
    doc = pyslha.Doc(blocks)
    preamble = [
        "SUSY Les Houches Accord 2 - neutral-lepton spectrum",
        f"written by darkseesaw {__version__} (exact Takagi factorisation)" + (
            f": {title}" if title else ""),
        "layout of SARAH/SPheno inverse-seesaw models (B-L-SM-IS): MASS codes 12 14 16 8810012 ...,",
        "UVMIX/IMUVMIX = Re/Im(UV), UV = U^dagger; SLHA2 UPMNSIN. Conventions: docs/slha.md",
    ]
    return _format(doc, comments, headers, extra, preamble)


def write_slha(path, m, U, **kw) -> Path:
    """Write `slha_text` to ``path`` (OSError if it cannot be written); returns the path."""
    p = Path(path)
    p.write_text(slha_text(m, U, **kw))
    return p


# ---------------------------------------------------------------------------------- reading
@dataclass
class SLHASpectrum:
    """A neutral-lepton spectrum read from an SLHA file (darkseesaw's conventions).

    Attributes
    ----------
    path : str
    masses : ndarray (n,)
        Masses [GeV], ascending, ≥ 0.
    U : ndarray (n, n)
        darkseesaw's mixing matrix (Uᵀ𝓜U = diag(m); rows ν_e, ν_μ, ν_τ, other fields).
    pdg : list of int
        PDG codes of the columns of U.
    names : list of str
        SARAH names (``Fv_k``) of the columns, k = position in the file's mixing block.
    mixing_block : str
    unitarity_defect : float
        max |UV UV† − 1| of the matrix as read.
    program : str
        SPINFO 1 and 2 (spectrum calculator and version), '' if absent.
    inputs : dict
        ``MINPAR``/``EXTPAR`` entries: ``"EXTPAR 1"`` → {value, name} (name from the comment).
    upmnsin : dict
        The file's SLHA2 ``UPMNSIN`` entries, if any (index → value [rad]).
    basis : tuple (n_L, n_N, n_S) or None
        From ``DSBASIS`` (darkseesaw files).
    """

    path: str
    masses: np.ndarray
    U: np.ndarray
    pdg: list[int]
    names: list[str]
    mixing_block: str
    unitarity_defect: float
    program: str = ""
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    upmnsin: dict[int, float] = field(default_factory=dict)
    basis: tuple[int, int, int] | None = None

    def matrix(self) -> np.ndarray:
        """The mass matrix 𝓜 = U* diag(m) U† [GeV] in the basis of the mixing block's columns."""
        return np.conj(self.U) @ np.diag(self.masses) @ np.conj(self.U).T


def _read_text(path) -> str:
    p = Path(path)
    if p.is_dir():
        raise InputError(str(path), None, "is a directory, not an SLHA file")
    try:
        return p.read_text()
    except FileNotFoundError:
        raise InputError(str(path), None, "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), None, f"cannot read file ({e.__class__.__name__})") from None


def _scan(text: str, path: str) -> dict[tuple[str, Any], str]:
    """Structural check (one-line errors with line numbers) and the comment of every entry."""
    comments: dict[tuple[str, Any], str] = {}
    section: str | None = None  # block name, "DECAY", "XSECTION" or None
    n_sections = 0
    for ln, raw in enumerate(text.splitlines(), start=1):
        line, _, com = raw.partition("#")
        if not line.strip():
            continue
        if not line[0].isspace():
            mt = re.match(r"(BLOCK|DECAY|XSECTION)\b\s*(\S*)", line, re.IGNORECASE)
            if not mt:
                raise InputError(path, f"line {ln}", f"malformed SLHA: expected 'Block NAME', "
                                 f"'Decay PDG WIDTH' or an indented data line, got "
                                 f"{line.strip()[:40]!r}")
            kind = mt.group(1).upper()
            if kind == "BLOCK":
                if not re.fullmatch(r"\w+", mt.group(2)):
                    raise InputError(path, f"line {ln}", "malformed SLHA: 'Block' without a name")
                section = mt.group(2).upper()
            else:
                section = kind
            n_sections += 1
            continue
        if section is None:
            raise InputError(path, f"line {ln}", "malformed SLHA: data line outside a block")
        toks = line.split()
        keys = []
        for t in toks[:-1]:
            if re.fullmatch(r"[+-]?\d+", t):
                keys.append(int(t))
            else:
                break
        key: Any = tuple(keys) if len(keys) > 1 else (keys[0] if keys else None)
        comments[(section, key)] = com.strip()
    if n_sections == 0:
        raise InputError(path, None, "malformed SLHA: no 'Block' found")
    return comments


def _number(path, key, v) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise InputError(path, key, f"not a number: {v!r}")
    if not math.isfinite(v):
        raise InputError(path, key, f"not a finite number ({v})")
    return float(v)


def _matrix(path, blocks, name, n=None) -> np.ndarray:
    b = blocks[name]
    entries = {}
    for k, v in b.items():
        if not (isinstance(k, tuple) and len(k) == 2 and all(isinstance(i, int) for i in k)):
            raise InputError(path, f"{name}({k})", "expected an entry 'i j value' of a matrix")
        i, j = k
        entries[(i, j)] = _number(path, f"{name}({i},{j})", v)
    if not entries:
        raise InputError(path, f"Block {name}", "empty")
    size = max(max(k) for k in entries)
    if min(min(k) for k in entries) < 1:
        raise InputError(path, f"Block {name}", "indices start at 1")
    if n is not None and size != n:
        raise InputError(path, f"Block {name}", f"is {size}x{size}, the real part is {n}x{n}")
    n = size
    Z = np.zeros((n, n))
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            if (i, j) not in entries:
                raise InputError(path, f"{name}({i},{j})", f"missing entry of the {n}x{n} matrix")
            Z[i - 1, j - 1] = entries[(i, j)]
    return Z


def _mass_codes(path, blocks, comments, n, pdg) -> tuple[list[int], str]:
    mass = blocks["MASS"]
    if pdg is not None:
        pdg = [int(c) for c in pdg]
        if len(pdg) != n:
            raise InputError(path, "--pdg", f"{len(pdg)} codes for the {n} states of the mixing "
                             f"block")
        missing = [c for c in pdg if c not in mass]
        if missing:
            raise InputError(path, "Block MASS", f"no entry for PDG code {missing[0]} (--pdg)")
        return pdg, "given"
    by_comment: dict[int, int] = {}
    for (sec, key), com in comments.items():
        mt = _FV.match(com)
        if sec == "MASS" and mt and isinstance(key, int) and key in mass:
            by_comment[int(mt.group(1))] = key
    if all(k in by_comment for k in range(1, n + 1)):
        return [by_comment[k] for k in range(1, n + 1)], "comments Fv_k"
    for label, codes in KNOWN_PDG_LISTS.items():
        if n <= len(codes) and all(c in mass for c in codes[:n]):
            return list(codes[:n]), f"SARAH {label} numbering"
    if all(c in mass for c in pdg_codes(n)):
        return pdg_codes(n), "darkseesaw numbering"
    raise InputError(path, "Block MASS", f"no masses for the {n} neutral leptons of the mixing "
                     f"block: expected comments '# Fv_1' … '# Fv_{n}' or PDG codes "
                     f"{', '.join(map(str, pdg_codes(n)))} (give them with --pdg)")


def read_slha(path, *, mixing_block: str = MIXING_BLOCK, pdg: Sequence[int] | None = None,
              tolerance: float = DEFAULT_TOLERANCE) -> SLHASpectrum:
    """Read the neutral-lepton spectrum of an SLHA file (darkseesaw's or SPheno's layout).

    Parameters
    ----------
    path : str or Path
    mixing_block : str
        Name of the real part of the mixing matrix (its imaginary part: ``IM`` + name).
    pdg : sequence of int, optional
        PDG codes of the mass eigenstates Fv_1 … Fv_n in the MASS block (default: from the
        entries' ``# Fv_k`` comments, else SARAH's known numberings, see `KNOWN_PDG_LISTS`).
    tolerance : float
        Largest accepted max |UV UV† − 1|.

    Returns
    -------
    SLHASpectrum
        Masses [GeV] ascending and U in darkseesaw's convention (module notes).

    Raises
    ------
    InputError
        ``FILE: KEY: problem`` for a missing file, a folder, malformed SLHA, a missing MASS or
        mixing block, a non-finite number, a non-unitary mixing matrix.
    """
    import pyslha

    spath = str(path)
    text = _read_text(path)
    comments = _scan(text, spath)
    try:
        with contextlib.redirect_stderr(_io.StringIO()):
            doc = pyslha.readSLHA(text, ignorenomass=True)
    except Exception as e:  # noqa: BLE001 - any parser failure is a malformed file
        msg = str(e).strip().splitlines()[0] if str(e).strip() else e.__class__.__name__
        raise InputError(spath, None, f"malformed SLHA ({msg})") from None
    blocks = doc.blocks
    name = mixing_block.upper()
    if "MASS" not in blocks:
        raise InputError(spath, "Block MASS", "missing (the masses of the neutral leptons)")
    if name not in blocks:
        raise InputError(spath, f"Block {name}", "missing: the neutral-lepton mixing matrix "
                         "(SARAH/SPheno's UVMIX; another name with --block)")
    re_part = _matrix(spath, blocks, name)
    n = re_part.shape[0]
    if n < 3:
        raise InputError(spath, f"Block {name}", f"{n}x{n}: needs at least the 3 light states")
    im_part = _matrix(spath, blocks, "IM" + name, n) if "IM" + name in blocks else 0.0
    Z = re_part + 1j * im_part
    codes, _ = _mass_codes(spath, blocks, comments, n, pdg)
    signed = np.array([_number(spath, f"MASS({c})", blocks["MASS"][c]) for c in codes])
    defect = float(np.max(np.abs(Z @ np.conj(Z).T - np.eye(n))))
    if not defect <= tolerance:
        raise InputError(spath, f"Block {name}", f"mixing matrix is not unitary: "
                         f"max|UV UV^dagger - 1| = {defect:.2e} > tolerance {tolerance:g}")
    m, U = darkseesaw_mixing(Z, signed)
    order = np.argsort(m, kind="stable")
    names = [f"Fv_{k + 1}" for k in range(n)]
    program = ""
    if "SPINFO" in blocks:
        sp = blocks["SPINFO"]
        program = " ".join(str(sp[k]) for k in (1, 2) if k in sp)
    inputs: dict[str, dict[str, Any]] = {}
    for bname in ("MINPAR", "EXTPAR"):
        if bname in blocks:
            for k, v in blocks[bname].items():
                if isinstance(k, int):
                    inputs[f"{bname} {k}"] = {
                        "value": _number(spath, f"{bname}({k})", v),
                        "name": comments.get((bname, k), "")}
    upmnsin = {}
    if "UPMNSIN" in blocks:
        upmnsin = {int(k): _number(spath, f"UPMNSIN({k})", v)
                   for k, v in blocks["UPMNSIN"].items() if isinstance(k, int)}
    basis = None
    if "DSBASIS" in blocks:
        b = blocks["DSBASIS"]
        if all(k in b and isinstance(b[k], int) for k in (1, 2, 3)):
            basis = (b[1], b[2], b[3])
    return SLHASpectrum(spath, m[order], U[:, order], [codes[i] for i in order],
                        [names[i] for i in order], name, defect, program, inputs, upmnsin, basis)


# ---------------------------------------------------------------------------------- observables
_LFV = (("BR_mu_egamma", "br_mu_egamma_megii_2025"), ("BR_mu_3e", "br_mu_3e_sindrum"),
        ("CR_mu_e_Al", None), ("CR_mu_e_Au", "cr_mu_e_au_sindrum2"),
        ("BR_tau_egamma", "br_tau_egamma_babar2010"), ("BR_tau_mugamma", "br_tau_mugamma_belle2021"))


def observables_from_slha(path, *, lfv: bool = True, lifetimes: bool = True,
                          **read_kw) -> dict[str, Any]:
    """darkseesaw's neutral-lepton observables of an SLHA spectrum file (plain data).

    The file is read with `read_slha` (keywords ``mixing_block``, ``pdg``, ``tolerance``) and
    the masses and mixing go through the neutral-lepton sector's batched core,
    `darkseesaw.sectors.neutral_leptons.neutral_lepton_observables`: light masses, PMNS angles
    and phases, Δm², Σm, m_β, m_ββ, heavy-light mixing, HNL lifetimes
    (`darkseesaw.observables.hnl_decays`), LFV rates (`darkseesaw.observables.lfv`) and the
    non-unitarity η with the M_W bound on η_ee + η_μμ.

    Returns
    -------
    dict
        ``file``, ``program``, ``mixing_block``, ``unitarity_defect``, ``states`` (per mass
        eigenstate: index, pdg, name, mass_GeV, active, U2 {e, mu, tau}), ``observables``
        (registry names → value, registry units: GeV, GeV², rad, s, m), ``units``, ``light``
        (display units: eV, eV², degrees), ``lfv`` (value and limit per rate), ``ewpd``,
        ``inputs``, ``upmnsin``.
    """
    from darkseesaw.constraints.measurements import MEASUREMENTS
    from darkseesaw.io import plain
    from darkseesaw.observables import registry
    from darkseesaw.observables.neutrino import select_light
    from darkseesaw.sectors.neutral_leptons import ewpd_bound_eta, neutral_lepton_observables

    s = read_slha(path, **read_kw)
    with np.errstate(all="ignore"):
        o = neutral_lepton_observables(s.masses, s.U, lfv=lfv, lifetimes=lifetimes)
    obs = {k: (bool(v) if k == "is_NO" else float(v)) for k, v in o.items()}
    light = set(int(i) for i in select_light(s.masses, s.U))
    states = []
    for i in range(len(s.masses)):
        u2 = np.abs(s.U[:3, i]) ** 2
        states.append({"index": i + 1, "pdg": s.pdg[i], "name": s.names[i],
                       "mass_GeV": float(s.masses[i]), "active": i in light,
                       "U2": {"e": float(u2[0]), "mu": float(u2[1]), "tau": float(u2[2])}})
    rad = 180.0 / math.pi
    light_d = {
        "m_light_eV": [obs[f"m_nu{i}"] * 1e9 for i in (1, 2, 3)],
        "ordering": "NO" if obs["is_NO"] else "IO",
        "s12sq": obs["s12sq"], "s13sq": obs["s13sq"], "s23sq": obs["s23sq"],
        "delta_cp_deg": obs["delta_cp"] * rad, "alpha21_deg": obs["alpha21"] * rad,
        "alpha31_deg": obs["alpha31"] * rad,
        "dm21sq_eV2": obs["dm21sq"] * 1e18, "dm3lsq_eV2": obs["dm3lsq"] * 1e18,
        "sum_m_eV": obs["sum_m_nu"] * 1e9, "m_beta_eV": obs["m_beta"] * 1e9,
        "m_bb_eV": obs["m_bb"] * 1e9,
    }
    lfv_d = {}
    if lfv:
        for name, meas in _LFV:
            lim = MEASUREMENTS[meas] if meas else None
            lfv_d[name] = {"value": obs[name], "limit": lim.value if lim else None,
                           "cl": lim.cl if lim else None, "source": lim.source if lim else ""}
    bound = ewpd_bound_eta()
    ewpd = {"eta_ee_plus_mumu": obs["eta_ee"] + obs["eta_mumu"], "bound_95": bound,
            "pass": bool(obs["eta_ee"] + obs["eta_mumu"] <= bound),
            "source": "M_W (PDG 2024) vs SM fit, eq. 4.8 of arXiv:1909.12300"}
    return plain({
        "file": s.path, "program": s.program, "mixing_block": s.mixing_block,
        "n_states": len(s.masses), "basis": list(s.basis) if s.basis else None,
        "unitarity_defect": s.unitarity_defect, "states": states,
        "observables": obs, "units": {k: registry.unit_of(k) for k in obs},
        "light": light_d, "lfv": lfv_d, "ewpd": ewpd,
        "inputs": s.inputs, "upmnsin": {str(k): v for k, v in s.upmnsin.items()}})
