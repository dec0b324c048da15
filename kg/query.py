"""Queries with parameters: SPARQL on the embedded Oxigraph store, Cypher on the embedded ladybug
store, or either on a server through the query engines registered in kg.registry.

Values never become query syntax. Cypher gets them as $name parameters. SPARQL binds the query's
?name to the value with a VALUES block holding the value as an RDF term serialized by Oxigraph
(quotes and backslashes escaped), placed first in the query's WHERE clause: the value is then in
scope everywhere in it, FILTERs included, and the engine starts from it. (Oxigraph's own
substitution binds only projected variables, and a trailing VALUES clause ran 40x slower here.)
SPARQL queries may use the prefixes of kg.rdf.PREFIXES without declaring them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.rdf import PREFIXES, XSD
from kg.registry import QueryResult, get

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE | re.MULTILINE)
_CYPHER_WRITE = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|COPY|ALTER)\b", re.IGNORECASE)


class IRI(str):
    """A parameter value that is an IRI (a SPARQL named node), not a string literal."""


PARAM_TYPES = {"str": str, "int": int, "float": float, "bool": None, "iri": IRI}


def parse_param(text: str) -> tuple[str, Any]:
    """'name=value' (a string), or 'name:int=5', 'name:float=0.5', 'name:bool=true', 'name:iri=https://…'."""
    name, sep, value = text.partition("=")
    if not sep:
        raise QueryError(f"parameter {text!r}: expected name=value")
    name, _, kind = name.strip().partition(":")
    kind = kind or "str"
    if not _NAME.match(name):
        raise QueryError(f"parameter {text!r}: the name must be letters, digits and _")
    if kind not in PARAM_TYPES:
        raise QueryError(f"parameter {text!r}: unknown type {kind!r}; choose one of: {', '.join(PARAM_TYPES)}")
    if kind == "bool":
        if value.lower() not in ("true", "false"):
            raise QueryError(f"parameter {text!r}: a bool is true or false")
        return name, value.lower() == "true"
    try:
        if kind == "iri":
            ox.NamedNode(value)  # refused here, in one line, rather than deep inside the query
        return name, PARAM_TYPES[kind](value)
    except ValueError as exc:
        why = f" ({exc})" if kind == "iri" else ""
        raise QueryError(f"parameter {text!r}: {value!r} is not a valid {kind}{why}") from None


def parse_params(items: list[str] | None) -> dict[str, Any]:
    return dict(parse_param(item) for item in items or [])


# -- SPARQL -----------------------------------------------------------------------------------


def _sparql_term(value: Any) -> ox.NamedNode | ox.Literal:
    if isinstance(value, IRI):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, datetime.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(str(value))


_NUMERIC = {XSD + t: int for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
_NUMERIC.update({XSD + t: float for t in ("double", "float", "decimal")})


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value if term.datatype is not None else ""
        if dtype == XSD + "boolean":
            return term.value in ("true", "1")
        if dtype in _NUMERIC:
            try:
                return _NUMERIC[dtype](term.value)
            except ValueError:
                return term.value
        return term.value
    return str(term)


_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*")'
    r"|(?P<word>[A-Za-z]+)|(?P<open>\{)|(?P<close>\})"
)


def _where_brace(query: str) -> int | None:
    """Index of the '{' that opens the query's WHERE clause (None if it has none).

    Comments, IRIs and strings are skipped, so braces inside them do not count; in a CONSTRUCT
    query without the WHERE keyword the first group is the template.
    """
    depth, form, where, template_done = 0, "", False, False
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "word" and depth == 0:
            word = m.group().upper()
            if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and not form:
                form = word
            elif word == "WHERE":
                where = True
        elif kind == "open":
            if depth == 0 and (form != "CONSTRUCT" or where or template_done):
                return m.start()
            depth += 1
        elif kind == "close":
            depth -= 1
            template_done = template_done or depth == 0
    return None


def bind_sparql(query: str, params: Mapping[str, Any] | None) -> str:
    """The query with its ?variables bound to the parameters (see the module docstring).

    The values are serialized RDF terms, so they stay data whatever they contain. A query without
    a WHERE clause (DESCRIBE <iri>) gets the VALUES block at its end, which SPARQL also allows.
    """
    if not params:
        return query
    for name in params:
        if not _NAME.match(name):
            raise QueryError(f"parameter name {name!r}: letters, digits and _ only")
    names = " ".join(f"?{name}" for name in params)
    try:
        values = " ".join(str(_sparql_term(value)) for value in params.values())
    except ValueError as exc:  # an IRI value that is no IRI
        raise QueryError(f"parameters: {exc}") from None
    block = f"VALUES ({names}) {{ ({values}) }}"
    at = _where_brace(query)
    if at is None:
        return f"{query.rstrip()}\n{block}\n"
    return f"{query[: at + 1]} {block} {query[at + 1 :]}"


def run_sparql(store: ox.Store, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a SPARQL query on an Oxigraph store; parameters bind the query's ?variables."""
    try:
        result = store.query(bind_sparql(query, params), prefixes=PREFIXES)
    except SyntaxError as exc:
        hint = " (the embedded store is read-only: it is rebuilt from the reports)" if _UPDATE.search(query) else ""
        raise QueryError(f"SPARQL: {str(exc).splitlines()[0]}{hint}") from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"SPARQL: {exc}") from None
    try:
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(["ask"], [[bool(result)]])
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            return QueryResult(columns, [[_python(sol[c]) for c in columns] for sol in result])
        return QueryResult(["subject", "predicate", "object"],
                           [[_python(t.subject), _python(t.predicate), _python(t.object)] for t in result])
    except (OSError, SyntaxError, ValueError, RuntimeError) as exc:  # evaluation errors surface here
        raise QueryError(f"SPARQL: {exc}") from None


