"""SPARQL 1.1 servers over HTTP: the ``sparql`` loader and the ``sparql-endpoint`` query engine.

The loader pushes the store's RDF (kg.rdf) into a named graph (``--graph IRI``) or the default
graph with the Graph Store Protocol (PUT replaces a graph, POST adds to it) and falls back to
batched SPARQL Update (INSERT DATA) where the server has no GSP endpoint. Only subjects whose
triples changed since the last load to that endpoint and graph are sent (kg.backends.state); a
changed or removed subject's old triples are deleted first (SPARQL Update), so loads stay
idempotent even for blank nodes. Credentials: $KG_SPARQL_USER / $KG_SPARQL_PASSWORD.

Endpoints are found from the query endpoint URL, by probing with requests that change nothing
(an empty GSP POST, an empty INSERT DATA): for the GSP ``store``, ``data`` beside it (Oxigraph,
Fuseki), the URL itself, ``rdf-graphs/service`` (GraphDB), ``sparql-graph-crud`` (Virtuoso); for
updates ``update`` beside it, the URL itself, ``statements`` (GraphDB). ``gsp_url`` /
``update_url`` name them outright.

On Oxigraph (its Server header says so), GSP writes go through its bulk loader
(``no_transaction``): several times faster on large loads, at the price of a batch not being
atomic, which the load state tolerates (a batch cut short is not recorded, so it is sent again).
"""

from __future__ import annotations

import io
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from kg.backends import LoadReport
from kg.backends import sparql_text as st
from kg.backends.http import HttpClient, Response, Unreachable, credentials, display
from kg.backends.state import LoadState
from kg.errors import BackendError, KgError, QueryError
from kg.model import Graph
from kg.registry import QueryResult, register

log = logging.getLogger(__name__)

MAPPING = "sparql-1"
DEFAULT_BATCH = 50_000  # triples per request
METHODS = ("auto", "gsp", "update")
_UNSUPPORTED = {400, 404, 405, 406, 415, 501}  # "not this kind of endpoint" answers to a probe
Progress = Callable[[int, int], None]


