"""Canonical names for organization mentions within one report: short forms resolved to the
full name the report uses, and generic localities ("UBND tỉnh") qualified by the one province the
report names."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.orgs import canonical_name
from kg.extract.sentence import Sentence
from kg.extract.tokens import phrase_keys as _keys
from kg.text import name_key


def _all_mentions(sentences: list[Sentence]):
    for s in sentences:
        for top in s.orgs:
            yield from top.walk()


def name_orgs(sentences: list[Sentence], lex: Lexicon) -> None:
    """Canonical names for every org mention; short forms resolve to a unique longer name."""
    full: dict[str, str] = {}
    for m in _all_mentions(sentences):
        if not any(x.kind == "bare" for x in m.walk()):
            name = canonical_name(m, lex)
            full.setdefault(name_key(name), name)
    for m in _all_mentions(sentences):
        if m.kind == "bare":
            key = name_key(m.head)
            hits = {k: v for k, v in full.items() if k.startswith(key + " ")}
            if len(hits) == 1:
                m.canonical = next(iter(hits.values()))
                m.kind = "resolved"
    for m in _all_mentions(sentences):
        if m.kind != "bare" or m.canonical:
            m.canonical = canonical_name(m, lex)
    # a named body written short ("Ban Chỉ đạo") is the one longer name that extends it
    names = {name_key(m.canonical): m.canonical for m in _all_mentions(sentences) if m.canonical}
    for m in _all_mentions(sentences):
        if m.kind == "named" and m.inner is None and not lex.org_by_key.get(_keys(m.canonical)):
            key = name_key(m.canonical)
            longer = [v for k, v in names.items() if k.startswith(key + " ")]
            if len(longer) == 1:
                m.canonical = longer[0]


_GENERIC = re.compile(r"( (tỉnh|thành phố|huyện|quận|thị xã|xã|phường)|^(Tỉnh|Thành|Huyện|Quận|Thị) ủy"
                      r"| (Tỉnh|Thành|Huyện|Quận|Thị) ủy)$")


def is_generic(name: str) -> bool:
    """A body named only by its level ("Ủy ban nhân dân tỉnh", "Tỉnh ủy", "Sở Tài chính"): which
    province it is depends on the report, so it must not merge with its namesakes elsewhere."""
    return bool(_GENERIC.search(name)) or (name.startswith("Sở ") and not _PLACE_SUFFIX.search(name))


_PLACE_SUFFIX = re.compile(r" (tỉnh|thành phố) ([A-ZÀ-ỸĐ][^,;]*)$")


def qualify_localities(sentences: list[Sentence], lex: Lexicon) -> None:
    """When a report names exactly one province or city, its "UBND tỉnh", "Tỉnh ủy", "Sở Y tế"
    are that province's: "Ủy ban nhân dân tỉnh Thanh Hóa". Otherwise they stay generic."""
    places = {(m.group(1), m.group(2)) for x in _all_mentions(sentences)
              if x.canonical and (m := _PLACE_SUFFIX.search(x.canonical))}
    if len(places) != 1:
        return
    level, place = places.pop()
    party = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy"}[level]
    for m in _all_mentions(sentences):
        name = m.canonical
        if not name or _PLACE_SUFFIX.search(name):
            continue
        if name.endswith(f" {level}"):
            m.canonical = f"{name} {place}"
        elif name == party or name.endswith(f" {party}"):
            m.canonical = f"{name} {place}"
        elif (name.startswith("Sở ") and level == "tỉnh") or (name.startswith("Sở ") and level == "thành phố"):
            m.canonical = f"{name} {level} {place}"
