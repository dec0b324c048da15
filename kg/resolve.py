"""Cross-report entity resolution: which mentions in different reports are the same thing.

The extractor gives each entity a per-report id; the store maps it to a global id with the rules
below (also written down in ontology/README.md, "Entity resolution"):

- Organizations, locations and unknown types merge on their normalized canonical name: Unicode
  NFC, lower case, tone-mark placement ignored ("Uỷ" = "Ủy"), abbreviations expanded from
  data/abbreviations.tsv ("VPQH" = "Văn phòng Quốc hội"), a leading "các"/"những" dropped.
- Directives merge on (kind, number) when numbered ("Nghị quyết 580/NQ-UBTVQH14" = "Nghị quyết số
  580"), plus the year when the symbol gives one ("34/2024/NĐ-CP") and the issuer when the report
  names one outside the national gazetteer ("Nghị quyết số 47 của HĐND tỉnh Bình Định"); else on
  their normalized name. Events merge on normalized name plus date when dated.
- A body named only by its level (the extractor marks it `scope: report`: "Ủy ban nhân dân tỉnh",
  "Tỉnh ủy" in a report that never names its province) is that report's own: it merges with
  nothing elsewhere, since two reports' "UBND tỉnh" are usually two provinces'.
- A report's Document entity is the report itself: its id comes from the report id.
- Persons with the same normalized name (no abbreviation expansion: a syllable such as "Tư" is a
  name, not "Trung ương") merge when the evidence agrees: they hold a post in the same body, or
  in bodies where one name ends with the other ("Đảng ủy cơ quan Văn phòng Quốc hội" and
  "Văn phòng Quốc hội"), or they attended the same event. Mentions that agree are chained
  together (union-find), so the outcome does not depend on the order reports arrive in. Same name
  and unrelated bodies stay apart. The cluster seen first (earliest report date, then report id;
  undated reports count as latest) keeps the plain id from the name; every other cluster's id
  comes from the name plus its anchor body (the body it holds posts in most often). A mention
  with no post and no event joins the plain-id cluster. A body of the national gazetteer is one
  body for this even where the extractor kept it to its report ("Bộ Nông nghiệp … @ a.txt").
- Then groups of one name (three or more syllables) whose posts fit one career are joined
  (kg.careers): all bodies in one province (not both dated within a year), or national posts
  and one province's posts in reports at least a year apart. Two provinces, a body of no known
  place, national and provincial posts less than a year apart, or an undated report keep them
  apart (an undated report never splits a person by time; it joins one only by a shared body or
  event). A foreign name (a word that is no Vietnamese syllable: "Donald Trump") is one person
  across reports, but for groups holding posts in a Vietnamese province.

Limits: ids are a function of the stored reports, not of ingest order. Adding newer reports never
moves the plain id; adding a report can still re-label a person when it links two clusters (they
merge, the earlier one's id wins) or is older than everything known about the name (a backfill:
its cluster takes the plain id). A directive cited by number alone ("Nghị quyết số 47", no year,
no issuer) stays apart from the same number cited with a local issuer or a year.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg import careers
from kg.extract.glued import is_syllable
from kg.model import Entity, make_id, slug
from kg.resources import read_yaml
from kg.text import expansion, name_key, normalize

_TOKEN = re.compile(r"[\w.&]+")
_WORD = re.compile(r"\w+")
_DIRECTIVE = re.compile(r"^(?P<kind>\D+?)\s+(?:số\s+)?(?P<number>\d+)", re.IGNORECASE)
_YEAR = re.compile(r"/((?:19|20)\d\d)/")  # the year field of a symbol: 34/2024/NĐ-CP
_FOLLOWERS = ("các", "những")


@lru_cache(maxsize=200_000)
def canonical_key(name: str, *, expand: bool = True) -> str:
    """Normalized canonical name: lower case, tone placement fixed, abbreviations expanded.

    Equal keys mean the same name. Unlike kg.text.name_key (a comparison key), the result reads as
    Vietnamese, so the ids made from it stay readable.
    """
    text = unicodedata.normalize("NFC", name)
    parts: list[str] = []
    for tok in _TOKEN.findall(text):
        tok = tok.strip(".")
        if tok:
            exp = expansion(tok) if expand else None
            parts.append((exp or tok).lower())
    words = _WORD.findall(normalize(" ".join(parts)))
    if len(words) > 1 and words[0] in _FOLLOWERS:
        words = words[1:]
    return " ".join(words)


def lookup_key(name: str) -> str:
    """The key names and aliases are looked up by (kg show, kg path): kg.text.name_key."""
    return name_key(name)


@lru_cache(maxsize=200_000)
def folded_key(name: str) -> str:
    """Diacritics dropped too ("nguyen duc thu"), for lookups typed without Vietnamese marks."""
    return "~" + slug(canonical_key(name))


def _prop(entity: Entity, name: str) -> str:
    value = entity.props.get(name)
    return "" if value is None else str(value).strip()


def directive_key(entity: Entity, issuers: Iterable[str] = ()) -> str:
    """(kind, number, year, local issuer) when numbered, else the canonical name.

    `issuers` are the resolution keys of the bodies the report says issued it. A year in the
    symbol ("34/2024/NĐ-CP") is part of the key, since decrees and decisions are numbered anew
    each year. Provinces, districts and their departments each number their own resolutions, so
    an issuer outside the national gazetteer (data/organizations.yaml) is part of the key too;
    a nationally issued directive is cited by number alone, so national issuers are not.
    """
    kind, number = _prop(entity, "kind"), _prop(entity, "number")
    if not (kind and number):
        m = _DIRECTIVE.match(unicodedata.normalize("NFC", entity.name).strip())
        if m:
            kind, number = kind or m.group("kind"), number or m.group("number")
    digits = re.match(r"\d+", number)
    if not (kind and digits):
        return canonical_key(entity.name)
    key = f"{canonical_key(kind)} số {int(digits.group(0))}"
    year = _YEAR.search(_prop(entity, "symbol") or entity.name)
    if year:
        key += f" năm {year.group(1)}"
    issued = sorted(set(issuers))
    if issued and not any(i in national_bodies() for i in issued):
        key += " của " + " và ".join(issued)
    return key


@lru_cache(maxsize=1)
def national_bodies() -> frozenset[str]:
    """Canonical keys of the national standing bodies the gazetteer lists, with their aliases."""
    keys = set()
    for entry in read_yaml("organizations.yaml") or []:
        for name in [entry["name"], *entry.get("aliases", [])]:
            keys.add(canonical_key(name))
    return frozenset(keys)


def entity_key(entity: Entity, doc: str = "", issuers: Iterable[str] = ()) -> str:
    """The resolution key of one entity (Persons: the name key; clustering comes later).

    A body the extractor marks `scope: report` is named only by its level ("Ủy ban nhân dân tỉnh",
    "Tỉnh ủy", "Sở Tài chính" in a report that never names its province): it is that report's
    body and merges with nothing elsewhere. `issuers`: for a Directive, the keys of the bodies
    that issued it (see directive_key)."""
    if entity.props.get("scope") == "report" and doc:
        return f"{canonical_key(entity.name)} @ {doc}"
    if entity.type == "Person":
        return person_key(entity.name)
    if entity.type == "Directive":
        return directive_key(entity, issuers)
    if entity.type == "Event":
        key = canonical_key(entity.name)
        date = _prop(entity, "date")
        return f"{key} {date}" if date else key
    return canonical_key(entity.name)


def person_key(name: str) -> str:
    return canonical_key(name, expand=False)


@lru_cache(maxsize=200_000)
def global_id(entity_type: str, key: str) -> str:
    """The store-wide id of a non-person entity (persons: see cluster_persons)."""
    return make_id(entity_type, key)


@lru_cache(maxsize=100_000)
def document_id(report_id: str) -> str:
    """The id of the Document entity that stands for a report."""
    return make_id("Document", report_id)


def role_key(role: str) -> str:
    return canonical_key(role, expand=False)


def relation_key(rel_type: str, source: str, target: str, role: str = "") -> str:
    """Groups one relation across reports: type, global ends, and the normalized role."""
    key = f"{rel_type}|{source}|{target}|{role_key(role)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# -- persons ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonMention:
    """One report's person with a given name key, and what ties it to the world in that report."""

    doc: str
    local_id: str
    orgs: frozenset[str] = frozenset()  # canonical keys of bodies the person holds a post in
    events: frozenset[str] = frozenset()  # global ids of events the person attended
    date: str = ""  # the report's date (ISO), "" when unknown

    @property
    def ref(self) -> tuple[str, str]:
        return (self.doc, self.local_id)


