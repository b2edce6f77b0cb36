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

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import __version__

__all__ = ["pdg_codes", "sarah_mixing", "darkseesaw_mixing", "slha_text",  # noqa: F822
           "write_slha", "pmns_slha2", "SLHASpectrum", "read_slha", "observables_from_slha",
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


def __getattr__(name: str):
    # the reader lives in slha_read (this module stays below ~600 lines); its public names are
    # importable from here as before
    if name in ("SLHASpectrum", "read_slha", "observables_from_slha"):
        from darkseesaw.modelfiles import slha_read

        return getattr(slha_read, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
