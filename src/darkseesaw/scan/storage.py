"""Crash-safe columnar storage of a scan: one Parquet file per finished chunk plus a manifest.

Layout of a scan folder ``DIR``::

    DIR/manifest.json            configuration, its hash, plan, sessions, per-chunk summary
    DIR/config.yaml              the configuration as given (for people)
    DIR/points/chunk-000042.parquet   rows of chunk 42 (point ids 42*C .. 43*C-1)
    DIR/state/...                sampler state (MCMC walkers, nested-sampling checkpoint)

A chunk file is written under a temporary name in the same folder, flushed to disk (fsync) and
renamed with `os.replace`, which is atomic on POSIX: a chunk file either exists complete or not at
all. The chunk files are the truth; the manifest is a summary rewritten the same way (temporary
file + rename) and reconciled from the files' Parquet metadata on ``--resume`` and by
``scan-info``. A scan killed at any moment (SIGKILL included) therefore loses at most the chunks
in flight, which a resumed run recomputes (deterministically) — no loss, no duplicate.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

FORMAT = "darkseesaw-scan/1"
_CHUNK_RE = re.compile(r"^chunk-(\d{6,})\.parquet$")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class ScanStore:
    """A scan folder: chunk files, manifest, sampler state."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.points = self.root / "points"
        self.state = self.root / "state"
        self.manifest_path = self.root / "manifest.json"

    # -- creation -------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.manifest_path.is_file()

    def create(self, manifest: dict[str, Any], config_text: str | None = None) -> None:
        self.points.mkdir(parents=True, exist_ok=True)
        self.state.mkdir(parents=True, exist_ok=True)
        if config_text is not None:
            atomic_write_bytes(self.root / "config.yaml", config_text.encode())
        manifest = {"format": FORMAT, **manifest}
        manifest.setdefault("sessions", [])
        manifest.setdefault("chunks", {})
        self.write_manifest(manifest)

    def read_manifest(self) -> dict[str, Any]:
        return json.loads(self.manifest_path.read_text())

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        atomic_write_bytes(self.manifest_path, json.dumps(manifest, indent=1).encode())

    def clean_temporaries(self) -> int:
        """Remove temporary files of writes that a crash interrupted; return how many."""
        n = 0
        for d in (self.root, self.points, self.state):
            if d.is_dir():
                for p in d.glob(".*.tmp-*"):
                    p.unlink(missing_ok=True)
                    n += 1
        return n

    # -- chunks -----------------------------------------------------------------------------
    def chunk_path(self, k: int) -> Path:
        return self.points / f"chunk-{k:06d}.parquet"

    def completed_chunks(self) -> list[int]:
        """Indices of the chunk files present (complete by construction)."""
        if not self.points.is_dir():
            return []
        out = []
        for p in self.points.iterdir():
            m = _CHUNK_RE.match(p.name)
            if m:
                out.append(int(m.group(1)))
        return sorted(out)

    def write_chunk(self, k: int, table, meta: dict[str, Any]) -> None:
        """Write chunk ``k`` atomically; ``meta`` goes into the Parquet key-value metadata."""
        import pyarrow.parquet as pq

        md = dict(table.schema.metadata or {})
        md[b"darkseesaw"] = json.dumps({"chunk": k, **meta}).encode()
        table = table.replace_schema_metadata(md)
        path = self.chunk_path(k)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        with open(tmp, "wb") as f:
            pq.write_table(table, f, compression="snappy")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(self.points)

    def chunk_meta(self, k: int) -> dict[str, Any]:
        """The darkseesaw metadata stored in chunk ``k``'s Parquet footer."""
        import pyarrow.parquet as pq

        md = pq.read_schema(self.chunk_path(k)).metadata or {}
        return json.loads(md.get(b"darkseesaw", b"{}"))

    def reconcile(self, manifest: dict[str, Any]) -> dict[str, Any]:
        """Bring the manifest's chunk summary in line with the chunk files present."""
        present = set(self.completed_chunks())
        chunks = {int(k): v for k, v in manifest.get("chunks", {}).items()}
        for k in list(chunks):
            if k not in present:
                del chunks[k]
        for k in present - set(chunks):
            chunks[k] = self.chunk_meta(k)
        manifest["chunks"] = {str(k): chunks[k] for k in sorted(chunks)}
        return manifest

    # -- reading ----------------------------------------------------------------------------
    def read_table(self, columns: list[str] | None = None):
        """All stored rows as one `pyarrow.Table` sorted by point id (schemas unified)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables = []
        for k in self.completed_chunks():
            t = pq.read_table(self.chunk_path(k))
            if columns is not None:
                t = t.select([c for c in columns if c in t.column_names])
            tables.append(t.replace_schema_metadata(None))
        if not tables:
            return pa.table({})
        t = pa.concat_tables(tables, promote_options="default")
        if "point_id" in t.column_names:
            t = t.sort_by("point_id")
        return t

    def read_pandas(self, columns: list[str] | None = None):
        return self.read_table(columns).to_pandas()
