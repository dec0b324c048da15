"""The one graph model every part of kg speaks: entities, relations, evidence, documents.

Extractors produce it, the store persists it, exporters and loaders read it. The JSONL
interchange format (see ../shared/eval/README.md) is its serialized form.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

ENTITY_TYPES = ("Person", "Organization", "Directive", "Event", "Location", "Document")

# relation type -> (allowed source types, allowed target types)
RELATION_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "HOLDS_POSITION": (("Person",), ("Organization",)),
    "ATTENDED": (("Person",), ("Event",)),
    "PARTICIPATED_IN": (("Organization",), ("Event",)),
    "HELD_AT": (("Event",), ("Location",)),
    "PART_OF": (("Organization",), ("Organization",)),
    "REPORTS_TO": (("Organization",), ("Organization",)),
    "ISSUED_BY": (("Directive",), ("Organization",)),
    "IMPLEMENTS": (("Organization",), ("Directive",)),
    "APPLIES_TO": (("Directive",), ("Organization", "Location")),
    "AUTHORED": (("Person",), ("Document",)),
    # from data/reorganisation_2025.yaml, not from reports (kg.succession): the original body became the resulting one
    "BECAME": (("Organization",), ("Organization",)),
}

ID_PREFIX = {
    "Person": "person",
    "Organization": "org",
    "Directive": "directive",
    "Event": "event",
    "Location": "loc",
    "Document": "doc",
}


def slug(text: str) -> str:
    """ASCII slug of a name: diacritics dropped, đ→d, lower case, hyphen separated."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@lru_cache(maxsize=65536)
def make_id(entity_type: str, key: str) -> str:
    """Stable id from a type and a normalized canonical key: same entity -> same id everywhere.

    The slug keeps ids readable; a short hash of the exact key keeps names that differ only in
    tone marks ("Ba" / "Bà") apart.
    """
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    readable = re.sub(r"(?<=[^\W\d])[1-5]\b", "", key)  # drop tone digits of comparison keys
    return f"{ID_PREFIX.get(entity_type, entity_type.lower())}:{slug(readable)[:80]}-{digest}"


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a character span in a document's normalized text.

    `text` is the span itself (a mention for entities, the sentence for relations);
    `sentence` is the whole sentence that contains it.
    """

    doc: str
    start: int
    end: int
    text: str
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        # written out rather than dataclasses.asdict, which deep-copies: this runs once per mention
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "sentence": self.sentence or self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["doc"], int(d["start"]), int(d["end"]), d.get("text", ""), d.get("sentence", ""))


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "entity",
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "props": dict(self.props),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            type=d["type"],
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            props=dict(d.get("props") or {}),
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
        )


REPORTS = "reports"  # a merged relation's prop: how many independent reports state it (reprints once)


@dataclass
class Relation:
    type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    @property
    def id(self) -> str:
        """Stable id: type, ends, and the role for posts (one person may hold two roles)."""
        role = self.props.get("role", "")
        key = f"{self.type}|{self.source}|{self.target}|{role}"
        return f"rel:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "relation",
            "id": self.id,
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "props": dict(self.props),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(float(self.confidence), 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(
            type=d["type"],
            source=d["source"],
            target=d["target"],
            props=dict(d.get("props") or {}),
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass
class DocumentInfo:
    """A report as kg knows it. `id` is what evidence refers to."""

    id: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD when the report states it
    sha256: str = ""
    paths: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "txt"
    size: int = 0
    extractor: str = ""  # what extracted it (kg.extract.fingerprint.stamp); "" when unknown
    url: str = ""  # where it was published, when the file says (HTML og:url, a "Nguồn:" / "URL:" line)
    outlet: str = ""  # who published it, when the file says (og:site_name, a "Nguồn:" line), else the URL's host

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentInfo:
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**known)


@dataclass
class Extraction:
    """What one report says: its entities (including its Document entity) and relations."""

    document: DocumentInfo
    text: str  # the normalized text all evidence offsets refer to
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def records(self) -> Iterator[dict[str, Any]]:
        for e in self.entities:
            yield e.to_dict()
        for r in self.relations:
            yield r.to_dict()

    def to_jsonl(self) -> str:
        encode = _JSONL.encode
        return "".join(encode(r) + "\n" for r in self.records())


# one encoder for every record: the keyword handling of json.dumps is paid once, and records are
# plain trees (no cycles to check)
_JSONL = json.JSONEncoder(ensure_ascii=False, check_circular=False)


@dataclass
class Graph:
    """A merged graph: canonical entities by id, relations, and the reports behind them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    documents: dict[str, DocumentInfo] = field(default_factory=dict)

    def records(self) -> Iterator[dict[str, Any]]:
        for e in self.entities.values():
            yield e.to_dict()
        for r in self.relations:
            yield r.to_dict()

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> Graph:
        g = cls()
        for rec in records:
            if rec.get("kind") == "entity":
                ent = Entity.from_dict(rec)
                g.entities[ent.id] = ent
            elif rec.get("kind") == "relation":
                g.relations.append(Relation.from_dict(rec))
        return g
