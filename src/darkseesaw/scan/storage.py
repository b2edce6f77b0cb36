"""Crash-safe columnar storage of a scan: one Parquet file per finished chunk plus a manifest.

Layout of a scan folder ``DIR``::

    DIR/manifest.json            configuration, its hash, plan, sessions, per-chunk summary
    DIR/config.yaml              the configuration as given (for people)
    DIR/points/chunk-000042.parquet   rows of chunk 42 (point ids 42*C .. 43*C-1)
    DIR/state/...                sampler state (MCMC walkers, nested-sampling checkpoint)
    DIR/.lock                    held while a scan runs: "PID HOST START" (`ScanLock`)

A chunk file is written under a temporary name in the same folder, flushed to disk (fsync) and
renamed with `os.replace`, which is atomic on POSIX: a chunk file either exists complete or not at
all. The chunk files are the truth; the manifest is a summary rewritten the same way (temporary
file + rename) and reconciled from the files' Parquet metadata on ``--resume`` and by
``scan-info``. A scan killed at any moment (SIGKILL included) therefore loses at most the chunks
in flight, which a resumed run recomputes (deterministically) — no loss, no duplicate.

One scan at a time per folder: `ScanLock` creates ``DIR/.lock`` exclusively (``O_EXCL``) with the
process id, host and start time, and a second ``darkseesaw scan`` (new or ``--resume``) on the
folder is refused while that process lives. A lock left by a process that died (SIGKILL, a
crashed node) is stale and taken over: on the same host when the process no longer exists (or
the id now belongs to a process started after the lock); a lock from another host cannot be
checked and is reported with the file to delete.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from pathlib import Path
from typing import Any

from darkseesaw.errors import InputError

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
        """The manifest; a damaged one is an `InputError` naming the file."""
        where = str(self.manifest_path)
        try:
            m = json.loads(self.manifest_path.read_bytes())
        except (OSError, ValueError) as e:
            raise InputError(where, None, f"not a readable scan manifest ({type(e).__name__}: "
                             f"{str(e).splitlines()[0][:80]})") from None
        if not isinstance(m, dict) or not isinstance(m.get("chunks", {}), dict) \
                or not isinstance(m.get("sessions", []), list) \
                or not all(isinstance(v, dict) for v in m.get("chunks", {}).values()) \
                or not all(isinstance(v, dict) and isinstance(v.get("start", 0), int | float)
                           for v in m.get("sessions", [])):
            raise InputError(where, None, "not a scan manifest (damaged: expected a mapping with "
                             "'chunks' and 'sessions')")
        return m

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

    def read_chunk(self, k: int):
        """The rows of chunk ``k`` (`pyarrow.Table`); a damaged file is an `InputError`."""
        import pyarrow.parquet as pq

        try:
            return pq.read_table(self.chunk_path(k))
        except Exception as e:  # noqa: BLE001 - pyarrow raises several types on a damaged file
            raise InputError(str(self.chunk_path(k)), None, f"damaged chunk file "
                             f"({type(e).__name__}); move it away and run --resume to "
                             "recompute it") from None

    def chunk_meta(self, k: int) -> dict[str, Any]:
        """The darkseesaw metadata stored in chunk ``k``'s Parquet footer."""
        import pyarrow.parquet as pq

        try:
            md = pq.read_schema(self.chunk_path(k)).metadata or {}
            return json.loads(md.get(b"darkseesaw", b"{}"))
        except Exception as e:  # noqa: BLE001 - pyarrow raises several types on a damaged file
            raise InputError(str(self.chunk_path(k)), None, f"damaged chunk file "
                             f"({type(e).__name__}); move it away and run --resume to "
                             "recompute it") from None

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

        tables = []
        for k in self.completed_chunks():
            t = self.read_chunk(k)
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


# -- one scan per folder ------------------------------------------------------------------------
def _process_start(pid: int) -> float | None:
    """Start time (Unix seconds) of a live process on this Linux host, None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        btime = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                     if line.startswith("btime"))
        return btime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _alive(pid: int, since: float) -> bool:
    """Whether process ``pid`` exists and is the one that wrote a lock at time ``since``."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's
        pass
    start = _process_start(pid)
    return start is None or start <= since + 2.0  # a later start: the id was reused


class ScanLock:
    """``DIR/.lock``: one running scan per folder (see the module notes).

    ``acquire()`` raises `InputError` (``DIR: scan folder in use by process PID ...``) when a
    live scan holds the folder; ``release()`` removes the lock if it is ours.
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.path = self.root / ".lock"
        self.held = False

    def _read(self) -> tuple[int, str, float] | None:
        try:
            pid, host, since = self.path.read_text().split()[:3]
            return int(pid), host, float(since)
        except (OSError, ValueError):
            return None

    def acquire(self) -> ScanLock:
        me = f"{os.getpid()} {socket.gethostname()} {time.time():.3f}\n"
        for _ in range(5):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._read()
                if holder is None:  # being written right now, or garbage: look at its age
                    try:
                        age = time.time() - self.path.stat().st_mtime
                    except FileNotFoundError:
                        continue
                    if age < 5.0:
                        time.sleep(0.2)
                        continue
                else:
                    pid, host, since = holder
                    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(since))
                    if host != socket.gethostname():
                        raise InputError(str(self.root), None, f"scan folder in use by process "
                                         f"{pid} on host {host} (since {when}); if that scan "
                                         f"is no longer running, delete {self.path}") from None
                    if _alive(pid, since):
                        raise InputError(str(self.root), None, f"scan folder in use by a running "
                                         f"scan (process {pid}, since {when}): wait for it to "
                                         "finish or stop it (Ctrl-C, kill), then --resume") \
                            from None
                try:  # stale: its process is gone
                    self.path.unlink()
                except FileNotFoundError:
                    pass
                continue
            with os.fdopen(fd, "w") as f:
                f.write(me)
                f.flush()
                os.fsync(f.fileno())
            self.held = True
            return self
        raise InputError(str(self.root), None, f"cannot take the scan lock {self.path}")

    def release(self) -> None:
        if self.held:
            holder = self._read()
            if holder is not None and holder[0] == os.getpid():
                self.path.unlink(missing_ok=True)
            self.held = False

    def __enter__(self) -> ScanLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
