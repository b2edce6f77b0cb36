"""Reading SLHA spectrum files of neutral-lepton models (darkseesaw's or SPheno's).

The conventions (block names, PDG codes, UV = U†, signed masses) are those of
`darkseesaw.modelfiles.slha`, which re-exports `read_slha`, `observables_from_slha` and
`SLHASpectrum` from here; ``docs/slha.md`` has the full description with sources.
"""

from __future__ import annotations

import contextlib
import io as _io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from darkseesaw.errors import InputError
from darkseesaw.io import read_user_text
from darkseesaw.modelfiles.slha import (
    _FV,
    DEFAULT_TOLERANCE,
    KNOWN_PDG_LISTS,
    MIXING_BLOCK,
    darkseesaw_mixing,
    pdg_codes,
)

__all__ = ["SLHASpectrum", "read_slha", "observables_from_slha"]


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
    # one reader for every user file: regular files only, size-capped (no /dev/zero hang)
    return read_user_text(path)


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
    # the first missing entry is found before allocating: a stray index such as 10**9 must be
    # a one-line error, not an n x n array (ValueError or MemoryError)
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            if (i, j) not in entries:
                raise InputError(path, f"{name}({i},{j})", f"missing entry of the {n}x{n} matrix")
    Z = np.zeros((n, n))
    for (i, j), v in entries.items():
        Z[i - 1, j - 1] = v
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
