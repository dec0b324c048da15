"""One person's career across reports: when two groups of a name's mentions are one person.

kg.resolve first chains a name's mentions that share a body or an event. A career move leaves no
such link (a deputy prime minister in 2013, Hà Nội's Party secretary in 2016), so the groups are
joined here when what they hold fits one career and nothing says two people:

- a name of at least three syllables (two-syllable names are too common to go on);
- the bodies of both groups lie in at most one province (a body's province is the one its name
  ends with or contains: "Sở Xây dựng tỉnh Thanh Hóa", "Thành ủy Hà Nội"); bodies in two provinces
  are two people (a move between provinces is joined only by a report that names both posts);
- and either both groups hold posts in that one province (its People's Committee, Council, Party
  committee, departments: one official's posts there) and are not both dated less than
  MIN_GAP_DAYS apart (two posts there at the same time are two people), or one holds posts only in national bodies
  (the gazetteer, data/organizations.yaml) and the reports dating the two groups are at least
  MIN_GAP_DAYS apart: the same post-holding name in a ministry and a province in one season is
  two people, years apart it is a career.

A body that is neither national nor in a province ("UBND thành phố Hội An", a company) gives no
ground to join. An undated group never joins by time (an undated report never splits a person by
time either: it is only joined by what it shares). Groups are compared two at a time, in an order
that depends only on the mentions, and a join is kept only when every group of both sides fits
every other, so the outcome does not depend on the order reports arrive in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kg.resources import read_tsv

MIN_GAP_DAYS = 365  # reports a career move is assumed behind, at the least
NATIONAL = "*"  # the place of a national body


@dataclass(frozen=True)
class Profile:
    """Where and when one group holds posts: each place (a province, NATIONAL) with the earliest
    and latest report date of the mentions holding a post there (None: no dated one)."""

    spans: dict[str, tuple[str, str] | None]

    @property
    def provinces(self) -> set[str]:
        return set(self.spans) - {NATIONAL}


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    from kg.resolve import canonical_key  # (kg.resolve imports this module)

    names = set()
    for row in read_tsv("locations.tsv"):
        if row.get("type") in ("province", "city"):
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                key = canonical_key(name) if name else ""
                key = re.sub(r"^(thành phố|tỉnh|tp|thủ đô) ", "", key)
                if len(key.split()) >= 2:  # "Huế" alone is too short to find in a body's name
                    names.add(key)
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?:^|\s)({alternatives})(?:$|\s)")


def place_of(body: str, national: Callable[[str], bool]) -> str:
    """The province a body key names, NATIONAL for a national body, else ""."""
    m = _province_pattern().search(body)
    if m:
        return _same_province(m.group(1))
    return NATIONAL if national(body) else ""


def _same_province(name: str) -> str:
    # the city's written-out name and its short forms are one place
    return "hồ chí minh" if name in ("sài gòn", "hồ chí minh") else name


def profile(mentions: Sequence[tuple[Sequence[str], str]], national: Callable[[str], bool]) -> Profile:
    """A group's profile from its mentions, each (body keys, report date or "").

    A body in no province and not national (a company, a bare "Hội đồng nhân dân") says nothing
    where another body of the group does; a group with only such bodies gets no place at all."""
    dates: dict[str, list[str]] = {}
    unknown = False
    for orgs, day in mentions:
        for body in orgs:
            place = place_of(body, national)
            unknown |= not place
            if place:
                dates.setdefault(place, [])
                if day:
                    dates[place].append(day)
    spans = {p: (min(d), max(d)) if d else None for p, d in dates.items()}
    return Profile({} if unknown and not spans else spans)


def _day(iso: str, end: bool) -> date:
    """A (partial) ISO date as a day: its first day, or its last when `end` (a month ends on the 28th)."""
    parts = [int(p) for p in iso[:10].split("-") if p.isdigit()]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else (28 if end else 1)
    return date(parts[0], month, day)


def apart(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The two spans of report dates are at least MIN_GAP_DAYS apart (neither overlaps the other)."""
    first, second = sorted((a, b))
    return (_day(second[0], False) - _day(first[1], True)).days >= MIN_GAP_DAYS


def fits(a: Profile, b: Profile, syllables: int) -> bool:
    """Could the two groups be one person's career (see the module docstring)?"""
    if syllables < 3 or not (a.spans and b.spans):
        return False
    provinces = a.provinces | b.provinces
    if len(provinces) > 1:
        return False
    if a.provinces and b.provinces:
        # one province's posts, unless both are dated within a year: then two posts at the same
        # time (a director of two departments of one province at once) are two people
        place = next(iter(provinces))
        first, second = a.spans[place], b.spans[place]
        return first is None or second is None or apart(first, second)
    # one holds national posts only: years between them and the other's posts in its place
    place = next(iter(provinces), NATIONAL)
    national, other = (a, b) if not a.provinces else (b, a)
    first, second = national.spans.get(NATIONAL), other.spans.get(place)
    return first is not None and second is not None and apart(first, second)


def join(profiles: Sequence[Profile], syllables: int) -> list[int]:
    """For each group, the index of the group it is joined to (its component's first group).

    `profiles` must come in an order that depends only on the mentions (kg.resolve sorts groups by
    their first mention)."""
    comp = list(range(len(profiles)))
    members: dict[int, list[int]] = {i: [i] for i in comp}
    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            ci, cj = comp[i], comp[j]
            if ci == cj or not fits(profiles[i], profiles[j], syllables):
                continue
            if all(fits(profiles[x], profiles[y], syllables) for x in members[ci] for y in members[cj]):
                lo, hi = min(ci, cj), max(ci, cj)
                for k in members.pop(hi):
                    comp[k] = lo
                    members[lo].append(k)
    return comp
