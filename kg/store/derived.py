"""The RDF and Cypher stores derived from the source of truth, rebuilt when it has changed.

Each is built for one state of kg.sqlite (the state token every write renews) into
derived/.build-<kind>-<state>-<pid>/ and then renamed to derived/<kind>-<state>/, so a store
that exists is complete and matches exactly one state: a crash mid-build leaves only a temporary
folder that the next build removes. Building happens on the first query after a change (or on
Store.refresh()), never per report during an ingest, so a 10,000-report ingest builds once.

Both are opened read-only: queries cannot change the graph behind the store's back, and several
processes can query at once. A reader holds a shared lock on derived/<kind>-<state>.lock; an old
state is deleted only when nobody holds its lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from kg import rdf
from kg.errors import StoreError
from kg.model import Graph
from kg.store import cypherdb

if TYPE_CHECKING:
    from kg.store.store import Store

log = logging.getLogger(__name__)

DERIVED_DIR = "derived"
ONTOLOGY_GRAPH = rdf.BASE + "ontology"


def ontology_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "ontology"


RDF_CHUNK = 100_000  # triples per bulk load: one load of 1.3M triples held 1.1 GB here, 100k: 0.2 GB


def build_rdf(graph: Graph, dest: Path) -> None:
    """An on-disk Oxigraph store with the graph (default graph) and the vocabulary (named graph)."""
    store = pyoxigraph.Store(str(dest / "oxigraph"))
    lines = rdf.iter_ntriples(graph)
    while chunk := list(itertools.islice(lines, RDF_CHUNK)):
        store.bulk_load(input="".join(chunk).encode("utf-8", "replace"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    vocab = ontology_dir() / "kg.ttl"
    if vocab.exists():
        store.bulk_load(path=str(vocab), format=pyoxigraph.RdfFormat.TURTLE,
                        to_graph=pyoxigraph.NamedNode(ONTOLOGY_GRAPH))
    store.flush()
    del store


BUILDERS: dict[str, Callable[[Graph, Path], None]] = {"rdf": build_rdf, "cypher": cypherdb.build}


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
        self._handles: dict[str, tuple[str, Any, int]] = {}  # kind -> (state, handle, reader lock fd)

    # -- public ------------------------------------------------------------------------------
    def rdf(self) -> pyoxigraph.Store:
        """The read-only Oxigraph store for the current state."""
        return self._open("rdf")

    def cypher(self) -> Any:
        """A read-only ladybug Connection for the current state."""
        return self._open("cypher")[1]

    def fresh(self, kind: str) -> bool:
        """Whether the `kind` store for the current state is built (a query needs no build)."""
        return (self.dir / f"{kind}-{self.store.state()[1]}" / "complete").exists()

    def refresh(self) -> None:
        """Build whatever is missing for the current state (from one read of the graph), open it."""
        self._ensure(next(iter(BUILDERS)), self.store.state()[1], also=tuple(BUILDERS))
        for kind in BUILDERS:
            self._open(kind)

    def close(self) -> None:
        for kind in list(self._handles):
            self._close(kind)

    # -- internals ---------------------------------------------------------------------------
    def _open(self, kind: str) -> Any:
        state = self.store.state()[1]
        held = self._handles.get(kind)
        if held and held[0] == state:
            return held[1]
        self._close(kind)
        for _ in range(5):  # a state can be cleaned away between building and opening: go again
            state, path = self._ensure(kind, state)
            fd = os.open(self.dir / f"{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_SH)  # cleaners skip states someone holds
            if (path / "complete").exists():
                break
            os.close(fd)
            state = self.store.state()[1]
        else:
            raise StoreError(f"{self.dir}: the derived {kind} store keeps disappearing; is another kg cleaning it?")
        try:
            if kind == "rdf":
                handle: Any = pyoxigraph.Store.read_only(str(path / "oxigraph"))
            else:
                handle = cypherdb.open_read_only(path)
        except (OSError, RuntimeError) as exc:
            os.close(fd)
            raise StoreError(f"{path}: cannot open the derived {kind} store ({exc}); delete {self.dir}") from None
        self._handles[kind] = (state, handle, fd)
        return handle

    def _close(self, kind: str) -> None:
        held = self._handles.pop(kind, None)
        if held is None:
            return
        _, handle, fd = held
        if kind == "cypher":
            db, conn = handle
            conn.close()
            db.close()
        del handle
        os.close(fd)

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
                state = dict(conn.execute("SELECT key, value FROM meta WHERE key='state'"))["state"]
                wanted = dict.fromkeys((kind, *also))
                todo = [k for k in wanted if not (self.dir / f"{k}-{state}" / "complete").exists()]
                if not todo:
                    return state, self.dir / f"{kind}-{state}"
                from kg.store.reader import read_graph

                graph = read_graph(conn)
            for name in todo:
                self._build(name, state, graph)
            held = {f"{k}-{h[0]}" for k, h in self._handles.items()}
            self._cleanup(keep={*(f"{k}-{state}" for k in BUILDERS), *held})
        return state, self.dir / f"{kind}-{state}"

    def _build(self, kind: str, state: str, graph: Graph) -> None:
        started = time.perf_counter()
        tmp = self.dir / f".build-{kind}-{state}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            BUILDERS[kind](graph, tmp)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"{self.dir}: building the {kind} store failed ({exc})") from None
        (tmp / "complete").write_text(f"{len(graph.entities)} entities, {len(graph.relations)} relations\n")
        os.rename(tmp, self.dir / f"{kind}-{state}")
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