def bodies_agree(a: str, b: str) -> bool:
    """Same body, or one body's name ends with the other's (a sub-body names its parent last)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= 2 and long.endswith(" " + short)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller representative wins, so the structure does not depend on input order
            lo, hi = sorted((ra, rb), key=repr)
            self.parent[hi] = lo


@dataclass
class Cluster:
    """What is known about one person behind a name: bodies, events, and when first seen."""

    orgs: Counter[str]  # org key -> number of mentions holding a post there
    events: Counter[str]  # event id -> number of mentions attending it
    first: tuple[str, str]  # (date or "~", report id) of the earliest report

    @classmethod
    def of(cls, mentions: Iterable[PersonMention]) -> Cluster:
        mentions = list(mentions)
        return cls(
            Counter(o for m in mentions for o in m.orgs),
            Counter(e for m in mentions for e in m.events),
            min((m.date or "~", m.doc) for m in mentions),
        )

    def agrees(self, mention: PersonMention) -> bool:
        """The mention shares an event or an agreeing body with this cluster."""
        if any(e in self.events for e in mention.events):
            return True
        return any(bodies_agree(a, b) for a in mention.orgs for b in self.orgs)

    def absorb(self, other: Cluster) -> None:
        self.orgs.update(other.orgs)
        self.events.update(other.events)
        self.first = min(self.first, other.first)

    def anchor(self) -> str:
        """The body it holds posts in most often (ties: shortest, then alphabetical), else its event."""
        if self.orgs:
            return min(self.orgs, key=lambda o: (-self.orgs[o], len(o), o))
        return min(self.events, key=lambda e: (-self.events[e], e)) if self.events else ""


def cluster_ids(key: str, clusters: list[Cluster]) -> list[str]:
    """The global id of each cluster: the earliest seen gets the plain id, the others name their body."""
    anchors = [c.anchor() for c in clusters]
    order = sorted(range(len(clusters)), key=lambda i: (clusters[i].first, anchors[i]))
    ids = [""] * len(clusters)
    for rank, i in enumerate(order):
        ids[i] = global_id("Person", key) if rank == 0 else global_id("Person", f"{key} {anchors[i]}")
    return ids


def group_persons(mentions: Iterable[PersonMention], key: str = "") -> list[list[PersonMention]]:
    """Mentions with a post or an event, chained into groups that agree (union-find), then groups
    that fit one career joined (kg.careers; `key`, the name key, says how many syllables)."""
    tied = sorted((_national_scope(m) for m in mentions if m.orgs or m.events), key=lambda m: m.ref)
    uf = _UnionFind()
    for m in tied:
        for org in m.orgs:
            uf.union(("m", m.ref), ("o", org))
        for event in m.events:
            uf.union(("m", m.ref), ("e", event))
    orgs = sorted({o for m in tied for o in m.orgs})
    for i, a in enumerate(orgs):
        for b in orgs[i + 1 :]:
            if bodies_agree(a, b):
                uf.union(("o", a), ("o", b))
    groups: dict[object, list[PersonMention]] = {}
    for m in tied:
        groups.setdefault(uf.find(("m", m.ref)), []).append(m)
    return _join_careers(key, sorted(groups.values(), key=lambda g: g[0].ref))


def _national_scope(m: PersonMention) -> PersonMention:
    """A body of the national gazetteer is one body, even where the extractor kept it to its report."""
    orgs = frozenset(_unscoped(o) for o in m.orgs)
    return m if orgs == m.orgs else replace(m, orgs=orgs)


def _unscoped(body: str) -> str:
    name, sep, _ = body.partition(" @ ")
    return name if sep and name in national_bodies() else body


def _join_careers(key: str, groups: list[list[PersonMention]]) -> list[list[PersonMention]]:
    """Groups that fit one career (kg.careers: one province, or a move years apart) become one. A
    foreign name ("Donald Trump": a word no Vietnamese syllable) held by two people in one archive is
    rare, and its holder's posts are written with many names of one state ("Mỹ", "Hoa Kỳ", "Nhà
    Trắng"): its groups are one person, but for any holding posts in a Vietnamese province."""
    if len(groups) < 2:
        return groups
    national = national_bodies()
    profiles = [careers.profile([(sorted(m.orgs), m.date) for m in g], lambda body: body in national)
                for g in groups]
    words = key.split()
    if len(words) >= 2 and not all(is_syllable(w) for w in words):
        abroad = [m for g, prof in zip(groups, profiles, strict=True) if not prof.provinces for m in g]
        return ([abroad] if abroad else []) + [g for g, prof in zip(groups, profiles, strict=True) if prof.provinces]
    if len(key.split()) < 3:
        return groups
    joined: dict[int, list[PersonMention]] = {}
    for group, to in zip(groups, careers.join(profiles, len(key.split())), strict=True):
        joined.setdefault(to, []).extend(group)
    return list(joined.values())


def cluster_persons(key: str, mentions: Iterable[PersonMention]) -> dict[tuple[str, str], str]:
    """Global person id for every mention with this name key (see the module docstring).

    A mention with neither post nor event gets the plain id, which always belongs to the
    earliest-seen cluster.
    """
    mentions = list(mentions)
    groups = group_persons(mentions, key)
    out: dict[tuple[str, str], str] = {}
    for members, gid in zip(groups, cluster_ids(key, [Cluster.of(g) for g in groups]), strict=True):
        for m in members:
            out[m.ref] = gid
    for m in mentions:
        out.setdefault(m.ref, global_id("Person", key))
    return out
