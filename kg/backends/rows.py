"""One normal form for query rows, so that answers from different engines can be compared.

The embedded stores (Oxigraph for SPARQL, ladybug for Cypher), Neo4j over Bolt and SPARQL servers
return the same facts in different shapes (kg.registry.QueryResult holds them as they came):

- **IRIs vs ids**: SPARQL names an entity by its IRI (kg.rdf.entity_iri), Cypher by its `id`
  property. An IRI that kg minted from an id becomes that id again; other IRIs stay as they are.
- **null vs unbound**: Neo4j's null, an unbound SPARQL variable and a missing value are all None.
- **numbers**: 1, 1.0, "1"^^xsd:integer and "1.0"^^xsd:decimal are the same number; a float is
  kept to 12 significant digits (engines that sum or average in another order differ in the last
  bits). A boolean becomes its XSD lexical form, "true" / "false": in Python True == 1, and a
  boolean must not equal the number 1 in a set of rows.
- **dates**: Python and Neo4j dates and datetimes, and ISO 8601 text of them, become ISO text;
  a datetime's zero fraction is dropped and a zero offset written "Z" (Neo4j writes
  ".000000000+00:00", SPARQL servers "Z").
- **lists**: a list (Neo4j or ladybug) becomes a tuple, its order kept (kg's lists are aligned:
  `docs[i]` goes with `sentences[i]`); a map (a node or relationship as kg.query shapes it) becomes
  a tuple of its (key, value) pairs sorted by key.
- **blank nodes**: their labels are the server's own, so every blank node is "_:".

Rows are then compared as multisets (`row_set`): row order is the query's ORDER BY, which engines
break differently on ties, and a count of each row still catches a duplicated answer.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import unquote

from kg.errors import QueryError
from kg.rdf import ID, entity_iri
from kg.registry import QueryResult

Row = tuple[Hashable, ...]

_DATETIME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.(?P<frac>\d+))?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?(?:\[[^\]]+\])?$"
)
_SIGNIFICANT = 12


def iri_id(iri: str) -> str | None:
    """The kg id `iri` was minted from (kg.rdf.entity_iri's inverse), or None for any other IRI."""
    if not iri.startswith(ID):
        return None
    prefix, sep, rest = iri[len(ID) :].partition("/")
    if not sep or not prefix or not rest:
        return None
    candidate = f"{unquote(prefix)}:{unquote(rest)}"
    # only an exact round trip counts: an IRI kg did not mint is a value of its own
    return candidate if entity_iri(candidate) == iri else None


def _number(value: float) -> int | float | str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"  # XSD's lexical forms
    if value.is_integer():
        return int(value)
    return float(f"{value:.{_SIGNIFICANT}g}")


def _datetime_text(text: str) -> str | None:
    match = _DATETIME.match(text)
    if not match:
        return None
    clock = match["time"] if match["time"].count(":") == 2 else match["time"] + ":00"
    frac = (match["frac"] or "").rstrip("0")
    zone = match["zone"] or ""
    if zone and ":" not in zone and zone != "Z":
        zone = f"{zone[:3]}:{zone[3:]}"
    if zone in ("+00:00", "-00:00"):
        zone = "Z"
    return f"{match['date']}T{clock}{'.' + frac if frac else ''}{zone}"


def _text(value: str) -> str:
    if value.startswith("_:"):
        return "_:"
    if value.startswith(ID):
        found = iri_id(value)
        if found is not None:
            return found
    if "T" in value[:11]:
        normal = _datetime_text(value)
        if normal is not None:
            return normal
    return value


def normal_value(value: Any) -> Hashable:
    """`value` as one engine returned it, in the normal form of the module docstring."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        return _number(float(value))
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, datetime.datetime):
        return _text(value.isoformat())
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return tuple(sorted(((str(k), normal_value(v)) for k, v in value.items()), key=lambda kv: kv[0]))
    if isinstance(value, list | tuple):
        return tuple(normal_value(v) for v in value)
    if hasattr(value, "iso_format"):  # neo4j.time values, if a caller passes the driver's own
        return _text(value.iso_format())
    raise QueryError(f"cannot compare a query value of type {type(value).__name__}: {value!r}")


def normal_row(row: Sequence[Any]) -> Row:
    return tuple(normal_value(v) for v in row)


def row_set(result: QueryResult | Iterable[Sequence[Any]]) -> Counter[Row]:
    """The rows of `result` in normal form, as a multiset (a Counter of rows)."""
    rows = result.rows if isinstance(result, QueryResult) else result
    return Counter(normal_row(row) for row in rows)


def same_rows(a: QueryResult, b: QueryResult) -> bool:
    """True when both results have the same columns and the same normal rows, as multisets."""
    return list(a.columns) == list(b.columns) and row_set(a) == row_set(b)
