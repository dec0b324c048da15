"""The shapes that tell where a person's name stops or that it is no person's: a day-part word that
is a given name, the joints of a foreign name, a street named after a person, a foreign name after a
title. Read by PeopleParser (people.py), which inherits NameShapes and gives toks, lex and _word."""

from __future__ import annotations

import re

from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import PhraseMatcher, phrase_keys, proper_name_end, word_key

REGNAL = re.compile(r"[IVX]{1,4}")  # a term or a monarch's number
_HOUSE_NUMBER = re.compile(r"\d{1,5}[A-Z]\d{0,3}")  # "80B", "598B5": a number no date or count writes


class NameShapes:
    def _given_day_part(self, j: int) -> bool:
        """"Đỗ Văn Sáng, nguyên …": a day-part word ends a name as the given name unless a date or
        "nay", "qua" follows it ("… Phạm Minh Chính Sáng 20/5", "… Sáng nay")."""
        if self.toks[j].keys[0] not in self.lex.wordset("day_parts"):
            return False
        if j + 1 >= len(self.toks):
            return True
        nxt = self.toks[j + 1]
        return not (nxt.text[:1].isdigit() or (nxt.is_word and nxt.keys[0] in self.lex.wordset("day_part_next")))

    def _after_locality_word(self, i: int) -> bool:
        """"TP. Hồ Chí Minh", "quận Hai Bà Trưng": a name right after a word of a locality is the place's."""
        k = i - 1 if i > 0 and self.toks[i - 1].text == "." else i
        at = self.lex.phrases["locality_words"].ending_at(self.toks, k)
        # (not a title's place: "Phó chủ tịch tỉnh Lê Hồng Minh" names a person after the title)
        if at < 0 or self.lex.titles.ending_at(self.toks, at) >= 0:
            return False
        # a unit below the province may be named after a person ("xã Phạm Văn Hai", "huyện Trần Văn Thời");
        # after "tỉnh" / "TP." only a place the data knows ("TP. Hồ Chí Minh", not "Hội trường tỉnh Nguyễn …")
        return self.lex.word_in(self.toks[at], "units_named_after_people") or any(
            self.lex.location_names.get(phrase_keys(" ".join(x.text for x in self.toks[at:e] if x.is_word)))
            is not None for e in range(i + 1, min(len(self.toks), i + 5) + 1))

    def _foreign_joint(self, j: int) -> bool:
        """Inside a foreign name: a hyphen between two of its words written tight ("Walter-Steinmeier")
        or a lower-case particle before a capitalized word ("Van der Bellen")."""
        t, prev = self.toks[j], self.toks[j - 1]
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
        if nxt is None or not nxt.is_cap:
            return False
        if t.text == "-":
            return prev.end == t.start and t.end == nxt.start and not is_syllable(nxt.text)
        if t.text in ("'", "’"):  # "H'Yim Kđoh", "H’Hen Niê": the H of a Central Highlands woman's name
            return prev.end == t.start == t.end - 1 and t.end == nxt.start and len(prev.text) == 1
        if t.text == ".":  # "D. Medvedev", "George W. Bush": an initial (not "ông L. Không đồng ý")
            return prev.end == t.start and len(prev.text) == 1 and prev.text.isupper() and (
                len(nxt.text) == 1 or not is_syllable(nxt.text))
        return t.is_word and not t.is_cap and t.text in self.lex.words["foreign_name_particles"]

    def _street_at(self, i: int) -> bool:
        """"số 5 Trần Thánh Tông", "đường Lê Duẩn": a street named after a person is no person."""
        toks = self.toks
        if i >= 1 and (self.lex.word_in(toks[i - 1], "street_words") or self.lex.phrases["street_phrases"].ending_at(
                toks, i) >= 0):  # ("đường hoa Nguyễn Huệ", "phố đi bộ Nguyễn Huệ", "đại lộ Võ Văn Kiệt")
            return True
        if i >= 2 and toks[i - 1].text in ("-", "–"):  # "đường Trường Chinh - Trần Đại Cang - Bà Triệu"
            k = i - 2
            while k > 0 and i - k < 12 and (toks[k].is_cap or toks[k].text in ("-", "–")):
                k -= 1
            return self.lex.word_in(toks[k], "street_words") and k < i - 2
        # a house number ("số 5 Trần Thánh Tông", "ở 37 Lê Đại Hành", "80B Trần Hưng Đạo")
        number = toks[i - 1].text if i >= 1 else ""
        if not number[:1].isdigit():
            return False
        return bool(_HOUSE_NUMBER.fullmatch(number)) or (i >= 2 and toks[i - 2].keys[:1] and toks[i - 2].keys[
            0] in self.lex.wordset("house_number_cues"))

    def _foreign_name_at(self, i: int) -> int:
        """"Ngoại trưởng Blinken": after a title or an honorific, one capitalized word that is no
        Vietnamese syllable is a foreign name."""
        t = self._word(i)
        if t is None or not t.is_cap or t.text.isupper() or len(t.text) < 3 or is_syllable(t.text):
            return i
        return i + 1

    def _named_after(self, j: int, links: str = "holder_links") -> int:
        """Where the holder's honorific and name start when a title is set off from them: "Chủ tịch
        thành phố đương nhiệm, ông A"; "miễn nhiệm Phó Chủ tịch UBND tỉnh X, nhiệm kỳ 2021-2026, đối
        với ông A" (data: holder_links, the words between); else j."""
        toks, k = self.toks, j
        words = self.lex.phrases["holder_gap_words"]
        worded = False  # (a comma alone sets off no holder: "thừa ủy quyền của Thủ tướng, bà A - Thứ trưởng")
        while k < len(toks) and k - j <= 8:
            got = words.match(toks, k)
            if got is not None:
                k, worded = got[0], True
            elif toks[k].text in (",", "-", "–") or toks[k].text.isdigit() or REGNAL.fullmatch(toks[k].text):
                k += 1
            else:
                break
        link = self.lex.phrases[links].match(toks, k)
        at = link[0] if link is not None else k if worded and toks[k - 1].text == "," else j
        h = self.lex.phrases["honorifics"].match(toks, at)
        first = h[0] + 1 if h is not None and h[0] < len(toks) and toks[h[0]].text == ":" else h[0] if h else at
        return at if at > j and h is not None and self.name_at(first) > first else j  # ("đối với các ông: A, B")

    def _past_term(self, j: int) -> int:
        """After a post, past the term written with it ("nhiệm kỳ 2010 - 2015", "khóa XII") when a comma
        follows: where the chain of titles goes on."""
        term = self.lex.phrases["holder_gap_words"].match(self.toks, j)
        if term is None:
            return j
        k = term[0]
        while k < len(self.toks) and (self.toks[k].text[0].isdigit() or self.toks[k].text in ("-", "–") or (
                REGNAL.fullmatch(self.toks[k].text))):
            k += 1
        return k if k > term[0] and k < len(self.toks) and self.toks[k].text == "," else j

    def _title_at(self, j: int) -> bool:
        """Does a title start at j, not across a spaced dash ("Mai Văn Chính - Ủy viên …" is no "Chính ủy")?"""
        got = self.lex.titles.match(self.toks, j)
        return got is not None and not any(
            t.text in ("-", "–") and t.start != self.toks[k - 1].end for k, t in enumerate(self.toks[j:got[0]], j))


