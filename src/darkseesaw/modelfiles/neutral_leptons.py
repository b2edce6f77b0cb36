"""Neutral-lepton models written by a user as YAML files.

Format
------
.. code-block:: yaml

    name: ISS with three N_R and three S          # optional
    description: free text                         # optional
    unit: GeV                                      # unit of the blocks: eV, keV, MeV, GeV, TeV
    parameters:                                    # named numbers usable in expressions
      y: 0.05
      Lambda: 1000.0
      mu0: 1.0e-6
    blocks:                                        # basis (ν_L, N_Rᶜ, S): see spectrum.builders
      mD:   [[ "y*v_EW/sqrt(2)", 0, 0 ], ...]     # 3 × n_N (required)
      M:    { diag: [ Lambda, "2*Lambda", "3*Lambda" ] }   # n_S × n_N
      mu_S: { diag: [ mu0, mu0, mu0 ] }            # n_S × n_S, symmetric
      mu_R: ...                                    # n_N × n_N, symmetric (type I: mD + mu_R)
      m_DS: ...                                    # 3 × n_S (linear seesaw: mD + M + m_DS)
      mL:   ...                                    # 3 × 3, symmetric (ν_L Majorana mass)

Which blocks are given selects the seesaw: type I (``mD``, ``mu_R``), inverse (``mD``, ``M``,
``mu_S``), linear (``mD``, ``M``, ``m_DS``), or any extension; ``mD`` and one more block are
required.

A loaded file is a model on the contract (`NeutralLeptonModelFile.as_model`): a
`darkseesaw.models.base.Model` with the file's parameters and one
`darkseesaw.sectors.NeutralLeptons` sector, so that ``darkseesaw scan`` with ``model_file:``
gets the registered observables and ``constraints: auto`` gets the sector's links; the batch
path `NeutralLeptonModelFile.evaluate` computes the same observables vectorised over a chunk.

A block is a list of rows (numbers, complex numbers written as expressions such as
``"1e-6*cis(0.3)"`` or ``"(1+2j)*1e-7"``, or expression strings), or ``{diag: [...]}``, or a
single entry for a 1×1 block. Expressions use the safe grammar of `darkseesaw.expressions`
(never ``eval``). Every problem is reported as ``FILE: KEY: problem`` through
`darkseesaw.errors.InputError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.errors import InputError
from darkseesaw.expressions import BUILTIN_NAMES, ExpressionError, evaluate, names_in
from darkseesaw.models.base import Model, ModelParameters
from darkseesaw.observables.neutrino import observables as neutrino_observables
from darkseesaw.sectors.neutral_leptons import NeutralLeptons, neutral_lepton_observables
from darkseesaw.spectrum.builders import neutral_lepton_matrix
from darkseesaw.spectrum.takagi import last_info as takagi_last_info
from darkseesaw.spectrum.takagi import takagi

__all__ = ["NeutralLeptonModelFile", "load", "loads"]

_TOP_KEYS = {"name", "description", "unit", "parameters", "blocks"}
_BLOCKS = ("mD", "M", "mu_S", "mu_R", "m_DS", "mL")
_SYMMETRIC = ("mu_S", "mu_R", "mL")


@dataclass
class NeutralLeptonModelFile:
    """A validated neutral-lepton model file.

    Attributes
    ----------
    path : str
        File name (for messages).
    name, description : str
    unit : float
        GeV per unit of the block entries.
    parameters : dict[str, float]
        Default values of the named parameters.
    blocks : dict[str, list[list]]
        Raw entries (numbers or expression strings) of each block present.
    n_N, n_S : int
        Numbers of N_R and S fields.
    """

    path: str
    name: str
    description: str
    unit: float
    parameters: dict[str, float]
    blocks: dict[str, list[list[Any]]]
    n_N: int
    n_S: int
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        """Dimension of the full mass matrix, 3 + n_N + n_S."""
        return 3 + self.n_N + self.n_S

    def _values(self, params: Mapping[str, Any] | None):
        vals: dict[str, Any] = dict(self.parameters)
        if params:
            for k, v in params.items():
                if k not in self.parameters:
                    raise InputError(self.path, f"parameters.{k}",
                                     f"unknown parameter (known: {', '.join(self.parameters)})")
                vals[k] = np.asarray(v, dtype=float)
        return vals

    def block_arrays(self, params: Mapping[str, Any] | None = None, *, check_finite=True):
        """Numerical blocks [GeV] as arrays of shape (batch..., rows, cols)."""
        vals = self._values(params)
        shape = np.broadcast_shapes(*(np.shape(v) for v in vals.values())) if vals else ()
        out = {}
        for bname, rows in self.blocks.items():
            nr, nc = len(rows), len(rows[0])
            arr = np.zeros(shape + (nr, nc), dtype=complex)
            for i, row in enumerate(rows):
                for j, entry in enumerate(row):
                    try:
                        v = evaluate(entry, vals, check_finite=check_finite)
                    except ExpressionError as e:
                        raise InputError(self.path, f"blocks.{bname}[{i}][{j}]", str(e)) from None
                    arr[..., i, j] = v * self.unit
            out[bname] = arr
        for sym in _SYMMETRIC:
            if sym in out:
                a = out[sym]
                at = np.swapaxes(a, -1, -2)
                bad = np.abs(a - at) > 1e-12 * np.maximum(np.abs(a), np.abs(at))
                if np.any(bad):
                    i, j = np.argwhere(bad.reshape((-1,) + bad.shape[-2:]).any(axis=0))[0]
                    raise InputError(self.path, f"blocks.{sym}",
                                     f"Majorana block is not symmetric ([{i}][{j}] != [{j}][{i}])")
        return out

    def matrix(self, params: Mapping[str, Any] | None = None, *, check_finite=True):
        """Full mass matrix [GeV], shape (batch..., n, n), basis (ν_L, N_Rᶜ, S)."""
        b = self.block_arrays(params, check_finite=check_finite)
        if "M" not in b:  # type I or a file without N–S block: M = 0 (n_S × n_N)
            b["M"] = np.zeros(np.shape(b["mD"])[:-2] + (self.n_S, self.n_N), complex)
        return neutral_lepton_matrix(b["mD"], b["M"], b.get("mu_S"), b.get("mu_R"),
                                     b.get("m_DS"), b.get("mL"), check_symmetric=False)

    def spectrum(self, params: Mapping[str, Any] | None = None):
        """(m, U, observables) of the model at the given parameter values (defaults otherwise)."""
        m, U = takagi(self.matrix(params))
        return m, U, neutrino_observables(m, U)

    def as_model(self) -> Model:
        """The file as a model on the contract (see the module notes)."""
        if "model" not in self._cache:
            self._cache["model"] = _file_model(self)
        return self._cache["model"]

    def evaluate(self, params: Mapping[str, Any], *, lfv: bool = False,
                 lifetimes: bool = False) -> dict[str, np.ndarray]:
        """Vectorised evaluation for scans: registered observables for a batch of points.

        Points whose matrix is not finite, or whose diagonalisation fails, get NaN and a
        reason in the column ``failure`` ('' for good points).

        Parameters
        ----------
        params : mapping name → array (B,)
        lfv, lifetimes : bool
            Also compute the LFV rates / HNL lifetimes (the costly observables).

        Returns
        -------
        dict name → array (B,)
            The observables of `darkseesaw.sectors.neutral_leptons.neutral_lepton_observables`
            (registry names and units: masses in GeV, Δm² in GeV², phases in rad), and
            ``failure``.
        """
        vals = self._values(params)
        B = int(np.prod(np.broadcast_shapes(*(np.shape(v) for v in vals.values())))) if vals else 1
        M = self.matrix(params, check_finite=False).reshape(B, self.size, self.size)
        failure = np.full(B, "", dtype=object)
        bad = ~np.all(np.isfinite(M), axis=(-2, -1))
        failure[bad] = "non-finite mass matrix"
        good = ~bad
        names = self.as_model().observable_names(lfv=lfv, lifetimes=lifetimes)
        out: dict[str, np.ndarray] = {k: np.full(B, np.nan) for k in names}
        out["is_NO"] = np.zeros(B, dtype=bool)
        if np.any(good):
            m, U = takagi(M[good])
            info = takagi_last_info()
            if len(info["failed"]):
                # the arbitrary-precision fallback ran out of its time budget: NaN, with the reason
                idx = np.flatnonzero(good)[info["failed"]]
                failure[idx] = (f"{info['reason']}: double precision not certified and the "
                                f"arbitrary-precision recomputation exceeded its budget "
                                f"(DARKSEESAW_PRECISION_BUDGET)")
            done = np.all(np.isfinite(m), axis=-1)
            if np.any(done):
                o = neutral_lepton_observables(m[done], U[done], lfv=lfv, lifetimes=lifetimes)
                idx = np.flatnonzero(good)[done]
                for k, v in o.items():
                    out[k][idx] = v
        out["failure"] = failure.astype(str)
        return out


def _as_matrix(path, key, value):
    """Turn a YAML block (list of rows, {diag: [...]}, or a scalar) into a list of rows."""
    if isinstance(value, Mapping):
        if set(value) != {"diag"}:
            raise InputError(path, key, f"a mapping block must be {{diag: [...]}}, got keys "
                                        f"{sorted(value)}")
        d = value["diag"]
        if not isinstance(d, list) or not d:
            raise InputError(path, f"{key}.diag", "expected a non-empty list")
        return [[d[i] if i == j else 0 for j in range(len(d))] for i in range(len(d))]
    if isinstance(value, list):
        if not value:
            raise InputError(path, key, "empty block")
        if all(not isinstance(r, list) for r in value):
            raise InputError(path, key, "expected a list of rows (a list of lists)")
        if not all(isinstance(r, list) for r in value):
            raise InputError(path, key, "every row must be a list")
        ncol = len(value[0])
        for i, r in enumerate(value):
            if len(r) != ncol:
                raise InputError(path, f"{key}[{i}]", f"row has {len(r)} entries, row 0 has {ncol}")
        return value
    return [[value]]


def loads(text: str, path: str = "<string>") -> NeutralLeptonModelFile:
    """Parse and validate a model file from a YAML string (see module notes)."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "YAML"
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(path, where, f"malformed YAML: {problem}") from None
    if not isinstance(doc, Mapping):
        raise InputError(path, None, "expected a mapping with 'parameters' and 'blocks'")
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        raise InputError(path, sorted(unknown)[0],
                         f"unknown key (allowed: {', '.join(sorted(_TOP_KEYS))})")
    unit_name = doc.get("unit", "GeV")
    if unit_name not in ph.MASS_UNITS:
        raise InputError(path, "unit", f"unknown unit {unit_name!r} (allowed: "
                                       f"{', '.join(ph.MASS_UNITS)})")
    params_raw = doc.get("parameters") or {}
    if not isinstance(params_raw, Mapping):
        raise InputError(path, "parameters", "expected a mapping name: value")
    params: dict[str, float] = {}
    for k, v in params_raw.items():
        if not isinstance(k, str) or not k.isidentifier():
            raise InputError(path, f"parameters.{k}", "parameter names must be identifiers")
        if k in BUILTIN_NAMES:
            raise InputError(path, f"parameters.{k}", "shadows a built-in constant; rename it")
        if isinstance(v, bool) or not isinstance(v, int | float):
            try:
                v = float(evaluate(v, params))
            except ExpressionError as e:
                raise InputError(path, f"parameters.{k}", f"not a real number ({e})") from None
        if not np.isfinite(v):
            raise InputError(path, f"parameters.{k}", "not a finite number")
        params[k] = float(v)
    blocks_raw = doc.get("blocks")
    if not isinstance(blocks_raw, Mapping):
        raise InputError(path, "blocks", "missing or not a mapping (needs mD, M, mu_S)")
    for k in blocks_raw:
        if k not in _BLOCKS:
            raise InputError(path, f"blocks.{k}", f"unknown block (allowed: {', '.join(_BLOCKS)})")
    if "mD" not in blocks_raw:
        raise InputError(path, "blocks.mD", "missing block")
    if len(blocks_raw) < 2:
        raise InputError(path, "blocks", "give mD and at least one more block (mu_R for type I; "
                                         "M and mu_S for the inverse seesaw)")
    blocks = {k: _as_matrix(path, f"blocks.{k}", v) for k, v in blocks_raw.items()}
    # entries: numbers or valid expressions naming known parameters
    known = set(params) | set(BUILTIN_NAMES)
    for bname, rows in blocks.items():
        for i, row in enumerate(rows):
            for j, e in enumerate(row):
                key = f"blocks.{bname}[{i}][{j}]"
                if isinstance(e, bool) or not isinstance(e, int | float | str):
                    raise InputError(path, key, f"not a number or expression: {e!r}")
                if isinstance(e, str):
                    try:
                        unknown_names = names_in(e) - known
                    except ExpressionError as err:
                        raise InputError(path, key, str(err)) from None
                    if unknown_names:
                        raise InputError(path, key, f"unknown name {sorted(unknown_names)[0]!r} "
                                                    f"in {e!r}")
    # shapes
    nN = len(blocks["mD"][0])
    if "M" in blocks:
        nS = len(blocks["M"])
    elif "mu_S" in blocks:
        nS = len(blocks["mu_S"])
    elif "m_DS" in blocks:
        nS = len(blocks["m_DS"][0])
    else:
        nS = 0
    expect = {"mD": (3, nN), "M": (nS, nN), "mu_S": (nS, nS), "mu_R": (nN, nN),
              "m_DS": (3, nS), "mL": (3, 3)}
    for bname, rows in blocks.items():
        shp = (len(rows), len(rows[0]))
        if shp != expect[bname]:
            raise InputError(path, f"blocks.{bname}",
                             f"wrong shape {shp[0]}x{shp[1]}, expected "
                             f"{expect[bname][0]}x{expect[bname][1]} (n_N={nN} from mD, "
                             f"n_S={nS})")
    model = NeutralLeptonModelFile(
        path=path,
        name=str(doc.get("name", Path(path).stem)),
        description=str(doc.get("description", "")),
        unit=ph.to_GeV(1.0, unit_name),
        parameters=params,
        blocks=blocks,
        n_N=nN,
        n_S=nS,
    )
    # evaluate once at the defaults: catches non-finite values and asymmetric μ blocks now
    model.block_arrays()
    return model


