"""English names of central bodies and common titles (data/labels_en.tsv), for readers of the graph
who do not read Vietnamese: the RDF's rdfs:label "…"@en and `kg viz --lang en`.

Only labels: nothing here changes what is extracted, resolved or stored. A name is looked up the
way resolution compares names (kg.resolve: case, tone placement and abbreviations do not matter),
so "UBTVQH" finds the National Assembly Standing Committee; a body is also found by the aliases
data/organizations.yaml gives it.
"""

from __future__ import annotations

from functools import cache

from kg import resolve
from kg.errors import KgError
from kg.model import Entity
from kg.resources import read_tsv, read_yaml

FILE = "labels_en.tsv"
LANGS = ("vi", "en")  # vi: the names as written (kg's own language); en: English where the data has it


def check_lang(lang: str) -> str:
    """`lang` if kg can show names in it, else a KgError saying which it can."""
    if lang not in LANGS:
        raise KgError(f"--lang: unknown language {lang!r} for names; choose one of: {', '.join(LANGS)}")
    return lang


@cache
def rows() -> tuple[dict[str, str], ...]:
    """The file's rows (kind, vi, en, source, note), in order."""
    return tuple(read_tsv(FILE))


@cache
def _bodies() -> dict[str, str]:
    names = {resolve.canonical_key(r["vi"]): r["en"] for r in rows() if r["kind"] == "body"}
    by_alias: dict[str, str] = {}
    for record in read_yaml("organizations.yaml"):
        english = names.get(resolve.canonical_key(record["name"]))
        if english:
            for alias in record.get("aliases") or ():
                by_alias.setdefault(resolve.canonical_key(alias), english)
    return by_alias | names  # a canonical name wins over another body's alias


@cache
def _titles() -> dict[str, str]:
    return {resolve.role_key(r["vi"]): r["en"] for r in rows() if r["kind"] == "title"}


def body(name: str) -> str | None:
    """The English name of the body named `name`, or None when the data has none."""
    return _bodies().get(resolve.canonical_key(name)) if name else None


def title(role: str) -> str | None:
    """The English for a post's role ("Phó Bí thư" -> "Deputy Secretary"), or None."""
    return _titles().get(resolve.role_key(role)) if role else None


def entity(ent: Entity) -> str | None:
    """An entity's English name: bodies only (persons, places and events keep their names)."""
    return body(ent.name) if ent.type == "Organization" else None