_SO = (word_key("số"),)


def street_address_at(lex, toks, i: int) -> bool:
    """"tại số 133 Trường Chinh": a name after an address's house number is its street, not a body
    ("Trường …"); "đơn vị số 1 Đoàn đại biểu …" numbers something else."""
    if i < 3 or not re.fullmatch(r"\d+[A-Za-z]?(?:/\d+)*", toks[i - 1].text) or toks[i - 2].keys[:1] != _SO:
        return False
    end = proper_name_end(toks, i)  # (or the address goes on with its ward: "(số 133 Trường Chinh, phường …")
    return lex.word_in(toks[i - 3], "address_cues") or (end + 1 < len(toks) and toks[end].text == "," and bool(
        lex.phrases["locality_words"].match(toks, end + 1)))


def place_opening_with_head(lex, toks, i: int) -> bool:
    """Is a place's whole capitalized name at i one that opens with a body's head word ("Trường Sa", "Đài
    Loan", "Hội An": no school, station or association)?"""
    hd = lex.heads.match(toks, i)
    loc = lex.locations.match(toks, i) or lex.unit_names.match(toks, i) if hd is not None else None
    return loc is not None and toks[i].is_cap and hd[0] < loc[0] == proper_name_end(toks, i)


_MINISTER_FIELDS: dict[int, PhraseMatcher] = {}


def minister_fields(lex: Lexicon) -> PhraseMatcher:
    """Ministries as a minister's title names them, "Bộ" left out and shortened ("Bộ trưởng Văn
    hóa", "Bộ trưởng Kế hoạch Đầu tư"): data/lexicon.yaml minister_fields."""
    got = _MINISTER_FIELDS.get(id(lex))
    if got is None:
        got = _MINISTER_FIELDS[id(lex)] = PhraseMatcher()
        for full, shorts in lex.words["minister_fields"].items():
            for short in shorts:
                got.add(short, full)
    return got