def load(path) -> NeutralLeptonModelFile:
    """Read and validate a model file (see module notes); errors as `InputError`."""
    p = Path(path)
    try:
        text = p.read_text()
    except FileNotFoundError:
        raise InputError(str(path), None, "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), None, f"cannot read file ({e.__class__.__name__})") from None
    return loads(text, str(path))


class _FileModel(Model):
    """A neutral-lepton model file on the contract (built by `NeutralLeptonModelFile.as_model`)."""

    def observable_names(self, *, lfv: bool = True, lifetimes: bool = True) -> list[str]:
        """Names of the observables the file's model produces."""
        k = self.sectors[0].n_heavy
        names = [f"m_nu{i}" for i in (1, 2, 3)] + [
            "s12sq", "s13sq", "s23sq", "delta_cp", "alpha21", "alpha31", "dm21sq", "dm3lsq",
            "is_NO", "m_beta", "m_bb", "sum_m_nu", "eta_ee", "eta_mumu", "eta_tautau", "eta_emu",
            "eta_etau", "eta_mutau", "U2_e_heavy", "U2_mu_heavy", "U2_tau_heavy"]
        for i in range(1, k + 1):
            names += [f"m_N{i}"] + [f"U2{e}_{fl}_N{i}" for fl in ("e", "mu", "tau")
                                    for e in ("", "eff")]
            if lifetimes:
                names += [f"tau_N{i}", f"ctau_N{i}"]
        if lfv:
            names += ["BR_mu_egamma", "BR_mu_3e", "CR_mu_e_Al", "CR_mu_e_Au", "BR_tau_egamma",
                      "BR_tau_mugamma"]
        return names


def _file_model(f: NeutralLeptonModelFile) -> Model:
    from pydantic import create_model

    fields = {k: (float, v) for k, v in f.parameters.items()}
    P = create_model(f"Parameters_{Path(f.path).stem}".replace("-", "_"),
                     __base__=ModelParameters, **fields)

    def block(name):
        return lambda p: f.block_arrays(p.model_dump())[name]

    def M_block(p):
        b = f.block_arrays(p.model_dump())
        return b["M"] if "M" in b else np.zeros((f.n_S, f.n_N))

    sector = NeutralLeptons(mD=block("mD"), M=M_block,
                            **{k: block(k) for k in ("mu_S", "mu_R", "m_DS", "mL") if k in f.blocks},
                            n_N=f.n_N, n_S=f.n_S)
    cls = type("FileModel", (_FileModel,), {
        "id": f"file:{Path(f.path).name}", "description": f.description or f.name,
        "references": (), "Parameters": P, "benchmarks": {"defaults": {}},
        "sectors": (sector,)})
    return cls()
