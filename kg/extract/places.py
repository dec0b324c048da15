"""Places in a sentence: units with their level word ("huyện Yên Thành", "các xã: A, B, C", "5
phường (A, B)"), cities written short ("TP Thanh Hóa"), venues ("hội trường UBND tỉnh"), and the
places of a list. Read by the sentence reader (sentence.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg import admin_units
from kg.extract.lexicon import HOME_COUNTRY, Lexicon
from kg.extract.name_shapes import place_opening_with_head
from kg.extract.orgs import OrgParser
from kg.extract.tokens import KEY_VA, Token, numbered_end, phrase_keys, proper_name_end, word_key
from kg.text import name_key

_TAI = (word_key("tại"),)
_CITY = phrase_keys("thành phố")


@dataclass
class PlaceMention:
    start: int
    end: int
    name: str
    venue: bool = False
    listed: bool = False  # of a list opened by a plural unit word ("các xã: A, B, C")
    within: bool = False  # a place's name inside another name ("xuyên Thái Bình Dương"): read past, no place


@cache
def _unit_keys() -> frozenset[str]:
    """Name keys of every province, district and commune, both periods (the names only: building the
    whole index of units for this costs ten times as much, in every process that meets a list)."""
    return frozenset(name_key(n) for n in admin_units.names_at(("province", "district", "commune")))


def listed_unit(lex: Lexicon, toks: list[Token], i: int, last: PlaceMention) -> PlaceMention | None:
    """"các huyện Nam Sách, Thanh Hà, Ninh Giang", "thăm Lào, Hàn Quốc": a district, province or
    country named right after a place and a comma (or "và") is a place of the same list."""
    if last.venue or i < 2 or last.end != i - 1:
        return None
    if toks[i - 1].text in ("-", "–"):  # "Việt Nam - Lào - Campuchia": states joined by dashes
        states = {*lex.countries, HOME_COUNTRY}
        loc = lex.locations.match(toks, i) if last.name in states else None
        if loc is None or str(loc[1]) not in states or (loc[0] < len(toks) and toks[loc[0]].is_cap):
            return None
        return PlaceMention(i, loc[0], str(loc[1]))
    if not (toks[i - 1].text == "," or toks[i - 1].keys[:1] == KEY_VA):
        return None
    unit = lex.unit_names.match(toks, i)
    if unit is not None and proper_name_end(toks, i) == unit[0]:
        return PlaceMention(i, unit[0], " ".join(t.text for t in toks[i : unit[0]]), listed=last.listed)
    stop = proper_name_end(toks, i)
    if last.listed and stop > i and stop + 1 < len(toks) and toks[stop].text in ("-", "–") and toks[stop + 1].is_cap:
        stop = proper_name_end(toks, stop + 1)  # "Văn Miếu – Quốc Tử Giám": a ward's name of two parts
    name = " ".join("-" if t.text == "–" else t.text for t in toks[i:stop])
    # "các xã: Hoằng Đạt, Hoằng Đạo, Hoằng Hà": the list's units, named bare; one word ("Láng") or
    # a name of two parts only when it is a unit's
    if last.listed and stop > i and (2 <= stop - i <= 3 or name_key(name) in _unit_keys()) and (
            stop >= len(toks) or not toks[stop].is_word or toks[stop].keys[:1] == KEY_VA):
        return PlaceMention(i, stop, name, listed=True)
    loc = lex.locations.match(toks, i)  # "thăm Lào, Hàn Quốc, Singapore"
    if loc is not None and (loc[0] >= len(toks) or not toks[loc[0]].is_cap):
        return PlaceMention(i, loc[0], str(loc[1]))
    return None


def named_sites(lex: Lexicon, toks: list[Token], i: int) -> list[PlaceMention]:
    """"cửa khẩu Xa Mát", "cảng Cát Lái": a site word and the capitalized name after it are one place,
    named with the word ("Cửa khẩu Xa Mát"); after "các" the word names each site of the list ("các
    cửa khẩu như Xa Mát, Katum, Phước Tân": three places)."""
    hit = lex.phrases["site_words"].match(toks, i)
    if hit is None or lex.phrases["site_compounds"].ending_at(toks, i) >= 0:
        return []
    word = " ".join(t.text for t in toks[i : hit[0]])
    word = word[0].upper() + word[1:]
    j = hit[0]
    plural = lex.plural_before(toks, i)
    if plural and j < len(toks) and (toks[j].text == ":" or toks[j].keys[:1] == _NHU):
        j += 1
    out: list[PlaceMention] = []
    while j < len(toks):
        stop = proper_name_end(toks, j, limit=3)
        if stop == j or lex.heads.match(toks, j) or lex.titles.match(toks, j) or toks[j].text.isupper() or (
                (loc := lex.locations.match(toks, j)) is not None and str(loc[1]) in {*lex.countries, HOME_COUNTRY}):
            break  # "cảng Ban Quản lý …", "sông Giám đốc …", "cảng ASEAN", "sông Việt Nam": no site's name
        out.append(PlaceMention(i if not out else j, stop, f"{word} {' '.join(t.text for t in toks[j:stop])}"))
        nxt = stop + 1
        if not (plural and nxt < len(toks) and (toks[stop].text == "," or toks[stop].keys[:1] == KEY_VA)):
            break
        j = nxt
    return out


_NHU = (word_key("như"),)


def _bracket_after(toks: list[Token], k: int, words: int = 3) -> int | None:
    """After a plural unit word, a few lower-case words and an opening bracket: where the list starts."""
    for j in range(k, min(k + words + 1, len(toks) - 1)):
        if toks[j].text == "(":
            return j + 1 if toks[j + 1].is_cap else None
        if not toks[j].is_word or toks[j].is_cap:
            return None
    return None


def place_at(lex: Lexicon, orgp: OrgParser, toks: list[Token], i: int) -> PlaceMention | None:
    after_tai = i > 0 and toks[i - 1].keys[:1] == (word_key("tại"),)
    unit = _admin_unit(lex, orgp, toks, i)
    if unit is not None:
        return unit
    if not toks[i].is_cap and not after_tai:
        return None
    venue = lex.phrases["venue_heads"].match(toks, i)
    loc = lex.locations.match(toks, i)
    home = loc is None and lex.phrases["home_cues"].ending_at(toks, i) >= 0  # "quê Yên Thành": a district named bare
    if loc is None and (home or (i > 0 and lex.word_in(toks[i - 1], "venue_prepositions"))):
        known = lex.unit_names.match(toks, i)
        # (after "tại" / "ở", with its province after it: "ở Đông Anh (Hà Nội)", "tại Gia Lâm, Hà Nội")
        if known is not None and proper_name_end(toks, i) == known[0] and (
                home or _province_after(lex, toks, known[0])):
            return PlaceMention(i, known[0], " ".join(t.text for t in toks[i : known[0]]))
    if loc is None and venue is None and (known := lex.unit_names.match(toks, i)) is not None and (
            proper_name_end(toks, i) == known[0] and _own_province_after(lex, toks, i, known[0])):
        # "khu vực biển La Gi, tỉnh Lâm Đồng", "thăm Vũ Quang, tỉnh Hà Tĩnh": a unit followed by its own
        # province is that unit, whatever a surname it opens with says
        return PlaceMention(i, known[0], " ".join(t.text for t in toks[i : known[0]]))
    if loc is None and (after_tai or (i > 0 and lex.word_in(toks[i - 1], "venue_prepositions"))):
        city = _city(lex, toks, i)  # ("tại TP Thanh Hóa", "ở TP. Sóc Trăng")
        if city is not None:
            return city
    if venue:
        end = _venue_end(lex, orgp, toks, venue[0])
        # (a venue word alone names no place: "tại Hội trường", "Khách sạn"; "Hội trường Diên Hồng" does)
        return PlaceMention(i, end, "", venue=True) if end > venue[0] else None
    if loc and toks[i].is_cap and (_in_a_name(lex, toks, i) or _region_compound(lex, toks, i)):
        return PlaceMention(i, loc[0], "", within=True)
    if loc and toks[i].is_cap:
        end, name = loc
        one_word = end - i == 1 and str(name).count(" ") == 0
        cue = i > 0 and lex.phrases["place_cues"].match(toks, i - 1)
        if (one_word or lex.reads_as_name(str(name), toks[i])) and not cue:  # "Hà Lan" needs one too
            return None
        if end - i == 1 and _name_part(lex, toks, i):
            return None  # "nghệ sĩ Hữu Quốc, Thoại Mỹ": the second word of someone's name, no country
        if lex.phrases["venue_heads"].match([toks[i]], 0) or str(name).startswith(("Nhà", "Trụ sở", "Trung tâm")):
            return PlaceMention(i, _venue_end(lex, orgp, toks, end), "", venue=True)
        # a place name followed by more capitalized words is part of a longer name
        if end < len(toks) and toks[end].is_word and toks[end].is_cap and not toks[end].is_abbr:
            if not orgp.looks_like_person(end) and not lex.titles.match(toks, end):
                return None
        # (a head word opening the place's whole name is no body: "Trường Sa", "Đài Loan")
        if (lex.heads.match(toks, i) and not place_opening_with_head(lex, toks, i)) or lex.orgs.match(
                toks, i, allow_comma=True):
            return None
        return PlaceMention(i, end, str(name))
    return None


def _in_a_name(lex: Lexicon, toks: list[Token], i: int) -> bool:
    """Is the place at i part of a name, after a word that makes it one ("xuyên Thái Bình Dương":
    trans-Pacific; data place_name_prefixes)?"""
    return i > 0 and lex.word_in(toks[i - 1], "place_name_prefixes")


def _region_compound(lex: Lexicon, toks: list[Token], i: int) -> bool:
    """Is the place at i the second half of a region written with a dash ("châu Á - Thái Bình Dương"): a
    region (locations.tsv), not a state, province or venue, right before the dash?"""
    if i < 2 or toks[i - 1].text not in ("-", "–"):
        return False
    for k in range(max(0, i - 4), i - 1):  # (a region listed whole, read from its first word)
        whole = lex.locations.match(toks, k)
        if whole is not None and whole[0] > i and str(whole[1]) in lex.regions:
            return True
    k = lex.locations.ending_at(toks, i - 1)
    before = lex.locations.match(toks, k) if k >= 0 else None
    return before is not None and str(before[1]) in lex.regions


def _province_after(lex: Lexicon, toks: list[Token], k: int) -> bool:
    """Is a province written right after k, set off by a comma or a bracket?"""
    if k + 1 >= len(toks) or toks[k].text not in (",", "("):
        return False
    place = lex.locations.match(toks, k + 1)
    return place is not None and name_key(str(place[1])) in lex.provinces


def _name_part(lex: Lexicon, toks: list[Token], i: int) -> bool:
    """Is the one-word place at i the end of a two-word name that stands alone mid-sentence (a capital
    word before it, none before that; not a title, a body's head or a place: "Tổng thống Mỹ" is the US)?"""
    if i < 2 or not toks[i - 1].is_word or not toks[i - 1].is_cap or toks[i - 1].is_abbr:
        return False
    if toks[i - 2].is_word and toks[i - 2].is_cap:
        return False
    return not (lex.titles.ending_at(toks, i) >= 0 or lex.phrases["name_stops"].match(toks, i - 1) or (
        lex.heads.match(toks, i - 1) or lex.locations.match(toks, i - 1)))


def _own_province_after(lex: Lexicon, toks: list[Token], i: int, k: int) -> bool:
    """Is the province written after k, past a comma and its type word ("…, tỉnh Lâm Đồng"), the one the
    unit named at i..k lies in, before the 2025 reform or after it?"""
    if k + 1 >= len(toks) or toks[k].text != ",":
        return False
    j = k + 1
    word = lex.phrases["locality_words"].match(toks, j)
    j = word[0] if word is not None else j
    j += 1 if j < len(toks) and toks[j].text == "." else 0
    place = lex.locations.match(toks, j)
    if place is None or name_key(str(place[1])) not in lex.provinces:
        return False
    name = " ".join(t.text for t in toks[i:k])
    homes = {u.province for u in admin_units.units(name) if u.level != "province"}
    homes |= {m.name for h in list(homes) if (m := admin_units.merged_into(h)) is not None}
    return name_key(str(place[1])) in {name_key(h) for h in homes}


def _city(lex: Lexicon, toks: list[Token], i: int) -> PlaceMention | None:
    """"tại TP Thanh Hóa": a city named after its province is a place of its own."""
    word = lex.phrases["locality_words"].match(toks, i)
    # "TP", "TP.", "thành phố" all read as the words of "thành phố"
    if word is None or tuple(k for t in toks[i : word[0]] for k in t.keys) != _CITY:
        return None
    end = word[0]
    if end < len(toks) and toks[end].text == ".":  # "TP. Thanh Hóa"
        end += 1
    stop = proper_name_end(toks, end)
    # a person's full name right after it is not part of it: "tại TP Vinh Nguyễn Văn An phát biểu"
    stop = next((k for k in range(end + 1, stop)
                 if toks[k].keys[0] in lex.surnames and proper_name_end(toks, k) - k >= 3), stop)
    if stop == end:
        return None
    return PlaceMention(i, stop, "Thành phố " + " ".join(t.text for t in toks[end:stop]))


def _venue_end(lex: Lexicon, orgp: OrgParser, toks: list[Token], j: int) -> int:
    """A venue's name runs over capitalized words, another venue word ("Hội trường Trung tâm Hội
    nghị tỉnh"), locality words, and a body it is named after ("Trụ sở UBND TP.HCM"); the name right
    after the venue word may read as a person's ("Nghĩa trang Mai Dịch")."""
    first = j
    memorial = lex.phrases["memorial_heads"].ending_at(toks, first) >= 0
    while j < len(toks) and toks[j].is_word:
        t = toks[j]
        nested = lex.phrases["venue_heads"].match(toks, j)
        if nested:
            j = nested[0]
            continue
        if memorial:
            # "Nhà tưởng niệm Anh hùng liệt sĩ Bế Văn Đàn", "… Chủ tịch Hồ Chí Minh với Chiến thắng
            # Biên giới 1950", "Khu di tích Quốc gia đặc biệt …": who or what it remembers is its name
            hon = lex.phrases["memorial_words"].match(toks, j) or lex.titles.match(toks, j)
            if hon:
                j = hon[0]
                continue
            if t.is_cap or _year(t):  # a person's name, a year
                j += 1
                continue
            # a few lower-case words between two of those ("Quốc gia đặc biệt Địa điểm", "Chiến thắng
            # biên giới năm 1950"), not a clause's words ("… tại xã Y": "tại" ends a name)
            k = j
            while k < len(toks) and k - j < 4 and toks[k].is_word and not toks[k].is_cap and not _year(
                    toks[k]) and (not orgp.ends_name(k) or _year_after(toks, k)):
                k += 1
            if k > j and k < len(toks) and (toks[k].is_cap or _year(toks[k])):
                j = k
                continue
        org = orgp.parse(j, allow_bare=False) if t.is_cap else None
        if org is not None:
            j = org.end
        elif t.is_cap and (j == first or not orgp.looks_like_person(j)) and not lex.titles.match(toks, j):
            j += 1
        elif not t.is_cap and t.keys[0] in lex.wordset("venue_lower_words"):
            j += 1
        else:
            break
    return j


def _year(t: Token) -> bool:
    return t.text.isdigit() and len(t.text) == 4


def _year_after(toks: list[Token], k: int) -> bool:
    """"năm 1950": the word for year, a year after it."""
    return toks[k].keys[:1] == _NAM and k + 1 < len(toks) and _year(toks[k + 1])


_NAM = (word_key("năm"),)


def _admin_unit(lex: Lexicon, orgp: OrgParser, toks: list[Token], i: int) -> PlaceMention | None:
    """"huyện Đồng Văn", "xã Lũng Cú": a unit word and a capitalized name make a place."""
    unit = lex.phrases["admin_units"].match(toks, i)
    # a capitalized unit word names a place only where a line or an address starts ("Quê quán: Xã
    # Hiệp Cường, huyện Kim Động"); elsewhere "Huyện Đoàn", "Xã Hội" are other words
    # ("H.Gia Lâm": an abbreviated unit word is a unit word, capital or not)
    # ("TP Buôn Ma Thuột": a unit word in capitals is one wherever it stands)
    # ("tại Đặc khu Trường Sa", "Phường Bến Nghé": the name after it is a known unit's, so it names one)
    if toks[i].is_cap and not toks[i].text.isupper() and not (unit is not None and (
            i == 0 or toks[i - 1].text in (":", ",", "(") or toks[i].text.endswith(".") or (
                (stop := proper_name_end(toks, unit[0])) > unit[0]
                and name_key(" ".join(t.text for t in toks[unit[0] : stop])) in _unit_keys()))):
        return None
    if unit is None:
        # "2 thành phố Biên Hòa, Long Khánh": "thành phố" also names a body's level, so the name
        # after it must be a known district-level city
        if i > 0 and toks[i - 1].keys[:1] == _TAI:
            return None  # "tại thành phố X" is a venue: _city names it
        word = lex.phrases["locality_words"].match(toks, i)
        known = lex.unit_names.match(toks, word[0]) or lex.locations.match(toks, word[0]) if word else None
        if not word or not known or proper_name_end(toks, word[0]) != known[0]:
            return None
        name = " ".join(t.text for t in toks[word[0] : known[0]])
        if name_key(name) in lex.provinces:
            return None  # "thành phố Hà Nội", "thành phố Kon Tum": read where the province is
        return PlaceMention(i, known[0], name)
    end = unit[0]
    listed = lex.plural_before(toks, i) or (i > 0 and toks[i - 1].text.isdigit())  # "3 xã: …"
    if listed and end + 1 < len(toks) and toks[end].text == ":":
        end += 1  # "các xã: Hoằng Đạt, Hoằng Đạo": the list after the colon (listed_unit reads the rest)
    elif listed and (bracket := _bracket_after(toks, end)) is not None:
        end = bracket  # "5 phường hiện hữu (Hắc Dịch, Mỹ Xuân, …)": the list in brackets
    word = " ".join(t.text.lower() for t in toks[lex.phrases["admin_units"].ending_at(toks, end) : end])
    if end < len(toks) and toks[end].text.isdigit() and len(toks[end].text) <= 2 and (
            word in lex.words["numbered_units"]) and not (end + 1 < len(toks) and toks[end + 1].is_cap):
        return PlaceMention(i, end + 1, f"{word.capitalize()} {toks[end].text}")  # "quận 1", "Phường 12"
    stop = proper_name_end(toks, end)
    if stop == end or (toks[end].text.isupper() and len(toks[end].text) > 1 and not lex.locations.match(toks, end)):
        return None  # "xã NTM kiểu mẫu": an abbreviation of what the unit is, not its name
    # "ấp Phú Mỹ Đỗ Văn Châu": the place ends where a person's name (a surname and two more) starts;
    # "Chủ tịch thị xã Đặng Vũ Nhật Thăng": no place at all, unless the name is a known unit's
    # the whole unit word ending here: read from "xã", the unit may be "thị xã"
    above_commune = lex.admin is not None and any(word in tier for tier in lex.admin.tiers[:2])
    if above_commune and toks[end].keys[0] in lex.surnames and stop - end >= 3 and (
            not lex.unit_names.match(toks, end)):
        return None  # (wards and communes are often named after people: "phường Bế Văn Đàn")
    stop = next((k for k in range(end + 1, stop) if toks[k].keys[0] in lex.surnames
                 and proper_name_end(toks, k) - k >= 3), stop)
    stop = numbered_end(toks, stop, lex.wordset("count_words"))  # "phường Mỹ Đình 1"
    return PlaceMention(i, stop, " ".join(t.text for t in toks[end:stop]), listed=listed)
