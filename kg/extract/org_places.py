"""What follows a body's name and what a body is named after: localities ("tỉnh Bình Định", "cấp
tỉnh", "xã Lý Trạch"), terms ("khóa XIII"), foreign states ("Bộ Ngoại giao Mỹ"), the committee a
locality's Party organisation elects, the body an office serves. Read by OrgParser (orgs.py)."""

from __future__ import annotations

from functools import cache

from kg import admin_units
from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention, _loc_word, expand_surface
from kg.extract.tokens import Token, numbered_end, phrase_keys, proper_name_end, word_key
from kg.text import name_key


@cache
def _commune_keys() -> frozenset[str]:
    """Name keys of every commune, ward and town, both periods (names only, not the whole index)."""
    return frozenset(name_key(n) for n in admin_units.names_at(("commune",)))


def unit_above(lex: Lexicon, toks: list[Token], k: int) -> bool:
    """Does ", huyện …" or "(huyện …" follow at k (the unit above the one just named)?"""
    return k + 1 < len(toks) and toks[k].text in ("(", ",") and bool(lex.phrases["locality_words"].match(toks, k + 1))


class PlaceReading:
    """The locality and foreign-state readers of OrgParser, which it inherits."""

    lex: Lexicon
    toks: list[Token]
    places: frozenset[str]

    def _historical_end(self, k: int) -> int:
        """"Học viện Chính trị Quốc gia Hồ Chí Minh": a historical figure's name right after an
        institution's name is the end of that name (data/lexicon.yaml historical_persons)."""
        if self.lex.phrases["locality_words"].ending_at(self.toks, k) >= 0:
            return k  # "… Thành phố Hồ Chí Minh": the city, named after him
        stop = proper_name_end(self.toks, k)
        for e in range(stop, k + 1, -1):
            if tuple(key for t in self.toks[k:e] for key in t.keys) in self.lex.historical:
                return e
        return k

    def _local_committee(self, i: int, inner: OrgMention) -> OrgMention | None:
        """"Ban Chấp hành Đảng bộ tỉnh Quảng Ninh" is the Tỉnh ủy Quảng Ninh (data/lexicon.yaml
        admin_tiers), one body, not a part of the Party organisation of the province."""
        # "Ban Chấp hành Đảng bộ Sở X", "… Đảng bộ Công an Trung ương": the Đảng ủy of that body
        if inner.kind == "party" and inner.head == "Đảng bộ" and inner.inner is not None:
            return OrgMention(i, inner.end, "party", head="Đảng ủy", inner=inner.inner)
        if inner.kind == "gazetteer" and inner.canonical.startswith("Đảng bộ ") and (
                entry := self.lex.org_by_key.get(phrase_keys("Đảng ủy" + inner.canonical[len("Đảng bộ"):]))):
            return OrgMention(i, inner.end, "gazetteer", entry=entry, canonical=entry.name)
        if inner.kind != "standalone" or inner.head != "Đảng bộ" or not inner.locality:
            return None
        got = self.lex.admin.committee(inner.locality)
        if got is None:
            return None
        return OrgMention(i, inner.end, "standalone", head=got[0], locality=got[1],
                          executive=f"{inner.head} {inner.locality}")

    def _served(self, j: int) -> OrgMention | None:
        """"Văn phòng Tỉnh ủy Lâm Đồng", "Văn phòng Huyện ủy": the body an office serves, written after
        its head: a known body, or a body of a place (named, or the report's: a Party committee names its tier). A
        generic "Văn phòng HĐND", "Văn phòng UBND cấp tỉnh" is a kind of body, not the office of one."""
        body = self.parse(j, allow_bare=False)
        if body is not None and body.kind == "gazetteer" and not body.foreign and body.end - body.start >= 2:
            return body  # a known body's office: "Văn phòng Ban Chỉ đạo Tây Nam Bộ"
        if body is not None and body.kind == "named" and body.name and self.toks[j].is_cap and all(
                t.is_cap for t in self.toks[j : body.end] if t.is_word):
            return body  # a named council's office: "Văn phòng Hội đồng Giám mục Việt Nam"
        if body is None or body.kind != "standalone":
            return None
        placed = bool(body.locality) and not body.locality.startswith("cấp ")
        return body if placed or body.head in self.lex.admin.level_of_party else None

    def _suffixes(self, m: OrgMention) -> None:
        """Locality ("tỉnh Bình Định", "cấp tỉnh", "tối cao") and term ("khóa XIII") after a name."""
        # the short form a report gives after a name is part of the mention: "Sở Kế hoạch và Đầu
        # tư (KH&ĐT)", "Hội Liên hiệp Phụ nữ (LHPN) tỉnh Thanh Hóa" (before the locality)
        if m.foreign:
            return
        if self._bracketed_abbreviation(m.end):
            m.end += 3
        if m.kind == "named" and m.head in self.lex.words["mission_heads"]:
            toks = self.toks
            k = next((k for k in range(m.start + 1, min(m.end + 1, len(toks)))
                      if self.lex.word_in(toks[k], "venue_prepositions")), None)
            if k is not None:
                # "Đại sứ quán Việt Nam tại Ấn Độ", "… ở Viêng Chăn": a mission is named with where it is; the
                # mention ends before the preposition, so the place stays a place of the sentence
                if k < m.end:
                    m.name, m.end = m.name.split(f" {toks[k].text} ")[0], k
                if (at := self.lex.locations.match(toks, k + 1)) is not None:
                    m.name = f"{m.name} {expand_surface(toks, k, at[0])}"
                    return
        foreign = self._foreign(m)
        if foreign is not None:
            (m.locality, m.end), m.foreign = foreign, True
            return
        branch = m.kind == "gazetteer" and m.canonical in self.lex.words["local_branch_bodies"]
        if m.kind in ("standalone", "named") or branch:
            loc = self._locality(self._constituency(m), head=m.head if m.kind == "standalone" else "",
                                 level=self._takes_level(m))
            if loc and (not branch or self.lex.phrases["locality_words"].match(self.toks, m.end)):
                m.locality, m.end = loc
        j = m.end
        # "Tiểu ban Nhân sự Đại hội XIV của Đảng": a body of a numbered meeting is named with the
        # meeting ("Đại hội XIV", an event noun and its number) and with whose meeting it is
        # ("của Đảng": data, meeting_owners)
        noun = self.lex.phrases["event_nouns"].match(self.toks, j) if m.kind == "named" else None
        if noun is not None and self._numeral(noun[0]):
            m.name = f"{m.name} {expand_surface(self.toks, j, noun[0] + 1)}"
            m.end = j = noun[0] + 1
        nouns = self.lex.phrases["event_nouns"]
        ends_meeting = j > 1 and self._numeral(j - 1) and nouns.ending_at(self.toks, j - 1) >= 0
        owner = self.lex.phrases["meeting_owners"].match(self.toks, j) if m.kind == "named" and ends_meeting else None
        if owner is not None and (self._word(owner[0]) is None or not self._word(owner[0]).is_cap):
            m.name = f"{m.name} {expand_surface(self.toks, j, owner[0])}"
            m.end = j = owner[0]
        if self._is_key(j, "khóa") or self._is_key(j, "khoá"):
            t = self._word(j + 1)
            if t is not None and (t.text.isupper() or t.text.isdigit()):
                m.term = f"khóa {t.text}"
                m.end = j + 2
                # "Đoàn đại biểu Quốc hội khóa XV tỉnh Nghệ An": the locality may follow the term
                if m.kind in ("standalone", "named") and not m.locality:
                    loc = self._locality(self._constituency(m), head=m.head if m.kind == "standalone" else "",
                                         level=self._takes_level(m))
                    if loc:
                        m.locality, m.end = loc

    def _constituency(self, m: OrgMention) -> int:
        """Where a locality may start after m: past "đơn vị" in "Đoàn đại biểu Quốc hội khóa XIV đơn vị
        tỉnh Kiên Giang" (a delegation named by its constituency, data constituency_words)."""
        got = self.lex.phrases["constituency_words"].match(self.toks, m.end) if m.kind == "standalone" else None
        if got is not None and self.lex.phrases["locality_words"].match(self.toks, got[0]):
            return got[0]
        return m.end

    def foreign_state(self, m: OrgMention) -> tuple[str, int] | None:
        """(country, end) when a foreign country follows the body's name."""
        return self._foreign(m)

    def _foreign(self, m: OrgMention) -> tuple[str, int] | None:
        """A foreign country right after a body's name makes it that state's body ("Bộ Ngoại giao
        Mỹ", "Quốc hội Lào"); a Party's name may run on to its country ("Trung ương Đảng Nhân dân
        Cách mạng Lào", "Đảng Cộng sản Trung Quốc")."""
        j = m.end
        party = m.kind == "gazetteer" and "Đảng" in m.canonical.split()
        k = j
        while k < len(self.toks) and k - j <= (6 if party else 0):
            t = self._word(k)
            if t is None or (k == j and not t.is_cap):
                return None
            loc = self.lex.locations.match(self.toks, k) if t.is_cap else None
            if loc is not None and str(loc[1]) in self.lex.countries:
                unit = self.lex.unit_names.match(self.toks, k)
                if unit is not None and unit[0] > loc[0]:
                    return None  # "Huyện ủy Đức Thọ": a district whose name opens with a country's ("Đức")
                return expand_surface(self.toks, j, loc[0]), loc[0]
            k += 1
        return None

    def home_country_end(self, j: int) -> int:
        """After a known body's name, the end of the home country's name written after it ("Bộ Ngoại
        giao Việt Nam"; data home_country), else j."""
        got = self.lex.phrases["home_country"].match(self.toks, j)
        return got[0] if got is not None and self.toks[j].is_cap else j

    def locality_after(self, j: int) -> tuple[str, int] | None:
        """(locality, end) of a place written with its level at j ("tỉnh Hà Giang"), or None."""
        return self._locality(j)

    def _takes_level(self, m: OrgMention) -> bool:
        """Is m a state body whose province or city is named with its level word ("UBND Lâm Đồng" is "UBND
        tỉnh Lâm Đồng"): a standalone body or one of data leveled_named_heads ("Sở Y tế Hà Nội"), not a
        school's or a company's name ("Trường Cao đẳng Y tế Nam Định"), nor a head that says its level?"""
        if m.kind == "named":
            return m.head in self.lex.words["leveled_named_heads"]
        return m.kind == "standalone" and m.head not in self.lex.admin.level_of_party and word_key(
            (m.head.split() or [""])[0]) not in self.lex.wordset("leveled_head_words")

    def _locality(self, j: int, head: str = "", level: bool = False) -> tuple[str, int] | None:
        """`head`: a standalone body's head ("Thành ủy", "Ủy ban nhân dân"), which may take a place
        named without its unit word; `level`: a province or city named alone takes its level word."""
        got = self._place_named(j, head, level)
        if got is not None and self.lex.phrases["admin_units"].match(self.toks, j):
            # "phường Mỹ Đình 1": the number is the unit's name
            end = numbered_end(self.toks, got[1], self.lex.wordset("count_words"))
            return (f"{got[0]} {self.toks[got[1]].text}", end) if end > got[1] else got
        return got

    def _place_named(self, j: int, head: str, level: bool = False) -> tuple[str, int] | None:
        lex = self.lex
        if lex.phrases["locality_compounds"].match(self.toks, j):
            return None
        gen = lex.phrases["locality_generic"].match(self.toks, j)
        word = lex.phrases["locality_words"].match(self.toks, j)
        if word:
            end = word[0]
            if end < len(self.toks) and self.toks[end].text == "." and end + 1 < len(self.toks) and (
                    self.toks[end + 1].is_cap and self.toks[end].start == self.toks[end - 1].end):
                end += 1  # "TP. Hồ Chí Minh"
            loc = lex.locations.match(self.toks, end)
            # "huyện Đức Hòa": after a unit word a country's name ("Đức") is only the start of a place's
            if loc and not (str(loc[1]) in lex.countries and proper_name_end(self.toks, end) > loc[0]):
                level = _loc_word(self.toks, j, end)
                # a ward or commune keeps its written name: "phường Sài Gòn" (from July 2025) is a ward, not the
                # city another name of which it is
                commune = lex.admin is not None and level.lower() in lex.admin.tiers[2]
                name = expand_surface(self.toks, end, loc[0]) if commune else loc[1]
                return f"{level} {name}", loc[0]
            if end < len(self.toks) and self.toks[end].text.isdigit() and len(self.toks[end].text) <= 2:
                return f"{_loc_word(self.toks, j, word[0])} {self.toks[end].text}", end + 1  # "quận 1"
            # "TP. Hồ Chí Minh": a name that reads as a person's is the city its level word names
            for k in range(proper_name_end(self.toks, end), end, -1):
                named = lex.location_names.get(
                    phrase_keys(f"{_loc_word(self.toks, j, word[0])} {expand_surface(self.toks, end, k)}"))
                if named:
                    return named, k
            # "huyện Kim Bảng", "huyện Lý Nhân": a known unit's name, though it reads as a person's
            known = lex.unit_names.match(self.toks, end) if end < len(self.toks) and self.toks[end].is_cap else None
            # … and "thị xã Gò Công Giản Bá Huỳnh": the known name, then a person's
            # (… or the caption's next sentence: "Ảnh: Công an xã Gio Linh Sau hơn 2 tuần …")
            if known is not None and (proper_name_end(self.toks, end) - known[0] in (0, 2, 3, 4) or (
                    lex.phrases["name_stops"].match(self.toks, known[0]))):
                return f"{_loc_word(self.toks, j, end)} {expand_surface(self.toks, end, known[0])}", known[0]
            # "UBND xã Sơn Thành Tây", "Công an phường Hòa Thọ Đông": after a commune's unit word, a known
            # commune's name, though it reads as a person's
            # (the whole capitalized run, or the name then a person's: "xã Ngư Thủy Trung" is no "Ngư Thủy")
            run = proper_name_end(self.toks, end)
            assert lex.admin is not None
            if _loc_word(self.toks, j, word[0]) in lex.admin.tiers[2]:  # the communes' tier (data admin_tiers)
                for k in range(min(run, end + 4), end + 1, -1):
                    ends = k == run or self.looks_like_person(k) or lex.phrases["name_stops"].match(self.toks, k)
                    if ends and name_key(expand_surface(self.toks, end, k)) in _commune_keys():
                        return f"{_loc_word(self.toks, j, end)} {expand_surface(self.toks, end, k)}", k
            t = self._word(end)
            # "xã Lý Trạch (huyện Bố Trạch)": a name of two syllables after a unit word, though it reads
            # as a person's, is the unit's when the unit above it follows or the report writes it as a
            # place elsewhere (naming.report_places); "Chủ tịch UBND huyện Trần Nam cũng dự" names a person
            two = t is not None and t.is_cap and proper_name_end(self.toks, end) - end == 2 and not (
                self.toks[end].is_abbr or self.toks[end + 1].is_abbr)
            written = two and name_key(f"{self.toks[end].text} {self.toks[end + 1].text}") in self.places
            short = two and (unit_above(self.lex, self.toks, end + 2) or written)
            if short and not (self.lex.heads.match(self.toks, end) or self.lex.titles.match(self.toks, end)):
                return f"{_loc_word(self.toks, j, end)} {expand_surface(self.toks, end, end + 2)}", end + 2
            if t is not None and t.is_cap and not self.looks_like_person(end) and not self.starts_new_unit(end):
                stop = self.name_run(end, max_lower=0)
                if stop > end:
                    return f"{_loc_word(self.toks, j, end)} {expand_surface(self.toks, end, stop)}", stop
        # (a level written capitalized too: "TAND Cấp cao tại Hà Nội", "Tòa án nhân dân Tối cao"; data
        # levels_any_case)
        if gen and (not self.toks[j].is_cap or _loc_word(self.toks, j, gen[0]) == "thành phố" or (
                str(gen[1]) in lex.words["levels_any_case"])):
            # "Viện kiểm sát nhân dân cấp cao tại Hà Nội": the seat is part of the name
            at = gen[0]
            if str(gen[1]) in lex.words["locality_seated"] and self._is_key(at, "tại"):
                seat = lex.locations.match(self.toks, at + 1)
                if seat is not None:
                    return f"{gen[1]} tại {seat[1]}", seat[0]
            return _loc_word(self.toks, j, gen[0]) if str(gen[1]).startswith("TP") else str(gen[1]), gen[0]
        place = lex.locations.match(self.toks, j)  # "Tỉnh ủy Nghệ An": the place without "tỉnh"
        # "Thành ủy Hạ Long Vũ Văn Diện": a province or district named without its unit word
        unit = lex.unit_names.match(self.toks, j) if head and j < len(self.toks) and self.toks[j].is_cap else None
        # … the longer name first: "Huyện ủy Đức Thọ" is no "Đức" (Germany) and a person's name
        if place and self.toks[j].is_cap and not (unit is not None and unit[0] > place[0]):
            # "UBND Lâm Đồng" is the body of "UBND tỉnh Lâm Đồng": a province or city takes its level word
            return (with_level(lex, str(place[1])) if level else str(place[1])), place[0]
        # a unit's name may read as a person's ("Huyện đoàn Châu Thành"): it is the unit when the
        # capitalized run ends where the unit's name ends
        # … or is followed by a person's name ("Thành ủy Châu Đốc Lâm Quang Thi")
        if unit is not None and (not self.looks_like_person(j) or proper_name_end(self.toks, j) == unit[0]
                                 or self.looks_like_person(unit[0])):
            name, type_word = unit[1]  # type: ignore[misc]
            # a Party committee's name says its level ("Thành ủy Hạ Long"); "UBND Cẩm Phả" does not
            assert lex.admin is not None
            return (name if head in lex.admin.level_of_party else f"{type_word} {name}"), unit[0]
        # "Huyện ủy Yên Thành", where the report writes "huyện Yên Thành" elsewhere
        if self.places and j + 2 <= len(self.toks) and all(t.is_word and t.is_cap for t in self.toks[j : j + 2]):
            name = f"{self.toks[j].text} {self.toks[j + 1].text}"
            if name_key(name) in self.places:
                return name, j + 2
        return None


def with_level(lex: Lexicon, place: str) -> str:
    """A province or centrally run city named with its level word ("tỉnh Lâm Đồng", "thành phố Hà Nội"; data
    level_words_of_type); any other place, or one whose name says its level ("Thành phố Hồ Chí Minh"), as it is."""
    key = name_key(place)
    if key not in lex.provinces:
        return place
    word = lex.words["level_words_of_type"]["city" if key in lex.cities else "province"]
    return place if key.startswith(name_key(word)) else f"{word} {place}"
