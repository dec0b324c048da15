"""Text for SPARQL servers: N-Triples terms, per-subject groups, update requests, parameters.

Everything that reaches a server is built here from rdflib terms, escaped to N-Triples rules
(valid in Turtle and in SPARQL too), so no document text is ever pasted into a request unescaped.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LIT_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LIT_BAD = re.compile(r'["\\\x00-\x1f\x7f]')
_XSD_STRING = str(XSD.string)
_BLANK_LABEL = re.compile(r"_:b\w+")


@functools.lru_cache(maxsize=1 << 16)  # subjects and predicates repeat a lot
def iri(value: str) -> str:
    """`<value>`, with characters IRIs may not hold percent-encoded."""
    return "<" + _IRI_BAD.sub(lambda m: quote(m.group(0), safe=""), value) + ">"


def _lit_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _LIT_ESCAPE.get(ch) or f"\\u{ord(ch):04X}"


def term(value: Any) -> str:
    """A term as N-Triples: rdflib terms, or kg.rdf's raw form (a str is an IRI, a
    (lexical, datatype[, language]) tuple a literal)."""
    cls = type(value)
    if cls is str or cls is URIRef:  # exact types first: this runs for every term of a load
        return iri(str(value))
    if issubclass(cls, tuple):  # kg.rdf.Lit: (lexical, datatype, language)
        lexical, datatype, language = (*value, None)[:3]
    elif cls is Literal:
        lexical, language, datatype = str(value), value.language, value.datatype
    elif cls is BNode:
        return "_:b" + re.sub(r"[^A-Za-z0-9]", "_", str(value))
    else:
        return term(Literal(value))
    if _LIT_BAD.search(lexical):
        lexical = _LIT_BAD.sub(_lit_char, lexical)
    if language:
        return f'"{lexical}"@{language}'
    if datatype and str(datatype) != _XSD_STRING:
        return f'"{lexical}"^^{iri(str(datatype))}'
    return f'"{lexical}"'


@dataclass
class Group:
    """The triples of one subject IRI, with the blank nodes hanging from it."""

    key: str  # the subject IRI, or "_:label" for a blank node nothing points to
    lines: list[str] = field(default_factory=list)
    blank: bool = False  # holds blank nodes: re-sending it needs the old copy deleted first

    @property
    def digest(self) -> str:
        # Blank node labels differ from run to run; the hash must not.
        stable = sorted(_BLANK_LABEL.sub("_:b", line) for line in self.lines) if self.blank else sorted(self.lines)
        return hashlib.sha1("\n".join(stable).encode("utf-8")).hexdigest()[:16]

    @property
    def deletable(self) -> bool:
        return not self.key.startswith("_:")


def group_triples(triples: Iterable[tuple[Any, Any, Any]]) -> dict[str, Group]:
    """Group triples by subject; a blank node's triples join the IRI subject that points to it."""
    by_subject: dict[Any, list[str]] = defaultdict(list)
    owner: dict[BNode, Any] = {}
    blank: set[Any] = set()
    for s, p, o in triples:
        by_subject[s].append(f"{term(s)} {term(p)} {term(o)} .")
        if type(o) is BNode:
            blank.add(s)
            if o != s:
                owner.setdefault(o, s)
        if type(s) is BNode:
            blank.add(s)
    groups: dict[str, Group] = {}
    for subject, lines in by_subject.items():
        root, seen = subject, set()
        while type(root) is BNode and root in owner and root not in seen:
            seen.add(root)
            root = owner[root]
        key = term(root).replace("_:b", "_:", 1) if type(root) is BNode else str(root)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key)
        group.blank = group.blank or subject in blank
        group.lines.extend(lines)
    return groups


def _in_graph(graph_iri: str | None, pattern: str) -> str:
    return f"GRAPH {iri(graph_iri)} {{ {pattern} }}" if graph_iri else pattern


def insert_data(lines: list[str], graph_iri: str | None) -> str:
    return "INSERT DATA { " + _in_graph(graph_iri, "\n" + "\n".join(lines) + "\n") + " }"


def delete_subjects(subjects: list[str], graph_iri: str | None) -> str:
    """Delete every triple of these subjects, and of the blank nodes they point to."""
    values = " ".join(iri(s) for s in subjects)
    template = _in_graph(graph_iri, "?s ?p ?o . ?o ?p2 ?o2 .")
    where = _in_graph(graph_iri, "?s ?p ?o OPTIONAL { ?o ?p2 ?o2 FILTER(isBlank(?o)) }")
    return f"DELETE {{ {template} }} WHERE {{ VALUES ?s {{ {values} }} {where} }}"


# --- query parameters --------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*
        |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
        |<[^<>"{}|^`\\\x00-\x20]*>)
      |(?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
      |(?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|:[\w.-]*)  # keywords, and prefixed names whole
      |(?P<brace>[{}])
      |(?P<paren>[()])""",
    re.VERBOSE,
)


def param_term(value: Any) -> str:
    """A parameter value as a SPARQL term, typed as kg.query types embedded parameters:
    kg.query.IRI and rdflib terms as themselves, dates as xsd:date, other values as literals."""
    if isinstance(value, URIRef | Literal | BNode):
        return term(value)
    if type(value).__name__ == "IRI" and isinstance(value, str):  # kg.query.IRI
        return iri(str(value))
    if isinstance(value, datetime.date):
        return term(Literal(value.isoformat(), datatype=XSD.date))
    if isinstance(value, str | int | float | bool):
        return term(Literal(value))
    raise QueryError(f"cannot pass a {type(value).__name__} as a SPARQL parameter")


def with_prefixes(query: str, prefixes: Mapping[str, str]) -> str:
    """Declare the `prefixes` the query uses without declaring them (kg queries may do that)."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", query)}
    missing = [f"PREFIX {p}: {iri(ns)}" for p, ns in prefixes.items() if p.lower() not in declared]
    return "\n".join([*missing, query])


def substitute(query: str, params: Mapping[str, Any]) -> str:
    """Bind `?name` / `$name` to the values in `params`, as escaped terms, before sending.

    A projected variable becomes `(value AS ?name)`, so its column stays in the results; a
    variable right after AS (it is being bound there) is left alone.
    """
    if not params:
        return query
    terms = {name.lstrip("?$"): param_term(value) for name, value in params.items()}
    out, pos = [], 0
    in_projection, after_as, depth = False, False, 0
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group(0)
        out.append(query[pos : match.start()])
        pos = match.end()
        if kind == "word":
            upper = text.upper()
            if upper == "SELECT":
                in_projection = True
            elif upper == "WHERE":
                in_projection = False
            after_as = upper == "AS"
        elif kind == "brace":
            in_projection, after_as, depth = False, False, 0
        elif kind == "paren":
            depth += 1 if text == "(" else -1
        elif kind == "var" and text[1:] in terms and not after_as:
            value = terms[text[1:]]
            text = f"({value} AS ?{text[1:]})" if in_projection and depth == 0 else value
        elif kind == "var":
            after_as = False
        out.append(text)
    out.append(query[pos:])
    return "".join(out)
