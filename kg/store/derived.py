"""The RDF and Cypher stores derived from the source of truth, brought up to date when it has changed.

A state's name also carries the mapping's format (a hash of the code and data that map the graph to
RDF and to the property graph, and of the ontology): stores built by another version of kg are stale
too, so an upgrade never answers a new query from a store that lacks what it asks for.

Each is made for one state of kg.sqlite (the state token every write renews) in
derived/.build-<kind>-<state>-<pid>/ and then renamed to derived/<kind>-<state>/, so a store
that exists is complete and matches exactly one state: a crash mid-build leaves only a temporary
folder that the next build removes. This happens on the first query after a change (or on
Store.refresh()), never per report during an ingest, so a 10,000-report ingest builds once.

How a store is made for a new state (its `complete` file says which, and the generation it is of):
- updated (the RDF store): copy-on-write per state. The newest store of the kind is copied into the
  build folder and changed there by what the writes since its generation touched (kg.store.changelog
  records it, kg.store.incremental reads that part of the graph, kg.store.rdf_delta applies it), then
  renamed like a build. The copy is Oxigraph's backup, which hard-links the store's immutable files,
  so it costs milliseconds and no disk, whatever the archive's size. Chosen over one owning process
  (every `kg query` would then go through a server) and over changing the store in place (readers in
  other processes hold read-only handles on it, and a store changed under such a handle is not
  safe: kg.store.__init__): readers keep the old state until they next query, and a writer killed
  mid-update leaves the old state as it was and a temporary folder the next build removes.
- built whole from the graph: the Cypher store (for now), the first store, and an RDF store whose
  change is not known (made by an older kg, or older than the change log), where a judgement is in
  force or changed (they move facts anywhere), or where the change touches a large part of the graph
  (kg.store.incremental.MAX_SHARE). An update gives the same triples as a build (tests/store/test_rdf_delta).

Both are opened read-only: queries cannot change the graph behind the store's back, and several
processes can query at once. A reader holds a shared lock on derived/<kind>-<state>.lock; an old
state is deleted only when nobody holds its lock.

Rejected facts (kg judge reject) are out of both unless a query asks for them (`rdf(True)`,
`cypher(True)`): those are served by separate stores, `rdf-rejected` and `cypher-rejected`, built
from the graph read with its rejected facts (each marked with the property `rejected`) the first
time they are asked for in a state. Separate stores rather than one store with a marker that every
query would have to filter on: a query written without thinking of judgements (every example in
ontology/queries.yaml, a user's own) then never sees a rejected fact, the default stores cost
nothing more, and only those who ask pay for a second build.

A store this process cannot write (a read-only mount shared by analysts) is queried as it is:
current derived stores are opened read-only without taking locks, and missing or stale ones are
built into a temporary folder for this process (logged: every run builds again), removed on close.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from kg.errors import StoreError
from kg.model import Graph
from kg.store import changelog, cypher_delta, cypherdb, incremental
from kg.store.builders import BUILDERS, UPDATERS, mapping_format
from kg.store.changelog import DERIVED_DIR
from kg.store.lock import writable

if TYPE_CHECKING:
    from kg.store.store import Store

log = logging.getLogger(__name__)

WITH_REJECTED = "-rejected"  # "rdf-rejected": the RDF store with the rejected facts too, marked
KINDS = (*BUILDERS, *(k + WITH_REJECTED for k in BUILDERS))


def _formatted(state: str) -> str:
    return f"{state}.{mapping_format()}"


def kind_of(base: str, include_rejected: bool = False) -> str:
    """The derived store that serves queries in `base` ("rdf" or "cypher"), with rejected facts or not."""
    return base + WITH_REJECTED if include_rejected else base


def _base(kind: str) -> str:
    return kind.removesuffix(WITH_REJECTED)


def _graphs(conn: Any, kinds: list[str]) -> dict[str, Graph]:
    """The graph each of `kinds` is built from: one read with, one without rejected facts, as needed."""
    from kg.store.reader import read_graph

    wanted = {kind.endswith(WITH_REJECTED) for kind in kinds}
    graphs = {flag: read_graph(conn, include_rejected=flag) for flag in sorted(wanted)}
    return {kind: graphs[kind.endswith(WITH_REJECTED)] for kind in kinds}


@contextlib.contextmanager
def _flock(path: Path, mode: int) -> Iterator[int]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, mode)
        yield fd
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Derived:
    """Handles on the derived stores of one Store, opened lazily and refreshed when stale."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.dir = store.path / DERIVED_DIR
        self.read_only = store.read_only or (self.dir.exists() and not writable(self.dir))
        self._scratch: Path | None = None  # read-only store: where missing ones are built
        self._handles: dict[str, tuple[str, Any, int | None]] = {}  # kind -> (state, handle, reader lock fd)
        self._whole = False  # an update failed: the next call builds whole stores

    # -- public ------------------------------------------------------------------------------
    def rdf(self, include_rejected: bool = False) -> pyoxigraph.Store:
        """The read-only Oxigraph store for the current state (with the rejected facts, marked, if asked)."""
        return self._open(kind_of("rdf", include_rejected))

    def cypher(self, include_rejected: bool = False) -> Any:
        """A read-only ladybug Connection for the current state (with the rejected facts, marked, if asked)."""
        return self._open(kind_of("cypher", include_rejected))[1]

    def fresh(self, kind: str) -> bool:
        """Whether the `kind` store (see KINDS) for the current state is built (a query needs no build)."""
        name = f"{kind}-{self._state()}"
        return any((where / name / "complete").exists() for where in (self.dir, self._scratch) if where)

    def refresh(self) -> None:
        """Build whatever is missing for the current state (from one read of the graph), open it."""
        if self.read_only:
            self._ensure_scratch(tuple(BUILDERS))
        else:
            self._ensure(next(iter(BUILDERS)), self._state(), also=tuple(BUILDERS))
        for kind in BUILDERS:
            self._open(kind)

    def close(self) -> None:
        for kind in list(self._handles):
            self._close(kind)
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    # -- internals ---------------------------------------------------------------------------
    def _state(self) -> str:
        return _formatted(self.store.state()[1])

    def _open(self, kind: str) -> Any:
        state = self._state()
        held = self._handles.get(kind)
        if held and held[0] == state:
            return held[1]
        self._close(kind)
        if self.read_only:
            state, path, fd = self._read_only_path(kind)
            return self._open_at(kind, state, path, fd)
        for _ in range(5):  # a state can be cleaned away between building and opening: go again
            state, path = self._ensure(kind, state)
            fd = os.open(self.dir / f"{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_SH)  # cleaners skip states someone holds
            if (path / "complete").exists():
                break
            os.close(fd)
            state = self._state()
        else:
            raise StoreError(f"{self.dir}: the derived {kind} store keeps disappearing; is another kg cleaning it?")
        return self._open_at(kind, state, path, fd)

    def _open_at(self, kind: str, state: str, path: Path, fd: int | None) -> Any:
        try:
            if _base(kind) == "rdf":
                handle: Any = pyoxigraph.Store.read_only(str(path / "oxigraph"))
            else:
                handle = cypherdb.open_read_only(path)
        except (OSError, RuntimeError) as exc:
            if fd is not None:
                os.close(fd)
            raise StoreError(f"{path}: cannot open the derived {kind} store ({exc}); delete {self.dir}") from None
        self._handles[kind] = (state, handle, fd)
        return handle

    def _close(self, kind: str) -> None:
        held = self._handles.pop(kind, None)
        if held is None:
            return
        _, handle, fd = held
        if _base(kind) == "cypher":
            db, conn = handle
            conn.close()
            db.close()
        del handle
        if fd is not None:
            os.close(fd)

    def _read_only_path(self, kind: str) -> tuple[str, Path, int | None]:
        """The current `kind` store of a store this process cannot write: in derived/ if there
        (its reader lock taken if the lock file exists), else built in a temporary folder."""
        state = self._state()
        path = self.dir / f"{kind}-{state}"
        if (path / "complete").exists():
            try:
                fd: int | None = os.open(self.dir / f"{path.name}.lock", os.O_RDONLY)
            except OSError:
                fd = None  # nobody can clean a read-only folder up under us: no lock needed
            else:
                fcntl.flock(fd, fcntl.LOCK_SH)
            return state, path, fd
        state, scratch = self._ensure_scratch((kind,))
        return state, scratch / f"{kind}-{state}", None

    def _ensure_scratch(self, kinds: tuple[str, ...]) -> tuple[str, Path]:
        """Build the `kinds` stores that derived/ lacks for the current state in this process's
        temporary folder (made on first use); (the state, the folder)."""
        scratch = self._scratch
        if scratch is None:
            try:
                scratch = self._scratch = Path(tempfile.mkdtemp(prefix="kg-derived-"))
            except OSError as exc:
                raise StoreError(f"store {self.store.path} is read-only and no temporary folder can be made to "
                                 f"query it ({exc.strerror or exc}); set TMPDIR") from None
        with self.store.snapshot() as conn:
            state = _formatted(dict(conn.execute("SELECT key, value FROM meta WHERE key='state'"))["state"])
            todo = [k for k in kinds if not any((where / f"{k}-{state}" / "complete").exists()
                                                for where in (self.dir, scratch))]
            if not todo:
                return state, scratch
            graphs = _graphs(conn, todo)
        for kind in todo:
            log.warning("store %s is read-only and has no current %s store: building one in %s for this run "
                        "only (query it once where it is writable to keep one)", self.store.path, kind, scratch)
            self._build(kind, state, graphs[kind], where=scratch)
        return state, scratch

    def _ensure(self, kind: str, state: str, also: tuple[str, ...] = ()) -> tuple[str, Path]:
        """The folder of the `kind` store for the current state, built if missing (with `also`)."""
        final = self.dir / f"{kind}-{state}"
        if (final / "complete").exists() and all((self.dir / f"{k}-{state}" / "complete").exists() for k in also):
            return state, final
        try:
            self.dir.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.dir}: cannot create ({exc.strerror or exc})") from None
        with _flock(self.dir / "build.lock", fcntl.LOCK_EX):  # one builder; others wait, then reuse
            with self.store.snapshot() as conn:
                meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('state', 'generation')"))
                state, generation = _formatted(meta["state"]), int(meta["generation"])
                wanted = dict.fromkeys((kind, *also))
                todo = [k for k in wanted if not (self.dir / f"{k}-{state}" / "complete").exists()]
                if not todo:
                    return state, self.dir / f"{kind}-{state}"
                deltas: dict[int, incremental.Delta | None] = {}  # by the generation they start from
                updates = {k: plan for k in todo if (plan := self._delta(conn, k, generation, deltas)) is not None}
                graphs = _graphs(conn, [k for k in todo if k not in updates])
            failed = False
            for name in todo:
                if name in updates:
                    try:
                        self._update(name, state, generation, *updates[name])
                    except StoreError as exc:  # the reader finds no store and asks again: built whole then
                        unsupported = isinstance(exc, cypher_delta.Unsupported)
                        log.log(logging.INFO if unsupported else logging.WARNING, "%s; building it whole", exc)
                        failed = True
                else:
                    self._build(name, state, graphs[name], generation)
            self._whole = failed
            held = {f"{k}-{h[0]}" for k, h in self._handles.items()}
            self._cleanup(keep={*(f"{k}-{state}" for k in KINDS), *held})
        return state, self.dir / f"{kind}-{state}"

    def _delta(self, conn: Any, kind: str, generation: int,
               deltas: dict[int, incremental.Delta | None]) -> tuple[Path, incremental.Delta] | None:
        """The newest `kind` store of this mapping that an update can start from, and the change since
        its state; None when it is to be built whole (no such store, the change is not known or large)."""
        if _base(kind) not in UPDATERS or self._whole:
            return None
        found = [(g, p) for p in self.dir.glob(f"{kind}-*.{mapping_format()}")
                 if p.name.rsplit("-", 1)[0] == kind and (g := changelog.generation_of(p)) is not None
                 and g <= generation and (p / incremental.SUCCESSION_FILE).exists()]
        if not found:
            return None
        base_generation, base = max(found)
        if base_generation not in deltas:  # the RDF and the Cypher store are usually of one generation
            deltas[base_generation] = incremental.read(conn, base_generation)
        delta = deltas[base_generation]
        return (base, delta) if delta is not None else None

    def _update(self, kind: str, state: str, generation: int, base: Path, delta: incremental.Delta) -> None:
        """The `kind` store of this state as a copy of `base` changed by `delta` (copy-on-write:
        readers of `base` are never disturbed, and a crash leaves only the temporary folder)."""
        started = time.perf_counter()
        tmp = self.dir / f".build-{kind}-{state}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            UPDATERS[_base(kind)](base, delta, tmp)
        except cypher_delta.Unsupported:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"{self.dir}: updating the {kind} store failed ({exc})") from None
        (tmp / "complete").write_text(f"updated from {base.name} by {len(delta.dirty)} changed ids\n"
                                      + changelog.generation_line(generation))
        os.rename(tmp, self.dir / f"{kind}-{state}")
        log.info("updated the %s store by %d changed ids in %.2f s", kind, len(delta.dirty),
                 time.perf_counter() - started)

    def _build(self, kind: str, state: str, graph: Graph, generation: int | None = None,
               where: Path | None = None) -> None:
        started = time.perf_counter()
        where = where or self.dir
        tmp = where / f".build-{kind}-{state}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            BUILDERS[_base(kind)](graph, tmp)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"{where}: building the {kind} store failed ({exc})") from None
        (tmp / "complete").write_text(f"{len(graph.entities)} entities, {len(graph.relations)} relations\n"
                                      + (changelog.generation_line(generation) if generation is not None else ""))
        os.rename(tmp, where / f"{kind}-{state}")
        log.info("built the %s store (%d entities, %d relations) in %.1f s", kind,
                 len(graph.entities), len(graph.relations), time.perf_counter() - started)

    def _cleanup(self, keep: set[str]) -> None:
        """Delete old states nobody holds and builds whose process is gone."""
        for child in self.dir.iterdir():
            name = child.name
            if name.startswith(".build-"):
                pid = name.rsplit("-", 1)[-1]
                if not (pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid()):
                    shutil.rmtree(child, ignore_errors=True)
                continue
            if not child.is_dir() or name in keep:
                continue
            lock = self.dir / f"{name}.lock"
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue  # a reader holds this state; a later build cleans it up
            try:
                shutil.rmtree(child, ignore_errors=True)
                lock.unlink(missing_ok=True)
            finally:
                os.close(fd)