class _Server:
    """One SPARQL server: its endpoints, credentials, and errors that say what failed."""

    def __init__(self, endpoint: str, timeout: float = 120.0) -> None:
        # credentials may ride in the URL (https://user:pass@host/…): sent as basic auth, never shown
        endpoint, url_user, url_password = credentials(endpoint)
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise BackendError(f"not an http(s) SPARQL endpoint URL: {display(endpoint)!r}")
        self.endpoint = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        self.protocol_params = parse_qsl(parts.query)  # e.g. default-graph-uri, kept for queries
        self.where = display(endpoint)
        self.user = url_user or os.environ.get("KG_SPARQL_USER") or None
        password = url_password if url_password is not None else os.environ.get("KG_SPARQL_PASSWORD")
        self.http = HttpClient(self.user, password, timeout)
        self.done = self.total = 0
        self.started = False
        self.bulk = False  # Oxigraph: GSP writes may use its bulk loader (no_transaction)

    def send(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        ctype: str | None = None,
        accept: str | None = None,
    ) -> Response:
        """One request; no answer or a credentials refusal raises a BackendError saying which."""
        headers = {"Content-Type": ctype} if ctype else {}
        if accept:
            headers["Accept"] = accept
        try:
            resp = self.http.request(method, url, body, headers)
        except Unreachable as exc:
            if self.started:
                raise BackendError(
                    f"lost the connection to the SPARQL server at {self.where} during the load "
                    f"({self.done} of {self.total} triples written; {exc.reason}); "
                    "run the load again to finish it"
                ) from None
            raise BackendError(f"cannot connect to the SPARQL server at {self.where}: {exc.reason}") from None
        if resp.status in (401, 403):
            if self.user:
                raise BackendError(
                    f"the SPARQL server at {self.where} rejected the credentials of user {self.user!r} "
                    f"(HTTP {resp.status}; check KG_SPARQL_USER / KG_SPARQL_PASSWORD)"
                )
            raise BackendError(
                f"the SPARQL server at {self.where} requires credentials (HTTP {resp.status}); "
                "set KG_SPARQL_USER and KG_SPARQL_PASSWORD"
            )
        return resp

    def must(self, resp: Response, what: str) -> Response:
        if not resp.ok:
            raise BackendError(
                f"the SPARQL server at {self.where} refused {what}: HTTP {resp.status} {resp.first_line()}"
            )
        return resp

    def update(self, url: str, text: str, what: str) -> None:
        self.must(self.send("POST", url, text.encode("utf-8"), "application/sparql-update"), what)

    def query(self, text: str, accept: str) -> Response:
        """POST a query (protocol parameters such as default-graph-uri travel along)."""
        body = urlencode([("query", text), *self.protocol_params]).encode("utf-8")
        return self.send("POST", self.endpoint, body, "application/x-www-form-urlencoded", accept)

    def _candidates(self, siblings: tuple[str, ...], children: tuple[str, ...]) -> list[str]:
        """The endpoint itself, the given names beside it and below it."""
        base = self.endpoint.rstrip("/")
        urls = [urljoin(base, name) for name in siblings] + [base] + [f"{base}/{name}" for name in children]
        return list(dict.fromkeys(urls))

    def find_update(self, explicit: str | None) -> str | None:
        for url in [explicit] if explicit else self._candidates(("update",), ("statements",)):
            resp = self.send("POST", url, b"INSERT DATA { }", "application/sparql-update")
            if resp.ok:
                return url
            if resp.status not in _UNSUPPORTED or explicit:
                self.must(resp, f"SPARQL Update at {url}")
        return None

    def find_gsp(self, explicit: str | None, graph_iri: str | None) -> str | None:
        urls = self._candidates(("store", "data", "sparql-graph-crud"), ("rdf-graphs/service",))
        for url in [explicit] if explicit else urls:
            resp = self.send("POST", gsp_target(url, graph_iri), b"", "application/n-triples")
            if resp.ok:
                self.bulk = resp.server.startswith("Oxigraph/")
                return url
            if resp.status not in _UNSUPPORTED or explicit:
                self.must(resp, f"a Graph Store Protocol POST to {url}")
        return None


def gsp_target(url: str, graph_iri: str | None) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}graph={quote(graph_iri, safe='')}" if graph_iri else f"{url}{sep}default"


def _triples(graph: Graph) -> Iterator[tuple[Any, Any, Any]]:
    try:
        from kg import rdf
    except ModuleNotFoundError:
        raise KgError("the RDF mapping (kg.rdf) is not available in this installation") from None
    if hasattr(rdf, "raw_triples"):  # plain tuples: much faster than building rdflib terms
        return iter(rdf.raw_triples(graph))
    return iter(rdf.iter_triples(graph))


def _batches(groups: list[st.Group], size: int) -> Iterator[list[st.Group]]:
    batch: list[st.Group] = []
    count = 0
    for group in groups:  # a group is never split: its blank nodes must travel in one request
        if batch and count + len(group.lines) > size:
            yield batch
            batch, count = [], 0
        batch.append(group)
        count += len(group.lines)
    if batch:
        yield batch


@register("loader", "sparql", help="Push the graph's RDF into a SPARQL 1.1 server (GSP, or SPARQL Update).")
def load_sparql(
    graph: Graph,
    target: str,
    *,
    state_dir: Path | None = None,
    graph_iri: str | None = None,
    method: str = "auto",
    gsp_url: str | None = None,
    update_url: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    full: bool = False,
    progress: Progress | None = None,
    timeout: float = 120.0,
) -> LoadReport:
    """Load `graph` as RDF into the SPARQL server whose query endpoint is `target`.

    `graph_iri` names the graph to fill (default: the default graph). `method` is "auto" (GSP,
    else SPARQL Update), "gsp" or "update". `state_dir` keeps what was sent (normally
    <store>/loads); `full` re-sends everything. `progress(done, total)` counts triples.
    """
    if method not in METHODS:
        raise KgError(f"unknown SPARQL load method {method!r}; choose one of: {', '.join(METHODS)}")
    started = time.monotonic()
    server = _Server(target, timeout)
    groups = st.group_triples(_triples(graph))
    state = LoadState.open(state_dir, f"sparql {server.where} graph={graph_iri or '(default)'}", MAPPING)
    try:
        server.must(server.query("ASK { }", "application/sparql-results+json"), "a query")
        full = full or state.empty or _lost_data(server, state, graph_iri)
        report = _sync(server, state, groups, graph_iri, method, gsp_url, update_url, batch_size, full, progress)
    finally:
        state.close()
    report.full = full
    report.seconds = time.monotonic() - started
    return report


