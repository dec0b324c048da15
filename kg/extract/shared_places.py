"""Places written once for several bodies: "HĐND, UBND tỉnh Nghệ An" (a list), "Phó Bí thư Huyện
ủy, Chủ tịch UBND huyện Nghĩa Hưng" (one person's titles). The bodies written without their place
are named after the one written with it."""

from __future__ import annotations

from kg.extract.lexicon import AdminLevels, Lexicon
from kg.extract.naming import admin_levels, head_text, listed_with, named_place
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
    a later body of the same level in those titles names."""
    admin = admin_levels(lex)
    for s in sentences:
        for person in s.people:
            orgs = [p.org for p in person.posts if p.org is not None]
            for k, m in enumerate(orgs):
                later = (named_place(o.canonical, admin) for o in orgs[k + 1 :] if o.canonical)
                for level, place in (p for p in later if p):
                    if any(_place_after(x, level, place, admin) for x in m.walk()):
                        for x in m.walk():  # "Ban Thường vụ Quận ủy" with its "Quận ủy"
                            if x.kind != "standalone" and x.canonical and not named_place(x.canonical, admin):
                                _party_place(x, level, place, admin)
                        break


def _party_place(m, level: str, place: str, admin: AdminLevels) -> None:
    """A sub-body of a Party committee of `level` ("Ban Thường vụ Huyện ủy") named after `place`."""
    party = {p for tier in admin.tiers if level in tier for p in (tier[level],) if p}
    if any(m.canonical.endswith(f" {p}") for p in party):
        m.canonical = f"{m.canonical} {place}"


def _place_after(earlier, level: str, place: str, admin: AdminLevels) -> bool:
    """Name a standalone body written with no place (`earlier`) after `place` of `level`, if it is
    a body of that level; whether it was."""
    name = earlier.canonical
    if earlier.kind != "standalone" or not name or named_place(name, admin):
        return False
    party = {p for tier in admin.tiers if level in tier for p in (tier[level],) if p}
    if name in party:
        earlier.canonical = f"{name} {place}"  # "Huyện ủy" + "Đức Hòa"
    elif name.endswith(f" {level}"):
        earlier.canonical = f"{name} {place}"  # "Ủy ban nhân dân huyện" + "Đức Hòa"
    elif name == head_text(earlier) and name not in {p for tier in admin.tiers for p in tier.values()}:
        earlier.canonical = f"{name} {level} {place}"  # "Hội đồng nhân dân" + "huyện Đức Hòa" (not "Tỉnh ủy")
    else:
        return False
    return True
