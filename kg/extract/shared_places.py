"""Places written once for several bodies: "HĐND, UBND tỉnh Nghệ An" (a list), "Phó Bí thư Huyện
ủy, Chủ tịch UBND huyện Nghĩa Hưng" (one person's titles). The bodies written without their place
are named after the one written with it."""

from __future__ import annotations

from kg.extract.lexicon import AdminLevels, Lexicon
from kg.extract.naming import (
    admin_levels,
    city_with_level,
    head_text,
    listed_with,
    named_place,
    outer_mentions,
    rename_outward,
)
from kg.extract.sentence import Sentence


def share_localities(sentences: list[Sentence], lex: Lexicon) -> None:
    """"HĐND, UBND tỉnh Nghệ An", "Huyện ủy - HĐND - UBND huyện Đức Hòa": bodies listed one after
    another with the place written once, after the last, are all that place's."""
    admin = admin_levels(lex)
    for s in sentences:
        chain: list = []
        for m in [*sorted(s.orgs, key=lambda m: m.start), None]:
            if m is not None and chain and listed_with(s, chain[-1], m):
                chain.append(m)
                continue
            placed = named_place(chain[-1].canonical, admin) if len(chain) >= 2 and chain[-1].canonical else None
            for earlier in chain[:-1] if placed else ():
                _place_after(earlier, *placed, admin)
            chain = [m] if m is not None else []


def share_title_localities(sentences: list[Sentence], lex: Lexicon) -> None:
    """"Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Nghĩa Hưng", "Ủy viên Ban Thường vụ Quận ủy, Phó Chủ
    tịch UBND Q.Tân Bình": a body of one person's titles written without its place is of the place
    a later body of the same level in those titles names (and so are the bodies named with it)."""
    admin = admin_levels(lex)
    for s in sentences:
        for person in s.people:
            orgs = [p.org for p in person.posts if p.org is not None]
            for k, m in enumerate(orgs):
                later = [p for o in orgs[k + 1 :] if o.canonical and (p := named_place(o.canonical, admin))]
                for level, place in later:  # the first of its level
                    if _take_place(m, level, place, admin):
                        break


def _take_place(m, level: str, place: str, admin: AdminLevels) -> bool:
    """The first body within `m` ("Huyện ủy" of "Ban Thường vụ Huyện ủy") of `level` named after `place`,
    and the bodies named with it; whether there was one."""
    outer = outer_mentions(m.walk())
    for x in m.walk():
        old = x.canonical
        if _place_after(x, level, place, admin):
            rename_outward(outer, x, old)
            return True
    return False


def _place_after(earlier, level: str, place: str, admin: AdminLevels) -> bool:
    """Name a standalone body written with no place (`earlier`) after `place` of `level`, if it is
    a body of that level; whether it was."""
    name = earlier.canonical
    if earlier.kind != "standalone" or not name or named_place(name, admin):
        return False
    if name in {tier[level] for tier in admin.tiers if tier.get(level)}:
        earlier.canonical = f"{name} {city_with_level(level, place)}"  # "Huyện ủy" + "Đức Hòa"
    elif name.endswith(f" {level}"):
        earlier.canonical = f"{name} {place}"  # "Ủy ban nhân dân huyện" + "Đức Hòa"
    elif name == head_text(earlier) and name not in admin.level_of_party:
        earlier.canonical = f"{name} {level} {place}"  # "Hội đồng nhân dân" + "huyện Đức Hòa" (not "Tỉnh ủy")
    else:
        return False
    return True


def implied_in_place(b, lex: Lexicon, person, implied: str) -> str | None:
    """"thành ủy viên, ủy viên UBND TP. HCM, giám đốc Sở …": a body a title implies by its level alone
    ("Thành ủy") is that level's body of the place another of the person's titles names: the name the
    report gives it, else its name made from that place; None when no title names a place."""
    admin = admin_levels(lex)
    for post in person.posts:
        placed = named_place(post.org.canonical, admin) if post.org is not None and post.org.canonical else None
        got = lex.admin.committee(f"{placed[0]} {placed[1]}") if placed else None
        if got is None or got[0] != implied or not got[1]:
            continue
        found = [e for e in b.entities.values() if e.type == "Organization" and e.name.startswith(implied + " ")
                 and e.name.endswith(" " + got[1])]
        if len(found) == 1:
            return found[0].name
        if not found:
            return f"{implied} {city_with_level(*placed)}"  # type: ignore[misc]
    if implied in admin.level_of_party:
        # "… vẫn là thành uỷ viên": with no place in the person's titles, the one committee of that level
        # the report has named so far ("Thành uỷ TP. HCM" a sentence before)
        found = [e for e in b.entities.values() if e.type == "Organization" and e.name.startswith(implied + " ")
                 and named_place(e.name, admin) is not None]
        if len(found) == 1:
            return found[0].name
    return None