def sparql(store: Any, query: str, params: Mapping[str, Any] | None = None, *,
           include_rejected: bool = False) -> QueryResult:
    """SPARQL on a kg Store's embedded RDF store (built or refreshed first if stale); the facts
    judged wrong are in it only if `include_rejected` (then marked kg:rejected)."""
    return run_sparql(store.derived.rdf(include_rejected), query, params)


# -- Cypher -----------------------------------------------------------------------------------


def _cypher_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "_LABEL" in value and "_ID" in value:  # a node or relationship: its label and properties
            out = {k: _cypher_value(v) for k, v in value.items() if not k.startswith("_")}
            return {"_label": value["_LABEL"], **out}
        if "_nodes" in value and "_rels" in value:  # a path
            return {"nodes": [_cypher_value(n) for n in value["_nodes"]],
                    "relationships": [_cypher_value(r) for r in value["_rels"]]}
        return {k: _cypher_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cypher_value(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


_CYPHER_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CYPHER_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def missing_cypher_params(query: str, params: Mapping[str, Any] | None) -> list[str]:
    """The $parameters a Cypher query uses (outside its string literals) that `params` lacks: the
    engine would read them as null and quietly match nothing."""
    used = dict.fromkeys(_CYPHER_PARAM.findall(_CYPHER_STRING.sub("''", query)))
    return [name for name in used if name not in (params or {})]


def run_cypher(conn: Any, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run Cypher on a ladybug connection with $parameters (each one the query uses must be given)."""
    if missing := missing_cypher_params(query, params):
        raise QueryError("Cypher: no value for " + ", ".join(f"${n}" for n in missing) + " (pass "
                         + " ".join(f"--param {n}=…" for n in missing) + ")")
    try:
        result = conn.execute(query, dict(params or {}))
    except RuntimeError as exc:
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        if "read-only" in message or (_CYPHER_WRITE.search(query) and "write" in message.lower()):
            message += " (the embedded store is read-only: it is rebuilt from the reports)"
        raise QueryError(f"Cypher: {message}") from None
    if isinstance(result, list):  # several statements: the last one's rows
        result = result[-1]
    columns = list(result.get_column_names())
    rows = [[_cypher_value(v) for v in row] for row in result.get_all()]
    return QueryResult(columns, rows)


def cypher(store: Any, query: str, params: Mapping[str, Any] | None = None, *,
           include_rejected: bool = False) -> QueryResult:
    """Cypher on a kg Store's embedded property-graph store (built or refreshed first if stale);
    the facts judged wrong are in it only if `include_rejected` (then with a `rejected` property)."""
    return run_cypher(store.derived.cypher(include_rejected), query, params)


# -- dispatch ---------------------------------------------------------------------------------

LANGUAGES = ("sparql", "cypher")
REMOTE = {"sparql": "sparql-endpoint", "cypher": "neo4j"}


def run(language: str, query: str, params: Mapping[str, Any] | None = None, *,
        store: Any = None, target: str | None = None, include_rejected: bool = False) -> QueryResult:
    """One entry point: on `target` (a server) through the registry, else on the embedded store
    (with the facts judged wrong too if `include_rejected`)."""
    if language not in LANGUAGES:
        raise QueryError(f"unknown query language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    if not query.strip():
        raise QueryError("empty query")
    if target and include_rejected:  # a server holds what kg load put in it
        raise QueryError("--include-rejected applies to the embedded store; a server holds what `kg load` "
                         "put in it (kg load --include-rejected)")
    if target:
        try:
            engine = get("query", REMOTE[language])
        except KgError as exc:
            raise QueryError(f"no {REMOTE[language]} query engine is installed ({exc})") from None
        return engine.func(query, dict(params or {}), target)
    if store is None:
        raise QueryError("no store to query")
    ask = sparql if language == "sparql" else cypher
    return ask(store, query, params, include_rejected=include_rejected)