def _lost_data(server: _Server, state: LoadState, graph_iri: str | None) -> bool:
    """True when subjects earlier loads wrote are gone (the server was wiped or restored)."""
    keys = sorted(k for k in state.sections.get("subjects", {}) if not k.startswith("_:"))
    sample = keys[:: max(1, len(keys) // 50)][:50]
    if not sample:
        return False
    pattern = st._in_graph(graph_iri, "?s ?p ?o")
    values = " ".join(st.iri(k) for k in sample)
    text = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?s {{ {values} }} {pattern} }}"
    result = _parse_results(server.must(server.query(text, "application/sparql-results+json"), "a query"))
    have = int(result.rows[0][0]) if result.rows and result.rows[0][0] is not None else 0
    if have < len(sample):
        lost = len(sample) - have
        log.warning(
            "the server lost %d of %d sampled subjects since the last load; doing a full load",
            lost,
            len(sample),
        )
        return True
    return False


def _sync(
    server: _Server,
    state: LoadState,
    groups: dict[str, st.Group],
    graph_iri: str | None,
    method: str,
    gsp_url: str | None,
    update_url: str | None,
    batch_size: int,
    full: bool,
    progress: Progress | None,
) -> LoadReport:
    plan = state.plan("subjects", {k: ("b" if g.blank else "", g.digest) for k, g in groups.items()}, full)
    known = state.sections.get("subjects", {})
    clear_graph = full and graph_iri is not None  # the named graph is ours: empty it first

    def needs_delete(group: st.Group) -> bool:
        # An earlier copy may be on the server: delete it first (blank nodes would be duplicated).
        return not clear_graph and group.deletable and (group.key in known or group.blank)

    send = [groups[k] for k in sorted(plan.send)]
    gsp = server.find_gsp(gsp_url, graph_iri) if method in ("auto", "gsp") else None
    if method == "gsp" and gsp is None:
        raise BackendError(f"no Graph Store Protocol endpoint found at {server.where}; pass its URL (--gsp)")
    needs_update = gsp is None or plan.delete or any(needs_delete(g) for g in send)
    update = server.find_update(update_url) if needs_update else None
    if update is None and gsp is None:
        raise BackendError(
            f"found neither a Graph Store Protocol nor a SPARQL Update endpoint near {server.where}; "
            "name them with --gsp / --update"
        )
    if update is None and needs_update:
        if graph_iri is None:
            raise BackendError(
                f"{server.where} has no SPARQL Update endpoint to delete changed triples from the default "
                "graph; name it with --update, or load into a named graph (--graph)"
            )
        clear_graph, send = True, [groups[k] for k in sorted(groups)]  # replace the whole graph by PUT

    server.total = sum(len(g.lines) for g in send)
    server.started = True
    if clear_graph:  # PUT (GSP) or DROP (update) empties the graph: nothing to delete one by one
        if gsp is None and update is not None:
            server.update(update, f"DROP SILENT GRAPH {st.iri(graph_iri or '')}", "DROP GRAPH")
        state.forget("subjects", [k for k, _ in plan.delete])
    elif plan.delete and update is not None:
        removed = [k for k, _ in plan.delete if not k.startswith("_:")]
        for i in range(0, len(removed), 500):
            chunk = removed[i : i + 500]
            server.update(update, st.delete_subjects(chunk, graph_iri), "a DELETE")
            state.forget("subjects", chunk)
        # Blank-node groups nothing pointed to cannot be matched for deletion; stop tracking them.
        state.forget("subjects", [k for k, _ in plan.delete if k.startswith("_:")])

    put_first = clear_graph and gsp is not None
    for batch in _batches(send, batch_size):
        lines = [line for g in batch for line in g.lines]
        dels = [g.key for g in batch if needs_delete(g)]
        if gsp is not None:
            if dels and update is not None:
                server.update(update, st.delete_subjects(dels, graph_iri), "a DELETE")
            verb = "PUT" if put_first else "POST"
            data = ("\n".join(lines) + "\n").encode("utf-8")
            url = gsp_target(gsp, graph_iri) + ("&no_transaction" if server.bulk else "")
            server.must(server.send(verb, url, data, "application/n-triples"), f"a GSP {verb}")
            put_first = False
        else:
            assert update is not None
            text = (st.delete_subjects(dels, graph_iri) + " ;\n" if dels else "") + st.insert_data(lines, graph_iri)
            server.update(update, text, "an update")
        state.record("subjects", ((g.key, "b" if g.blank else "", g.digest) for g in batch))
        server.done += len(lines)
        if progress:
            progress(server.done, server.total)
    if put_first:  # nothing to send, but the named graph must still end up empty
        server.must(server.send("PUT", gsp_target(gsp or "", graph_iri), b"", "application/n-triples"), "a GSP PUT")

    return LoadReport(
        target=server.where + (f" <{graph_iri}>" if graph_iri else ""),
        method="gsp" if gsp is not None else "update",
        written={"triples": server.done},
        deleted={"subjects": len(plan.delete)},
        unchanged={"subjects": plan.unchanged},
    )


