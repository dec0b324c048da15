"""Organization names: gazetteer bodies, head word + proper name, nested bodies, localities.

Grammar (over tokens):  ORG := SUB ORG | PARTY ["cơ quan"] ORG | GAZETTEER | HEAD NAME [ORG] | STANDALONE
followed by an optional locality ("tỉnh Bình Định", "cấp tỉnh", "tối cao") and term ("khóa XIII").
SUB bodies (Ban Thường vụ, Thường trực, Ủy ban Kiểm tra) are PART_OF the organization they name.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.name_shapes import minister_fields, place_opening_with_head, street_address_at
from kg.extract.org_lists import BodyLists
from kg.extract.org_lower import LowerHeads
from kg.extract.org_mention import OrgMention, expand_surface, joined_abbreviation
from kg.extract.short_forms import short_form_at
from kg.extract.tokens import (
    KEY_CUA,
    KEY_VA,
    PhraseMatcher,
    Token,
    spelled_on,
    word_key,
)
from kg.resources import abbreviations

_DU, _DANG = word_key("dự"), word_key("Đảng")


_FIRSTS: dict[int, frozenset[str]] = {}


def _org_firsts(lex: Lexicon) -> frozenset[str]:
    """First keys of every known name and head word."""
    got = _FIRSTS.get(id(lex))
    if got is None:
        got = _FIRSTS[id(lex)] = lex.orgs.first_keys() | lex.title_orgs.first_keys() | lex.heads.first_keys()
    return got


_ELIDED: dict[int, PhraseMatcher] = {}


def _elided_subs(lex: Lexicon) -> PhraseMatcher:
    got = _ELIDED.get(id(lex))
    if got is None:
        got = _ELIDED[id(lex)] = PhraseMatcher()
        for written, head in lex.words["elided_sub_heads"].items():
            got.add(written, head)
    return got
_STREET = "street_words"  # words before a street named after a person (data/lexicon.yaml)



class OrgParser(BodyLists, LowerHeads):
    def __init__(self, lex: Lexicon, tokens: list[Token], places: frozenset[str] = frozenset(),
                 short_forms: PhraseMatcher | None = None) -> None:
        self.lex = lex
        self.toks = tokens
        self.places = places  # name keys of the report's places (naming.report_places)
        self.short_forms = short_forms  # the report's own short names of bodies (short_forms.py)
        self.firsts = _org_firsts(lex)

    # -- helpers -------------------------------------------------------------
    def _word(self, i: int) -> Token | None:
        return self.toks[i] if i < len(self.toks) and self.toks[i].is_word else None

    def _numeral(self, i: int) -> bool:
        t = self._word(i)
        return t is not None and (t.text.isdigit() or (t.text.isupper() and set(t.text) <= set("IVXLC")))

    def _is_key(self, i: int, *words: str) -> bool:
        t = self._word(i)
        return t is not None and word_key(t.text) in {word_key(w) for w in words}

    def looks_like_person(self, i: int) -> bool:
        """Surname followed by one to three capitalized syllables: a person, not a name part."""
        t = self._word(i)
        if t is None or not t.is_cap or t.is_abbr or word_key(t.text) not in self.lex.surnames:
            return False
        n = 0
        j = i + 1
        while (u := self._word(j)) is not None and u.is_cap and not u.is_abbr and n < 3:
            n += 1
            j += 1
        return 1 <= n <= 3 and not self.lex.locations.match(self.toks, i)

    def _person_end(self, i: int) -> int:
        """End of the person's name that starts at i ("Phan Châu Trinh"), or i."""
        if not self.looks_like_person(i):
            return i
        j = i + 1
        while j - i <= 3 and (u := self._word(j)) is not None and u.is_cap and not u.is_abbr:
            if j - i >= 2 and self.looks_like_person(j):
                break  # "Bệnh viện Bạch Mai Nguyễn Quang Tuấn": the next name is a person's
            j += 1
        return j

    def starts_new_unit(self, i: int) -> bool:
        """A head word, a title or a person starts here: a name run must stop before it."""
        t = self._word(i)
        if t is None:
            return True
        if self.lex.heads.match(self.toks, i) or self.lex.orgs.match(self.toks, i, allow_comma=True):
            return True
        if self.lex.titles.match(self.toks, i) or self.lex.directive_kinds.match(self.toks, i):
            return True
        if self.lex.phrases["honorifics"].match(self.toks, i):
            return True  # "… Duy Tiên và Đại đức Thích Thanh Thuận": a person's rank
        return self.looks_like_person(i)

    def ends_name(self, k: int) -> bool:
        """Does the word at k end a lower-case stretch of a name (a stop word, a verb, a unit word)?"""
        return self._boundary(k)

    def _boundary(self, k: int) -> bool:
        """Where a lower-case stretch of a name may end: punctuation, a capital, a stop word,
        a number or a locality word."""
        t = self._word(k)
        if t is None or t.is_cap or t.text[0].isdigit():
            return True
        if k > 0 and (c := self.lex.phrases["name_compounds"].match(self.toks, k - 1)) is not None and c[0] > k:
            return False  # "Hội Nhà báo Việt Nam": the word is a noun's second half
        if t.keys[0] in self.lex.stopwords:
            return True
        # a verb of speech or action ends a name: "Hội Luật gia Việt Nam nhấn mạnh", "… đưa tin"
        if self.lex.phrases["name_enders"].match(self.toks, k):
            return True
        if t.keys[0] == _DU:  # "dự" the verb (attend) ends a name; "dự án", "dự thảo" do not
            return not self.lex.is_other_word(self.toks, k)
        return bool(self.lex.phrases["locality_words"].match(self.toks, k)) and not self.lex.phrases[
            "locality_compounds"].match(self.toks, k)

    def name_run(self, i: int, max_lower: int = 5, units: bool = True, people: bool = True,
                 person_first: bool = False, company: bool = False) -> int:
        """End of a proper-name run starting at i (== i when none): Cap words, each followed by at
        most max_lower lower-case words, joined by "-", "&" or "và" before another Cap word.
        `person_first`: the run may open with what reads as a person's name ("Bệnh viện Bạch Mai")."""

        def stops(k: int) -> bool:  # does something else begin at k, inside the run? (a sentence, a
            # caption's credit "… - Ảnh: TT", a place written short "Cục Hải quan TP Hải Phòng", a unit …)
            ph = self.lex.phrases
            if ph["discourse_openers"].match(self.toks, k) or ph["photo_markers"].match(self.toks, k) or (
                    self.toks[k].text.isupper() and ph["locality_words"].match(self.toks, k)):
                return True
            # (a company's name runs over capital words, but not into a caption's next sentence: "… Công ty
            # Cổ phần Quốc Cường Gia Lai Theo Cáo trạng …")
            if company and ph["company_name_stops"].match(self.toks, k):
                return True
            return self.starts_new_unit(k) if units else bool((people and self.looks_like_person(
                k)) or self.lex.titles.match(self.toks, k) or self.lex.directive_kinds.match(self.toks, k))

        opening = self._person_end(i) if person_first else i  # a person's name the run opens with
        j = i
        while True:
            t = self._word(j)
            if t is None or not t.is_cap or (j >= opening and j > i and stops(j)):
                break
            if j == i and (self.lex.titles.match(self.toks, j) or (
                    people and not person_first and self.looks_like_person(j))):
                break
            # "Sở VH-TT-DL": an abbreviation written in parts is one word of the name (its "TT" no "Thông tư")
            j = joined[1] if (joined := joined_abbreviation(self.toks, j, len(self.toks), abbreviations())) else j + 1
            while (k := spelled_on(self.toks, j)) > j:  # "Trường Đại học Tổng hợp Mát-xcơ-va"
                j = k
            k = j
            while k - j < max_lower and (u := self._word(k)) is not None and not u.is_cap and not self._boundary(k):
                k += 1
            if k - j > 1 and not self._boundary(k):
                k = j + 1  # no clean end in sight: keep the one word of a two-syllable name
            if k > j and len(t.text) > 1 and t.text.isupper() and not (k < len(self.toks) and self.toks[k].is_cap):
                k = j  # an acronym is a whole name: "Bộ Tư lệnh CSCĐ phấn đấu" ends at CSCĐ
            j = k
            nxt = self.toks[j] if j < len(self.toks) else None
            if nxt is not None and (nxt.text in "-–&" or nxt.keys[:1] == KEY_VA):
                after = self._word(j + 1)
                # (a known body's acronym after "và" is a body of its own: "… ITAR-TASS và TTXVN")
                # (nor a company's branch after a dash: "Ngân hàng TMCP Vietcombank - Phòng giao dịch Trà Bá")
                if after is not None and after.is_cap and not stops(j + 1) and not (
                        nxt.keys[:1] == KEY_VA and after.text.isupper() and (self.lex.orgs.match(
                            self.toks, j + 1) or self.lex.outlets.match(self.toks, j + 1))) and not (
                        company and nxt.text in "-–" and self.lex.heads.match(self.toks, j + 1)):
                    j += 1
                    continue
                break
        return j

    # -- the grammar ---------------------------------------------------------
    def parse(self, i: int, allow_bare: bool = True, after_title: bool = False,
              lower_head: bool = False) -> OrgMention | None:
        t = self._word(i)
        if t is not None and self.short_forms is not None and (sf := short_form_at(self.short_forms, self.toks, i)):
            return sf  # "Tổng giám đốc Sagri" after "Tổng Công ty Nông nghiệp Sài Gòn … (Sagri)"
        if t is None or t.keys[0] not in self.firsts:  # nothing can start here: skip the matchers
            return None
        hd = self.lex.heads.match(self.toks, i)
        if self.lex.phrases["not_bodies"].match(self.toks, i) or (
                i and self.lex.word_in(self.toks[i - 1], _STREET)) or street_address_at(self.lex, self.toks, i) or (
                self.lex.phrases["party_field_words"].ending_at(self.toks, i) >= 0 and t.keys[0] == _DANG and not (
                    hd is not None and hd[0] > i + 1)):
            # "Nhóm PV Quốc hội": a byline's reporters; "đường Trường Chinh": a street, no school; "ngành Tổ chức
            # xây dựng Đảng": a field of work, no body (but "Ban Tổ chức Đảng ủy Khối": a Party committee)
            return None
        if place_opening_with_head(self.lex, self.toks, i):
            return None  # "Trường Sa", "Đài Loan", "Hội An": a place's name that opens with a head word
        candidates: list[OrgMention] = []
        gz = (self.lex.title_orgs if after_title else self.lex.orgs).match(self.toks, i, allow_comma=True)
        # a known name whose head is written in lower case: "văn phòng Trung ương Đảng"
        lower_known = not t.is_cap and hd is not None and hd[1].lower_name in ("name", "name-not-place")
        # (after a title, a known name whose first word only is in lower case: "Bí thư trung ương Đảng")
        cased_end = after_title and gz is not None and gz[0] - i >= 2 and self.toks[gz[0] - 1].is_cap
        if gz and (t.is_cap or lower_head or lower_known or cased_end):  # lower_head: "Phó trưởng ban Chỉ đạo …"
            end, entry = gz
            m = OrgMention(i, end, "gazetteer", entry=entry, canonical=entry.name)
            m.inner = self._owner_in_name(i, end, entry)
            foreign = self._foreign(m)
            if foreign is not None:  # a foreign state's body: named as written, never Vietnam's entry
                m.canonical = expand_surface(self.toks, i, end)
                (m.locality, m.end), m.foreign, m.entry = foreign, True, None
                if entry.name.endswith(" Đảng") and self.toks[end - 1].text == "Đảng" and (
                        m.locality not in self.lex.countries):
                    # "Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc": of that Party, written in it
                    # (not "Văn phòng Trung ương Đảng Lào": a country alone names no Party)
                    party = expand_surface(self.toks, end - 1, m.end)
                    m.inner = OrgMention(end - 1, m.end, "gazetteer", canonical=party, locality=m.locality,
                                         foreign=True)
            else:
                m.end = self.home_country_end(end)  # "Bộ Ngoại giao Việt Nam Đoàn Khắc Việt": no "Việt Nam Đoàn"
            candidates.append(m)
        if hd:
            end, head = hd
            # a lower-case head reads as a body only in a plural list: "các sở Tài chính, Tư pháp"
            plural = i > 0 and word_key(self.toks[i - 1].text) in (word_key("các"), word_key("những"))
            if t.is_cap or (head.lower_ok and plural) or lower_head or self._lower_institution(
                    i, end, head, after_title):
                m = self._after_head(i, end, head, allow_bare)
                if m:
                    candidates.append(m)
        if t.is_cap and (elided := self._elided_sub(i, party_only=not after_title)) is not None:
            candidates.append(elided)
        if not candidates:
            return None
        best = max(candidates, key=lambda m: (m.end, m.kind == "gazetteer"))
        best = self._prefer_known(best, next((c for c in candidates if c.kind == "gazetteer"), None))
        self._suffixes(best)
        return best

    def _after_head(self, i: int, j: int, head, allow_bare: bool) -> OrgMention | None:
        head_text = head.text
        if head.kind in ("sub", "party"):
            k = j
            if k + 3 < len(self.toks) and self.toks[k].text == "(" and self.toks[k + 1].text.isupper() and (
                    self.toks[k + 2].text == ")"):
                k += 3  # "Ủy ban Kiểm tra (UBKT) Tỉnh ủy Quảng Trị": the short form the report defines, then the owner
            if self._is_key(k, "cơ") and self._is_key(k + 1, "quan"):
                k += 2
                head_text += " cơ quan"
            inner = self.parse(k, allow_bare=True)
            # "Uỷ ban kiểm tra huyện uỷ Hậu Lộc" (not "các ban thường vụ tỉnh ủy, thành ủy": the kind, plural)
            if inner is None and self.toks[i].is_cap and not self.lex.plural_before(self.toks, i) and (
                    self._lower_committee(k)):
                inner = self.parse(k, allow_bare=False, lower_head=True)
            level = self.lex.phrases["level_words"].match(self.toks, k) if head.kind == "sub" and not inner else None
            if level is not None and self.toks[k].is_cap and (inner := self.parse(level[0], allow_bare=False)):
                head_text += " Trung ương"  # "Hội đồng Trị sự Trung ương Giáo hội …": the body's central board
            if inner and head_text in self.lex.words["committee_itself"] and (
                    committee := self._local_committee(i, inner)) is not None:
                return committee
            if inner and self.lex.phrases["standing_post_words"].match(self.toks, i) and (
                    self.lex.phrases["standing_post_bodies"].match(self.toks, k)):
                inner.start = i  # "Thường trực Ban Bí thư giao …": a post, which acts for its body, the Secretariat
                return inner
            if inner:
                return OrgMention(i, inner.end, head.kind, head=head_text, inner=inner)
            # "Đảng bộ tỉnh Thanh Hóa", "Đảng ủy xã Quỳnh Lập": a locality's Party organisation
            loc = self._locality(k, head=head_text) if head.kind == "party" and self.lex.phrases[
                "locality_words"].match(self.toks, k) else None
            if loc is not None:
                return OrgMention(i, loc[1], "standalone", head=head_text, locality=loc[0])
            if allow_bare and self.toks[i].is_cap and (head.kind == "party" or (
                    head_text in self.lex.words["bare_sub_heads"] and i > 0 and self.toks[i - 1].keys[:1] == KEY_CUA)):
                # ("Quyết định của Ban Thường vụ": in a title chain the body is the next title's)
                return OrgMention(i, k, "bare", head=head_text)
            return None
        if head.kind == "standalone":
            if j < len(self.toks) and self.lex.plural_before(self.toks, j + 1) and self.distributive_places(j) is None:
                return None  # "UBND các tỉnh" (but "UBND các tỉnh A, B": each one's, see distribute)
            return OrgMention(i, j, "standalone", head=head_text)
        if head.kind == "company":
            return self._company(i, j, head, head_text)
        if head_text in self.lex.words["delegation_words"] and self.lex.state_at(self.toks, j):
            return None  # "Đoàn Nhật Bản": a state's delegation, no standing body (the state is a place)
        if (board := self._remit_board(i)) is not None:  # "Ban chỉ đạo phòng, chống dịch Covid-19"
            return board
        # a numbered unit: "Quân đoàn 34", "Sư đoàn 320", "Ban 4" (of a ministry's project boards)
        if head.text in self.lex.words["numbered_heads"] and self._word(j) is not None and re.fullmatch(
                r"\d{1,3}|[IVX]{1,5}", self._word(j).text) and (self._word(j + 1) is None or self._word(j + 1).keys[0]
                                                     not in self.lex.number_units):
            return OrgMention(i, j + 1, "named", head=head_text, name=self.toks[j].text)
        # "Thanh tra tỉnh Nghệ An": a head that takes a locality as well as a name or an owner
        if head.text in self.lex.words["local_named_heads"] and self.lex.phrases["locality_words"].match(self.toks, j):
            loc = self._locality(j, head=head_text)
            if loc is not None:
                return OrgMention(i, loc[1], "standalone", head=head_text, locality=loc[0])
        if j + 1 < len(self.toks) and self.toks[j].text == ":" and self.lex.plural_before(self.toks, i):
            j += 1  # "Các Bộ: Y tế, Công Thương": a list of the head's bodies after a colon
        # named: HEAD NAME [owner ORG] | HEAD ORG (Văn phòng HĐND)
        nm = self.lex.org_names.match(self.toks, j, allow_comma=True)
        # (a known name of three words or more also in lower case after a capitalized head: "Cơ quan cảnh sát
        # điều tra"; not a short one: "Ban tổ chức lễ hội" is an event's organizers)
        # (… or any known name, in lower case, that a Party committee owns: "trưởng ban tuyên giáo Thành ủy")
        named = nm is not None and (self.toks[j].is_cap or (self.toks[i].is_cap and nm[0] - j >= 3) or (
            nm[0] < len(self.toks) and self.toks[nm[0]].is_cap and self._lower_committee(nm[0])))
        capped = self.toks[i].is_cap or self.toks[j].is_cap
        # an office and the body it serves, written after it ("Văn phòng Hội đồng Giám mục Việt Nam", longer than a
        # known name; "chánh văn phòng UBND tỉnh X")
        body = self._served(j) if head.text in self.lex.words["office_heads"] and (nm or capped) else None
        if body is not None and ((nm and body.end > nm[0]) or (capped and not named)):
            return OrgMention(i, body.end, "wrapper", head=head_text, inner=body)
        if named:
            assert nm is not None
            end, name = nm
            if (tailed := self._with_tails(end)) > end:
                end, name = tailed, expand_surface(self.toks, j, tailed)  # "Cục Tổ chức cán bộ"
            elif (self.lex.phrases["remit_boards"].match(self.toks, i) or (0,))[0] == end and not (
                    self.lex.locations.match(self.toks, end) or self.starts_new_unit(end)
                    or self.lex.phrases["level_words"].match(self.toks, end)) and (more := self.name_run(end)) > end:
                # "Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp": a board named by what it does, then its
                # remit's capitalized name (not a level: "Ban Chỉ đạo Trung ương về …")
                end, name = more, expand_surface(self.toks, j, more)
            nxt = self.toks[end + 1] if end + 1 < len(self.toks) else None
            if nxt is not None and self.toks[end].keys[:1] == KEY_VA and nxt.is_cap and not nxt.text.isupper() and (
                    not self.starts_new_unit(end + 1)):  # (an acronym after "và" is a body of its own: "và EVN")
                # "Vụ Pháp luật và Cải cách tư pháp": a known name, then more of the name after "và"
                end = self.name_run(end + 1)
                name = expand_surface(self.toks, j, end)
        elif self.toks[i].is_cap and head.text in self.lex.words["office_heads"] and (
                served := self.lex.titles.match(self.toks, j)) is not None and self.toks[j].is_cap:
            # "Văn phòng Thủ tướng Lào", "Văn phòng Tổng thống": the office of a post's holder
            end, name = served[0], expand_surface(self.toks, j, served[0])
        elif self.toks[i].is_cap:  # an institution may be named after a person or a place ("Bệnh viện Bạch Mai")
            end, name = self.name_run(j, person_first=bool(head.lower_name)), ""
            # "Bộ Văn hoá liệt kê …": a ministry's short form (data minister_fields), then lower-case words that
            # no ministry's name has, ends at the short form
            short = minister_fields(self.lex).match(self.toks, j) if head_text == "Bộ" else None
            if short is not None and short[0] < end and not any(t.is_cap for t in self.toks[short[0] : end]):
                end = short[0]
            end = self._comma_and_name(j, end)
            end = self._with_tails(end) if end > j else end  # "Phòng … điều tra tội phạm về ma túy"
            if (known := self.lex.orgs.match(self.toks, j)) is not None and known[0] > end > j:
                end = j  # "Thanh tra Bộ Công an": a known body longer than the name's run is the owner
        else:  # "tập đoàn Thiên Thanh chia làm …": after a lower-case head the name is its capitals
            end, name = self.name_run(j, max_lower=1, person_first=True), ""
            # (… unless a title opens it and the longer run ends at a mark: "Viện trưởng viện Những vấn đề
            # phát triển)", "Giám đốc trung tâm Phát triển quỹ đất,")
            longer = self.name_run(j, person_first=True) if self.lex.titles.ending_at(self.toks, i) >= 0 else end
            if longer > end and (longer >= len(self.toks) or not self.toks[longer].is_word):
                end = longer
            elif end - j >= 3 and not self.toks[end - 1].is_cap and self.toks[end - 2].is_cap and (
                    self.toks[end - 3].is_cap and not self._boundary(end)):
                end -= 1  # a lower-case word after a name of two capitals is the clause's ("Thủy lợi" stays)
        if not name:
            # "Trường Đại học Tôn Đức Thắng": the run stopped at a person's name, which is the name of
            # the institution its words start ("Đại học")
            inner = self.parse(j, allow_bare=False) if end > j and self.looks_like_person(end) and (
                self.lex.heads.match(self.toks, j)) else None
            if inner is not None and inner.end > end and inner.kind == "named" and inner.inner is None:
                end, name = inner.end, expand_surface(self.toks, j, inner.end)
        if end > j and head.text in self.lex.words["number_ended_heads"] and self._own_number(end):
            end, name = end + 1, f"{name} {self.toks[end].text}" if name else ""  # "Bệnh viện Quân y 175"
        if end > j and (named_for := self._historical_end(end)) > end:
            end, name = named_for, expand_surface(self.toks, j, named_for)  # "… Quốc gia Hồ Chí Minh"
        if end > j:
            spelled = self._acronym_end(i, end)  # "Cục Quản lý xây dựng công trình (QLXDCT)"
            if spelled is not None:
                end, name = spelled, ""
            name = name or expand_surface(self.toks, j, end)
            level = self.lex.phrases["level_words"].match(self.toks, end)
            if level and self.toks[end].is_cap and not self.lex.orgs.match(self.toks, end, allow_comma=True):
                name, end = f"{name} Trung ương", level[0]
            m = OrgMention(i, end, "named", head=head_text, name=name)
            owner = self.parse(end, allow_bare=False) if self._owner_allowed(end) else (
                self.parse(end, allow_bare=False, lower_head=True) if self._lower_committee(end) else None)
            if owner and owner.kind in ("standalone", "gazetteer", "named"):
                m.inner = owner
                m.end = owner.end
            return m
        inner = self.parse(j, allow_bare=False)
        if inner:
            return OrgMention(i, inner.end, "wrapper", head=head_text, inner=inner)
        return None

    def _elided_sub(self, i: int, party_only: bool = False) -> OrgMention | None:
        """"Ủy viên Thường vụ Tỉnh ủy Nghệ An": after a title, a standing body written without its head
        word (data/lexicon.yaml elided_sub_heads), of the Party committee or body that follows; elsewhere
        (`party_only`) of a Party committee only ("Thường vụ Tỉnh ủy đã thống nhất …")."""
        got = _elided_subs(self.lex).match(self.toks, i)
        inner = self.parse(got[0], allow_bare=False) if got is not None else None
        if inner is None or inner.kind not in ("standalone", "gazetteer"):
            return None
        if party_only and inner.head not in self.lex.admin.level_of_party:  # type: ignore[union-attr]
            return None
        return OrgMention(i, inner.end, "sub", head=str(got[1]), inner=inner)

    def _lower_committee(self, i: int) -> bool:
        """"Trưởng Ban Dân vận tỉnh ủy": a Party committee's head at i, in any case, after a body's name."""
        hd = self.lex.heads.match(self.toks, i)
        return hd is not None and hd[1].text in self.lex.admin.level_of_party  # type: ignore[union-attr]

    def _owner_allowed(self, i: int) -> bool:
        t = self._word(i)
        return t is not None and t.is_cap and not self.looks_like_person(i)
