"""Directives: numbered documents (Chỉ thị số 05, Nghị quyết 580/NQ-UBTVQH14, Kết luận 35-KL/TW),
named ones (Luật Đất đai, Điều lệ Đảng, Nghị quyết Đại hội XIII của Đảng), their issuer (stated
with "của", or encoded in the symbol) and their subject ("về ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention, expand_surface
from kg.extract.orgs import OrgParser
from kg.extract.tokens import KEY_VA, Token, word_key

_NUMBER = re.compile(r"\d+(?:\.\d+(?=/))?(?:[/-][\wĐđ&.]+)*")  # "12.3/2026/NQ-CP"
_SPACED_CODE = re.compile(r"\s+[-–]\s+([A-ZĐ][A-ZĐ&]*(?:-[A-ZĐ&]+)?/[\wĐđ&.]*[\wĐđ])")  # " - QĐ/TW", " - NQ/TU"
# "1144/QĐ - TTg", "08/KL - TTr": the issuer's code set off by a spaced dash
_SPACED_ISSUER = re.compile(r"\s+[-–]\s+([A-ZĐ]{2,}[a-zđ]?)(?![\wĐđ])")
_ROMAN = re.compile(r"^[IVXLC]+$")
_NUMERALS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _congress_number(text: str) -> str:
    """A congress's number as the Party writes it ("XII"), also when the press writes it in digits
    ("Nghị quyết Đại hội 12 của Đảng"); "" when the word is no such number."""
    if _ROMAN.match(text):
        return text
    if not re.fullmatch(r"[1-9]\d?", text) or int(text) > 39:
        return ""
    n, out = int(text), ""
    for value, letters in ((30, "XXX"), (20, "XX"), *_NUMERALS):
        while n >= value:
            out, n = out + letters, n - value
    return out


_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")


@dataclass
class DirectiveMention:
    start: int  # token index
    end: int
    kind: str
    number: str  # leading number, "" for named documents
    symbol: str  # full number as written: 580/NQ-UBTVQH14
    name: str  # canonical name
    issuer: OrgMention | None = None
    co_issuers: list[OrgMention] = field(default_factory=list)  # "của Bộ Chính trị, Ban Bí thư"
    symbol_issuer: str = ""
    subject_start: int = -1  # token range of the "về ..." clause
    subject_end: int = -1
    subject: str = ""
    edition: str = ""  # a law's year ("Luật Xây dựng năm 2003"): which version of it
    amends: list[DirectiveMention] = field(default_factory=list)  # the laws an amending law names


class DirectiveParser:
    def __init__(self, lex: Lexicon, tokens: list[Token], text: str, orgs: OrgParser) -> None:
        self.lex = lex
        self.toks = tokens
        self.text = text
        self.orgs = orgs

    def _key(self, i: int) -> str:
        return word_key(self.toks[i].text) if i < len(self.toks) else ""

    def parse(self, i: int) -> DirectiveMention | None:
        toks = self.toks
        named = self.lex.named_directives.match(toks, i)
        km = self.lex.directive_kinds.match(toks, i)
        m: DirectiveMention | None = None
        if km:
            # (past a word of urgency: "Công điện khẩn số 578")
            urgent = self.lex.phrases["urgency_words"].match(toks, km[0])
            j = urgent[0] if urgent is not None and urgent[0] < len(toks) and (
                self._key(urgent[0]) == word_key("số") or toks[urgent[0]].text[0].isdigit()) else km[0]
            m = self._kinded(i, j, str(km[1]))
        if m is None and named and toks[i].is_cap:
            end, name = named
            m = DirectiveMention(i, end, " ".join(str(name).split()[:2]), "", "", str(name))
        if m is None:
            return None
        self._tail(m)
        return m

    def _kinded(self, i: int, j: int, kind: str) -> DirectiveMention | None:
        toks = self.toks
        has_so = self._key(j) == word_key("số")
        if has_so:
            j += 1
        if j < len(toks) and toks[j].text[0].isdigit() and toks[j].start - toks[j - 1].end <= 1:
            num = _NUMBER.match(self.text, toks[j].start)
            assert num is not None
            symbol = num.group(0).rstrip(".-/")
            stop = num.start() + len(symbol)
            # "Quy định số 47 - QĐ/TW": the type code written apart from the number is still its symbol
            if (spaced := _SPACED_CODE.match(self.text, num.end())) is not None and symbol.isdigit():
                symbol, stop = f"{symbol}-{spaced.group(1)}", spaced.end()
            elif "/" in symbol and symbol[-1].isalpha() and (issuer := _SPACED_ISSUER.match(self.text, stop)):
                symbol, stop = f"{symbol}-{issuer.group(1)}", issuer.end()
            # "kế hoạch 5 năm", "quyết định 2 kế hoạch": a quantity, not a document number ("nghị quyết
            # 1046", a kind of two words and two digits or more with no counted word after them, is one:
            # checked below; "kỷ luật 27 đảng viên" holds no "luật")
            if not toks[i].is_cap and not has_so and not re.search(r"[/-]", symbol) and (
                    len(symbol) < 2 or (j - i) < 2):
                return None
            if not has_so and _YEAR_ONLY.fullmatch(symbol):
                return None  # "Công ước 1982", "Hiệp định 2025": the year it was made, no number
            nxt = self.text[num.end() : num.end() + 12].split()
            # (not "năm" and a year: "Nghị quyết 16 năm 2012" was issued in 2012)
            dated = len(nxt) > 1 and word_key(nxt[0]) == word_key("năm") and _YEAR_ONLY.fullmatch(nxt[1].strip(",.;"))
            if nxt and not has_so and not dated and word_key(nxt[0].strip(",.;")) in self.lex.number_units and (
                    not re.search(r"[/-]", symbol)):
                return None
            end = j
            while end < len(toks) and toks[end].start < stop:
                end += 1
            lead = re.match(r"\d+", symbol).group(0)  # type: ignore[union-attr]
            m = DirectiveMention(i, end, kind, lead, symbol, f"{kind} số {symbol}")
            m.symbol_issuer = self._symbol_issuer(symbol)
            return m
        # "Nghị quyết (của) Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XII", also in lower case
        # (in lower case only a numbered plenum's resolution: "quyết định hội nghị …", "hướng dẫn đại hội …"
        # are verbs, "nghị quyết đại hội đảng" any congress's)
        held = self._meeting_resolution(i, j + 1 if self._key(j) == word_key("của") else j, kind) if (
            toks[i].is_cap or kind == "Nghị quyết") else None
        if held is not None and (toks[i].is_cap or any(
                t.text.isdigit() or _ROMAN.match(t.text) for t in toks[held.start : held.end])):
            return held
        # ("nghị quyết Đại hội XII của Đảng": a capitalized congress names which, the kind written in lower case)
        congress = j + 1 < len(toks) and toks[j].is_cap and self._key(j) == word_key("Đại") and self._key(
            j + 1) == word_key("hội")
        if not toks[i].is_cap and kind not in ("Luật", "Bộ luật") and not (kind == "Nghị quyết" and congress):
            return None
        t = toks[j] if j < len(toks) else None
        if t is not None and t.is_word and not t.is_cap and toks[i].is_cap and kind in ("Luật", "Bộ luật", "Pháp lệnh"):
            return self._lower_law(i, j, kind)  # "Luật tiếp cận thông tin; Luật báo chí (sửa đổi)"
        if t is None or not t.is_word or not t.is_cap:
            return None
        if kind in ("Luật", "Bộ luật", "Pháp lệnh"):
            if i > 0 and self._key(i - 1) in self.lex.wordset("not_a_law_before"):  # "kỷ luật", "pháp luật"
                return None
            end = self._law_name_end(j)
            if end <= j:
                return None
            m = DirectiveMention(i, end, kind, "", "", f"{kind} {expand_surface(toks, j, end)}")
            if end + 1 < len(toks) and self._key(end) == word_key("năm") and re.fullmatch(r"\d{4}", toks[end + 1].text):
                m.edition = toks[end + 1].text
            return m
        if self._key(j) == word_key("Đại") and self._key(j + 1) == word_key("hội"):
            k = j + 2
            while k < len(toks) and toks[k].is_word and not _congress_number(toks[k].text) and k < j + 8:
                if toks[k].is_cap:
                    return None
                k += 1
            if k < len(toks) and _congress_number(toks[k].text):
                end = k + 1
                tail = ""
                if self._key(end) == word_key("của") and self._key(end + 1) == word_key("Đảng"):
                    owner = self.orgs.parse(end + 1)
                    if owner is None or owner.end == end + 2:
                        end += 2
                        tail = " của Đảng"
                elif self._key(end) == word_key("Đảng") and self._key(end + 1) == word_key("bộ"):
                    # the Party organisation's name, not the rest of the clause
                    owner = self.orgs.parse(end, allow_bare=False)
                    stop = owner.end if owner is not None else end + 2
                    tail = " " + expand_surface(toks, end, stop)
                    end = stop
                name = f"{kind} Đại hội {_congress_number(toks[k].text)}{tail}"
                return DirectiveMention(i, end, kind, "", "", name)
        return None

    def _meeting_resolution(self, i: int, j: int, kind: str) -> DirectiveMention | None:
        """A resolution named by the meeting that passed it: "Nghị quyết Trung ương 4", "Nghị quyết
        Hội nghị Trung ương 6 khóa XII", "Nghị quyết Đại hội Đảng bộ tỉnh X lần thứ 17", "Nghị
        quyết Đại hội đại biểu Đảng bộ tỉnh Y", "Nghị quyết Đại hội Đảng"."""
        toks = self.toks
        k = j + 2 if self._key(j) == word_key("Hội") and self._key(j + 1) == word_key("nghị") else j
        if self._key(k) == word_key("Trung") and self._key(k + 1) == word_key("ương") and k + 2 < len(toks) and (
                toks[k + 2].text.isdigit() or _ROMAN.match(toks[k + 2].text)):
            end = self._term_end(k + 3)
            return DirectiveMention(i, end, kind, "", "", f"{kind} {expand_surface(toks, j, end)}")
        if k > j and (end := self._term_end(k)) > k:  # "Hội nghị lần thứ 8" of the Central Committee written after
            owner = self.orgs.parse(end, allow_bare=False)
            entry = owner.entry if owner is not None else None
            if entry is not None and entry.name in self.lex.words["plenum_owners"]:
                end = self._term_end(owner.end)
                m = DirectiveMention(i, end, kind, "", "", f"{kind} {expand_surface(toks, j, end)}")
                m.symbol_issuer = entry.name
                return m
        if not (self._key(j) == word_key("Đại") and self._key(j + 1) == word_key("hội")):
            return None
        k = j + 2
        if self._key(k) == word_key("đại") and self._key(k + 1) == word_key("biểu"):
            k += 2
        if self._key(k) != word_key("Đảng"):
            return None
        owner = self.orgs.parse(k, allow_bare=False)
        end = owner.end if owner is not None else k + 1
        end = self._term_end(end)
        return DirectiveMention(i, end, kind, "", "", f"{kind} {expand_surface(toks, j, end)}")

    def _term_end(self, k: int) -> int:
        """After a meeting's name: "lần thứ 17", "khóa XII", "(khóa XIII)"."""
        toks = self.toks
        if self._key(k) == word_key("lần") and self._key(k + 1) == word_key("thứ") and k + 2 < len(toks) and (
                toks[k + 2].text.isdigit() or _ROMAN.match(toks[k + 2].text)):
            return k + 3
        if self._key(k) in (word_key("khóa"), word_key("khoá")) and k + 1 < len(toks) and (
                toks[k + 1].text.isdigit() or _ROMAN.match(toks[k + 1].text)):
            return k + 2
        return k

    def _law_name_end(self, j: int) -> int:
        """A law's name: capitalized words and the lower-case words that follow them, through a
        comma that joins two lower-case nouns ("Luật Cán bộ, công chức")."""
        toks = self.toks
        end = self.orgs.name_run(j, max_lower=5, units=False)
        # a law's name goes on in lower case ("Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở
        # cơ sở năm 2023") until a word that ends it, not only a body's stop words
        stops = self.lex.wordset("law_name_stops")
        k = end
        while k < len(toks) and k - end < 10 and toks[k].is_word and not toks[k].is_cap and (
                toks[k].keys[0] not in stops):
            k += 1
        if k > end and self._law_name_ends_at(k):
            end = k
        while end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].is_word and not toks[end + 1].is_cap:
            k = end + 1
            while k < len(toks) and toks[k].is_word and not toks[k].is_cap and k - end <= 5 and (
                    toks[k].keys[0] not in stops):
                k += 1
            if k == end + 1 or (k < len(toks) and toks[k].is_word and toks[k].keys[0] not in stops):
                break
            end = k
        return self._law_name_tail(end)

    def _law_name_tail(self, end: int) -> int:
        """"Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ; …": "và" and lower-case nouns that run to the
        end of the clause belong to the name; so does a bracketed "(sửa đổi)"."""
        toks = self.toks
        stops = self.lex.wordset("law_name_stops")
        if end + 1 < len(toks) and toks[end].keys[:1] == KEY_VA and toks[end + 1].is_word and not toks[end + 1].is_cap:
            k = end + 1
            while k < len(toks) and k - end <= 9 and (toks[k].text == "," or (
                    toks[k].is_word and not toks[k].is_cap and toks[k].keys[0] not in stops)):
                k += 1
            if (k >= len(toks) or toks[k].text in (";", ".", "(", ")")) and toks[k - 1].text != ",":
                end = k
        mark = self.lex.phrases["amendment_marks"].match(toks, end + 1, allow_comma=True) if (
            end + 1 < len(toks) and toks[end].text == "(") else None
        if mark is not None and mark[0] < len(toks) and toks[mark[0]].text == ")":
            end = mark[0] + 1
        return end

    def _clause_after(self, k: int) -> bool:
        """Does a clause of its own open at k: a body and its verb ("…, Bộ Quốc phòng quyết định …"),
        which ends the subject of a directive before it?"""
        toks = self.toks
        if not toks[k].is_cap:
            return False
        org = self.orgs.parse(k, allow_bare=False)
        # (not a list of bodies that goes on: "…, Văn phòng HĐND và Văn phòng UBND cấp tỉnh")
        return org is not None and org.end < len(toks) and toks[org.end].is_word and not toks[org.end].is_cap and (
            toks[org.end].keys[:1] != KEY_VA)

    def _lower_law(self, i: int, j: int, kind: str) -> DirectiveMention | None:
        """A law whose name the press writes in lower case after a capitalized "Luật": only where the
        name ends cleanly (a comma, a semicolon, a bracket, "năm YYYY"), and not "Luật sư", "Luật này"."""
        toks = self.toks
        if i > 0 and self._key(i - 1) in self.lex.wordset("not_a_law_before"):
            return None
        if toks[j].keys[0] in self.lex.wordset("law_compounds"):
            return None  # "Luật sư", "luật pháp": no law's name
        if self.lex.phrases["amendment_marks"].match(toks, j, allow_comma=True) is not None:
            return self._amending_law(i, j, kind)
        stops = self.lex.wordset("law_name_stops")
        k = j
        # (a word of a stop phrase ends the name only in that phrase: "thông tin" goes on, "thông qua" ends)
        phrases = self.lex.phrases["law_name_stop_phrases"]
        while k < len(toks) and k - j < 10 and toks[k].is_word and not toks[k].is_cap and phrases.match(
                toks, k) is None and (toks[k].keys[0] not in stops or phrases.starts(toks[k])):
            k += 1
        if k == j or not self._law_name_ends_at(k):
            return None
        # an item of a list set off by semicolons is the law's whole name, commas and "và" in it ("Luật
        # ký kết, gia nhập và thực hiện điều ước quốc tế (sửa đổi); Luật báo chí …")
        semi = next((q for q in range(k, min(len(toks), j + 25)) if toks[q].text in (";", ".")), -1)
        listed = toks[semi].text == ";" or (i > 0 and toks[i - 1].text == ";") if semi > k else False
        if listed and all((x.is_word and not x.is_cap) or x.text in (",", "(", ")") for x in toks[k:semi]):
            k = next((q for q in range(k, semi) if toks[q].text == "("), semi)  # (its "(sửa đổi)": the tail)
        end = self._law_name_tail(k)
        name = expand_surface(toks, j, end)
        m = DirectiveMention(i, end, kind, "", "", f"{kind} {name[:1].upper()}{name[1:]}")  # "Luật Báo chí"
        if end + 1 < len(toks) and self._key(end) == word_key("năm") and re.fullmatch(r"\d{4}", toks[end + 1].text):
            m.edition = toks[end + 1].text
        return m

    def _amending_law(self, i: int, j: int, kind: str) -> DirectiveMention | None:
        """"Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (và Luật …)": named through the
        laws it amends, as written; without "của" and a law after it, none."""
        toks = self.toks
        cua = next((k for k in range(j, min(len(toks), j + 10)) if self._key(k) == word_key("của")), -1)
        if cua < 0 or not (cua + 2 < len(toks) and self._key(cua + 1) == word_key(kind) and toks[cua + 1].is_cap):
            return None
        amended: list[DirectiveMention] = []
        at = cua + 1
        while True:  # "… của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
            end = self._law_name_end(at + 1)
            if end <= at + 1:
                break
            amended.append(DirectiveMention(at, end, kind, "", "", f"{kind} {expand_surface(toks, at + 1, end)}"))
            nxt = end + 1
            if not (nxt + 1 < len(toks) and (toks[end].text == "," or toks[end].keys[:1] == KEY_VA) and self._key(
                    nxt) == word_key(kind) and toks[nxt].is_cap) or self.lex.phrases["amendment_marks"].match(
                    toks, nxt + 1, allow_comma=True) is not None:  # (not the next amending law of a list)
                break
            at = nxt
        if not amended:
            return None
        m = DirectiveMention(i, amended[-1].end, kind, "", "", f"{kind} {expand_surface(toks, j, amended[-1].end)}")
        m.amends = amended
        return m

    def _law_name_ends_at(self, k: int) -> bool:
        """A clean end for a law's lower-case name: "năm 2023", a comma, a semicolon, a bracket,
        or "và" before another capitalized name; not a verb phrase ("Luật Đất đai đảm bảo ...")."""
        toks = self.toks
        if k >= len(toks):
            return False
        t = toks[k]
        if t.text in (",", ";", "("):
            return True
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.keys[:1] == (word_key("năm"),):
            return nxt is not None and nxt.text.isdigit()
        return t.keys[:1] == KEY_VA and nxt is not None and nxt.is_cap

    def _symbol_issuer(self, symbol: str) -> str:
        parts = re.split(r"[/-]", symbol)
        # the issuer's code is the first known one after the number: "QĐ-TTg", "UBND-ĐT" (a department
        # that drafted it), "BGTVT-TCCB"
        codes = [re.sub(r"\d+$", "", part).lower() for part in parts[1:]]
        return next((self.lex.symbol_issuers[c] for c in codes if c in self.lex.symbol_issuers), "")

    def _tail(self, m: DirectiveMention) -> None:
        """Issuer after "của" (skipping "ngày dd/mm/yyyy" or "năm yyyy"), subject after "về"."""
        toks = self.toks
        j = m.end
        if self._key(j) == word_key("năm") and j + 1 < len(toks) and _YEAR_ONLY.fullmatch(toks[j + 1].text) and (
                self._key(j + 2) == word_key("của")):
            j += 2  # "Nghị quyết 16 năm 2012 của HĐND thành phố" (not a law's edition before its article's subject)
        if self._key(j) == word_key("ngày"):
            j += 1
            while j < len(toks) and (toks[j].text.isdigit() or toks[j].text in "/-."):
                j += 1
        if self._key(j) == word_key("của"):
            org = self.orgs.parse(j + 1, allow_bare=False)
            if org is not None:
                m.issuer = org
                j = org.end
                while j + 1 < len(toks) and (toks[j].text == "," or toks[j].keys[:1] == KEY_VA):
                    more = self.orgs.parse(j + 1, allow_bare=False)
                    if more is None:
                        break
                    m.co_issuers.append(more)
                    j = more.end
        if self._key(j) == word_key("về"):
            k = j + 1
            while k < len(toks) and toks[k].text not in (";", ".", "…", "(") and not (
                toks[k].text == "," and k + 1 < len(toks) and (
                    self.lex.directive_kinds.match(toks, k + 1) or self._clause_after(k + 1))
            ):
                k += 1
            m.subject_start, m.subject_end = j + 1, k
            if k > j + 1:
                m.subject = self.text[toks[j + 1].start : toks[k - 1].end]