# --- queries ------------------------------------------------------------------------------------

_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_INTEGERS = "integer int long short byte nonNegativeInteger positiveInteger negativeInteger nonPositiveInteger"
_NUMERIC: dict[str, type] = {
    **dict.fromkeys([*_INTEGERS.split(), "unsignedInt", "unsignedLong"], int),
    **dict.fromkeys(["decimal", "double", "float"], float),
}
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _value(binding: dict[str, Any] | None) -> Any:
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "bnode":
        return f"_:{value}"
    datatype = binding.get("datatype", "")
    if kind in ("literal", "typed-literal") and datatype.startswith(_XSD):
        local = datatype[len(_XSD) :]
        if local == "boolean":
            return value in ("true", "1")
        if local in _NUMERIC:
            try:
                return _NUMERIC[local](value)
            except ValueError:
                return value
    return value


def _parse_results(resp: Response) -> QueryResult:
    ctype = resp.content_type.split(";")[0].strip().lower()
    if ctype in ("application/sparql-results+json", "application/json"):
        data = json.loads(resp.body)
        if "boolean" in data:
            return QueryResult(["ask"], [[bool(data["boolean"])]])
        columns = list(data.get("head", {}).get("vars", []))
        rows = [[_value(b.get(c)) for c in columns] for b in data.get("results", {}).get("bindings", [])]
        return QueryResult(columns, rows)
    import rdflib  # CONSTRUCT / DESCRIBE: a graph comes back

    fmt = "turtle" if "turtle" in ctype else "nt"
    g = rdflib.Graph().parse(io.BytesIO(resp.body), format=fmt)
    return QueryResult(["subject", "predicate", "object"], [[str(s), str(p), str(o)] for s, p, o in g])


@register("query", "sparql-endpoint", help="Run SPARQL on a SPARQL 1.1 server (target: its query endpoint URL).")
def query_sparql_endpoint(query: str, params: dict[str, Any], target: str) -> QueryResult:
    """Run one SPARQL query on the server at `target`: parameters are bound as escaped terms, and
    kg's prefixes (kg.rdf.PREFIXES) may be used undeclared, as on the embedded store."""
    from kg.rdf import PREFIXES

    server = _Server(target)
    resp = server.query(st.with_prefixes(st.substitute(query, params or {}), PREFIXES), _ACCEPT)
    if resp.status == 400:
        raise QueryError(f"SPARQL query failed on {server.where}: {resp.first_line()}")
    server.must(resp, "the query")
    try:
        return _parse_results(resp)
    except (ValueError, SyntaxError) as exc:
        raise BackendError(f"cannot read the answer of the SPARQL server at {server.where}: {exc}") from None
