"""People: names, the chains of titles around them, honorifics, bylines.

"Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Hồ Quốc Dũng" and
"Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy" both give one Person and one post per
title. A title before a list of names applies to each name.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from kg.extract.chain_bodies import fill_chain_bodies
from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon
from kg.extract.name_shapes import REGNAL, NameShapes
from kg.extract.org_mention import OrgMention
from kg.extract.orgs import OrgParser
from kg.extract.posts import Post, PostReading
from kg.extract.tokens import KEY_KIEM, KEY_VA, Token, name_text, spelled_on, word_key

_NOW = {(word_key("hiện"),), (word_key("nay"),), (word_key("thời"),)}
_LA = (word_key("là"),)
_NAM = (word_key("năm"),)
_YEAR = re.compile(r"(?:19|20)\d\d")


_TITLE_FIRSTS: dict[int, frozenset[str]] = {}


def _title_firsts(lex: Lexicon) -> frozenset[str]:
    """First keys of every title, title status and standing post."""
    got = _TITLE_FIRSTS.get(id(lex))
    if got is None:
        status = {word_key(w) for w in lex.words["title_status"]}
        got = _TITLE_FIRSTS[id(lex)] = frozenset(
            lex.titles.first_keys() | lex.phrases["standing_post_words"].first_keys() | status)
    return got


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    posts: list[Post] = field(default_factory=list)
    short: bool = False  # a given name only ("ông Hoạt"): resolved later to a full name
    bare: bool = False  # no title and no honorific: a name only by its shape
    chain_end: int = -1  # token after the titles that follow the name
    ref: bool = False  # a bare "ông" / "bà": the person last named (kg.extract.career)
    ref_posts: list[Post] = field(default_factory=list)  # a title standing for its holder
    given: list[Post] = field(default_factory=list)  # posts given after the name ("… được bầu giữ chức X")


class PeopleParser(PostReading, NameShapes):
    def __init__(self, lex: Lexicon, tokens: list[Token], orgs: OrgParser) -> None:
        self.lex = lex
        self.toks = tokens
        self.orgs = orgs
        self.title_firsts = _title_firsts(lex)

    def _word(self, i: int) -> Token | None:
        return self.toks[i] if i < len(self.toks) and self.toks[i].is_word else None

    # -- titles --------------------------------------------------------------
    def _elided_body(self, i: int) -> OrgMention | None:
        """"Ban Thường vụ" followed by ", <title>": a sub-body whose parent the chain names later
        ("Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy": of the Tỉnh ủy)."""
        hd = self.lex.heads.match(self.toks, i)
        if not hd or hd[1].kind != "sub" or not self.toks[i].is_cap:
            return None
        end = hd[0]
        if end < len(self.toks) and self.toks[end].text == "," and self.title_item(end + 1, lower_ok=True) is not None:
            return OrgMention(i, end, "elided", head=hd[1].text)
        return None

    def title_item(self, i: int, lower_ok: bool = False, elided_ok: bool = False) -> Post | None:
        start = i
        status = None
        t = self._word(i)
        if t is not None and t.text in self.lex.words["abbreviated_posts"]:
            return self._abbreviated_post(i)
        if t is None or t.keys[0] not in self.title_firsts:  # no title, status or standing post starts here
            return None
        st = self.lex.words["title_status"].get(t.text)
        acting = False
        while st and i - start < 2:  # "cựu Quyền Cục trưởng": a former acting post
            status = status or st
            acting = acting or st == "acting"
            i += 1
            nxt = self._word(i)
            st = self.lex.words["title_status"].get(nxt.text) if nxt is not None else None
        standing = self._standing_post(i)
        if standing is not None:
            return Post(standing[0], standing[1], "", status, start, standing[1].end)
        m = self.lex.titles.match(self.toks, i)
        if not m or not (self.toks[i].is_cap or lower_ok):
            return None
        end, title = m
        if title.text in self.lex.words["staff_titles"]:
            staff = self._staff_post(i, end, status, start)
            if staff is not None:
                return staff
        role = " ".join(tok.text for tok in self.toks[i:end] if tok.is_word)
        if acting:  # "quyền Giám đốc" is a title of its own; "nguyên" is only a status
            role = f"quyền {role}"
        role = role[0].upper() + role[1:]
        q = self.lex.phrases["title_qualifiers"].match(self.toks, end)
        bare = (role, end)
        if q:  # "Phó Bí thư Thường trực", "phó bí thư thường trực"
            role += " " + " ".join(tok.text for tok in self.toks[end : q[0]])
            end = q[0]
        org = self.orgs.parse(end, after_title=True) if not self.orgs.looks_like_person(end) else None
        if q and org is None and self.lex.word_in(self.toks[bare[1]], "field_qualifiers"):
            role, end = bare  # "Phó Thủ tướng phụ trách khối kinh tế": in charge of a field, not of a body
        if org is None and elided_ok:
            org = self._elided_body(end)
        body_at = self._body_in_title(i, end)
        if body_at is not None:
            # "Trưởng Ban Tổ chức Trung ương", "Trưởng đoàn ĐBQH tỉnh", "Phó Tổng Thanh tra Chính
            # phủ": the title's last words also start the body's name
            whole = self.orgs.parse(body_at, after_title=True, lower_head=True)
            if whole is not None and self.orgs.looks_like_person(body_at + 1) and (
                    self.name_at(body_at + 1) >= whole.end):
                whole = None  # "Trưởng ban Lê Minh Hưng": the title, then its holder, not "Ban Lê Minh Hưng"
            # "Trưởng ban Ban Dân tộc tỉnh": the body written in full after the title wins
            written = org is not None and self.toks[org.start].keys[:1] == self.toks[body_at].keys[:1]
            if whole is not None and not written and (org is None or whole.end >= org.end):
                return Post(role, whole, title.implied, status, start, whole.end)
        named = self._named_by_title(title.text, end)
        if named is not None and (org is None or org.end <= named.end):
            org = named  # "Bộ trưởng Công an": Bộ Công an, not the police as a body
        if org is None:
            org = self._body_of_locality(title.text, end)  # "Bí thư tỉnh Hà Giang": the Tỉnh ủy
        office = self.lex.words["office_titles"].get(title.text)
        if org is not None and office and org.kind != "wrapper" and self.toks[org.start].keys[:1] != (word_key(
                office.split()[0]),):  # (not "Văn phòng Trung ương Đảng" itself)
            # "chánh văn phòng sở Xây dựng X": the office of the body written after the title
            org = OrgMention(org.start, org.end, "wrapper", head=office, inner=org)
        if org is not None:
            if title.text in ("Trưởng", "Phó Trưởng"):
                head_word = self.toks[end].text.capitalize()
                if self.toks[end].keys[:1][0] not in self.lex.wordset("title_body_heads"):
                    if self.lex.phrases["title_bare_body_heads"].match(self.toks, end) is None:
                        return None
                else:
                    role = f"{role} {head_word}"
            end = org.end
        elif title.text in ("Trưởng", "Phó Trưởng"):
            return None
        else:
            # "Đại sứ Nhật Bản", "Tổng Lãnh sự Hoa Kỳ": the country belongs to the title
            place = self.lex.locations.match(self.toks, end)
            if place and self.toks[end].is_cap:
                country = str(place[1]) if str(place[1]) in self.lex.countries else ""
                return Post(role, None, title.implied, status, start, place[0], country, (end, place[0], str(place[1])))
        return Post(role, org, title.implied, status, start, end)

    def title_chain(self, i: int, lower_ok: bool = False) -> tuple[list[Post], int]:
        posts: list[Post] = []
        j = i
        while True:
            p = self.title_item(j, lower_ok=lower_ok, elided_ok=True)
            if p is None:
                break
            if posts and posts[-1].status == "former" and p.status is None and self.toks[j - 1].text in ("-", "–"):
                p.status = "former"  # "nguyên bí thư Đảng ủy - chính ủy": one former post of two titles
            posts.append(p)
            j = self._past_term(p.end)  # ("phó bí thư Tỉnh ủy nhiệm kỳ 2010-2015, chủ tịch UBND tỉnh")
            # titles joined by a comma, "kiêm" or a dash ("Phó Chủ tịch - Tổng Thư ký")
            if j < len(self.toks) and (self.toks[j].text in (",", "-", "–") or self.toks[j].keys[:1] == KEY_KIEM):
                k = j + 1
                # "…, hiện là Phó Trưởng đoàn ĐBQH": the chain goes on after "hiện là" / "nay là"
                if k + 1 < len(self.toks) and self.toks[k].keys[:1] in _NOW and self.toks[k + 1].keys[:1] == _LA:
                    k += 2
                if self.title_item(k, lower_ok=lower_ok):
                    j = k
                    continue
            break
        posts, j = self._staff_chain(posts, j)
        fill_chain_bodies(self.lex, self.toks, posts)
        return posts, j

    # -- names ---------------------------------------------------------------
    def name_at(self, i: int, min_len: int = 2) -> int:
        """End of a personal name starting at i (== i when none)."""
        j = i
        first = self._word(i)
        hd = self.lex.heads.match(self.toks, i) if first is not None else None
        # "Đoàn đại biểu Quốc hội", "Văn phòng": a head of two words is a body even after a surname
        if hd and (word_key(first.text) not in self.lex.surnames or hd[0] - i >= 2):
            return i
        if first is not None and self.lex.word_in(first, "delegation_words") and (
                self.lex.state_at(self.toks, i + 1)):
            return i  # "Đoàn Nhật Bản", "Đoàn Cộng hòa Cuba": a state's delegation, not a person named Đoàn
        if first is not None and self.lex.word_in(first, "preposition_surnames") and (
                self.lex.country_at(self.toks, i + 1)):
            return i  # "Từ Pháp, Tổng thống Pháp …": "from France", not a person named Từ
        foreign = first is not None and not is_syllable(first.text)
        if first is not None and not foreign and word_key(first.text) not in self.lex.surnames and (
                self.lex.phrases["name_stops"].match(self.toks, i)):
            return i  # a caption's next sentence, not a name: "… Quốc Cường Gia Lai Theo Cáo trạng"
        limit = 6 if foreign else 4  # "Alexander Van der Bellen", "Frank Walter-Steinmeier"
        words, spelled = 0, False  # name words; a transliteration's syllables joined by "-" are one
        while j < len(self.toks) and words < limit:
            t = self.toks[j]
            if foreign and j > i and self._foreign_joint(j):
                j += 1
                continue
            if not t.is_word or not t.is_cap or t.is_abbr or (t.text.isupper() and len(t.text) > 1):
                break
            if j > i and (self._title_at(j) or self._starts_body(j)):
                if word_key(t.text) not in self.lex.surnames:
                    break
            if j > i and (known := self.lex.orgs.match(self.toks, j)) and not all(
                    u.is_cap for u in self.toks[j : known[0]] if u.is_word):
                break  # a known body's name in lower case: "Trình Quốc hội dự Luật …" (submit to the NA)
            if j > i and (self.lex.phrases["name_stops"].match(self.toks, j) or self.lex.phrases[
                    "discourse_openers"].match(self.toks, j)) and not self._given_day_part(j):
                break  # a caption run into the next sentence: "Phạm Minh Chính Trong năm qua"
            if j > i and t.keys[0] in self.lex.wordset("bare_honorifics") and self.orgs.looks_like_person(j + 1):
                break  # "Ảnh: Nguyễn Huế Ông Hồ Ngọc Linh": a credit, then the caption's "Ông …"
            j += 1
            words += 1
            while (k := spelled_on(self.toks, j)) > j:  # "Mi-khai-lốp", "Phong-sạ-vẳn"
                j, spelled = k, True
        if foreign and j > i and j < len(self.toks) and REGNAL.fullmatch(self.toks[j].text):
            j += 1  # "Frederik X": a monarch's number
        initials = spelled and "." in self.toks[i].text  # "V.Pu-tin", "X.V.Mi-khai-lốp"
        if words < min_len and not (initials and words == 1):
            return i
        if j - i == 2 and self.toks[i].keys + self.toks[i + 1].keys in self.lex.lunar_years:
            return i  # "Tết Đinh Dậu": a lunar year
        if self.lex.locations.match(self.toks, i) and self.lex.locations.match(self.toks, i)[0] >= j:
            return i
        return j

    def _full_name_at(self, i: int) -> bool:
        """A name of three or more words led by a surname starts at i."""
        t = self._word(i)
        return t is not None and word_key(t.text) in self.lex.surnames and self.name_at(i) - i >= 3

    def appointed(self, person: PersonMention, j: int) -> tuple[list[Post], int]:
        """"A, Chủ tịch UBND huyện, được bầu giữ chức Phó Bí thư Huyện ủy": the posts given now."""
        while j < len(self.toks) and (self.toks[j].text == "," or self.lex.word_in(self.toks[j], "aspect_words")):
            j += 1  # "A, …, đã trúng cử chức danh X"
        verb = self.lex.phrases["appointment_verbs"].match(self.toks, j)
        if not verb:
            return [], j
        posts, end = self.title_chain(verb[0], lower_ok=True)
        if self.lex.phrases["new_post_verbs"].match(self.toks, j):  # elected, appointed; not "giữ chức"
            for p in posts:
                p.status = p.status or "newly_appointed"
        return posts, end

    def _starts_body(self, j: int) -> bool:
        """Does a body's name start at j? A head followed by a lower-case word ("Hoàng Xuân Trường
        cam kết") is the last syllable of a name, not "Trường ..." (a school)."""
        hd = self.lex.heads.match(self.toks, j)
        if not hd:
            return False
        nxt = self._word(hd[0])
        if hd[1].kind == "named" and hd[0] == j + 1 and nxt is not None and nxt.is_cap and not (
                nxt.is_abbr or nxt.text.isupper() or self.lex.org_names.match(self.toks, hd[0])):
            after = self._word(hd[0] + 1)
            if after is None or not after.is_cap:
                return False  # "Lê Bộ Lĩnh cho biết": one unknown syllable after the head ends a name
        return hd[1].kind == "standalone" or (nxt is not None and nxt.is_cap)

    def names_list(self, i: int) -> list[tuple[int, int]]:
        """Names separated by commas or "và" (a title before them applies to each)."""
        out: list[tuple[int, int]] = []
        j = i
        while True:
            h = self.lex.phrases["honorifics"].match(self.toks, j)
            if h:
                j = h[0]
            e = self.name_at(j)
            if e == j:
                e = self._foreign_name_at(j)
            if e == j:
                break
            out.append((j, e))
            j = e
            if j < len(self.toks) and (self.toks[j].text == "," or self.toks[j].keys[:1] == KEY_VA):
                if self.name_at(j + 1) > j + 1 and not self.lex.titles.match(self.toks, j + 1):
                    j += 1
                    continue
            break
        return out

    def _opens_sentence(self, i: int) -> bool:
        """Does token i open its sentence (a status word like "Nguyên" may come first)?"""
        return i == 0 or (i == 1 and self.lex.words["title_status"].get(self.toks[0].text) is not None)

    def appointment_list(self, i: int) -> tuple[list[PersonMention], list[OrgMention], int] | None:
        return lists.appointment_list(self, i)

    def parse(self, i: int, context: list[OrgMention] | None = None
              ) -> tuple[list[PersonMention], list[OrgMention], int] | None:
        """Persons (with posts) starting at token i, the orgs their titles name, and the end.
        `context`: the bodies named so far; the last before i serves a shared title that names none ("Bộ Chính trị
        có 15 Ủy viên, gồm: …")."""
        toks = self.toks
        lower = not toks[i].is_cap
        if (title := self.lex.titles.match(toks, i)) and (head := self.lex.heads.match(toks, i)) and head[0] > title[0]:
            return None  # "Đại sứ quán …" is a body whose head starts with a title ("Đại sứ")
        posts, j = self.title_chain(i, lower_ok=lower)
        names: list[tuple[int, int]] = []
        opened = lists.list_opener(self, j) if posts else None
        if opened is None and posts:
            opened = lists.list_opener_after_state(self, i, j)
        if opened is not None:
            last = max((o for o in context or () if o.end <= i), key=lambda o: o.end, default=None)
            listed = lists.shared_list(self, opened, posts, last)
            if listed is not None:
                return listed
        if posts and lower:
            # a lower-case title ("bí thư Thành ủy X Nguyễn Văn A") counts only before a name, or its holder
            # set off from it ("miễn nhiệm chủ tịch UBND tỉnh đối với ông A")
            if (k := self._named_after(j)) > j:
                j = k
            h = self.lex.phrases["honorifics"].match(toks, j)
            names = self.names_list(h[0] if h else j)
            if not names:
                return None
        elif posts:
            if j < len(toks) and toks[j].text == ":":  # "các Phó Thủ tướng: A, B, C"
                j += 1
            elif j + 1 < len(toks) and ((toks[j].text in ("-", "–") and (self.lex.phrases["honorifics"].match(
                    toks, j + 1) or self._full_name_at(j + 1))) or (toks[j].text == "," and (self.lex.phrases[
                    "ranks"].match(toks, j + 1) or (self._opens_sentence(i) and self.lex.phrases[
                    "honorifics"].match(toks, j + 1))))):
                # "Chánh Thanh tra TP - ông A", "Thứ trưởng …, thượng tướng A", and a sentence that opens with
                # the titles: "Nguyên Phó chủ nhiệm Ủy ban Kinh tế, ông A cho rằng"
                j += 1
            elif j + 3 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and (
                    toks[j + 1].text.isupper() and self._full_name_at(j + 3)):
                j += 3  # "Bộ trưởng Bộ Giao thông vận tải (GTVT) Ngô Minh Sơn": the body's short form
            elif j + 2 < len(toks) and toks[j].text == "," and (place := self.orgs.locality_after(j + 1)) and (
                    self._full_name_at(place[1])):
                j = place[1]  # "Chủ tịch UBND phường Hạc Thành, tỉnh Thanh Hóa Nguyễn Văn A": the address
            elif j + 2 < len(toks) and toks[j].keys[:1] == _NAM and _YEAR.fullmatch(toks[j + 1].text) and (
                    self.name_at(j + 2) > j + 2):
                j += 2  # "Chủ tịch G20 năm 2024 Luiz Inácio Lula da Silva": the year of the post
            elif (k := self._named_after(j)) > j:
                j = k  # "miễn nhiệm Phó Chủ tịch UBND tỉnh, nhiệm kỳ 2021-2026, đối với ông A"
            elif not any(p.role in self.lex.words["staff_titles"] for p in posts) and (
                    k := self._named_after(j, "holder_of_links")) > j:
                j = k  # "cách chức Bí thư Tỉnh ủy Hà Tĩnh của ông A"
            h = self.lex.phrases["honorifics"].match(toks, j)
            names = self.names_list(h[0] if h else j)
            if not names and len(posts) == 1 and self._standing_post(i) is not None:
                return None  # "…, Thường trực Ban Bí thư" with no one named: the standing body
            if not names:
                return [], [p.org for p in posts if p.org], j
        else:
            h = self.lex.phrases["honorifics"].match(toks, i)
            if h and self.title_item(h[0]) is not None:  # "các đồng chí Ủy viên Ban Thường vụ: A, …"
                return self.parse(h[0], context)
            if h:
                names = self.names_list(h[0])
                if not names:
                    e = self.name_at(h[0], min_len=1)
                    if e > h[0] and e - h[0] == 1:
                        pm = PersonMention(h[0], e, toks[h[0]].text, short=True)
                        return [pm], [], e
                    return None
            elif self.orgs.looks_like_person(i):
                e = self.name_at(i)
                if e > i and self._after_locality_word(i):
                    return [], [], e  # "xã Phạm Văn Hai", "đoàn TP. Hồ Chí Minh": the place's name
                if e > i and self._street_at(i):
                    return [], [], e  # "đường Võ Văn Kiệt": the whole name is the street's
                if e > i:
                    names = [(i, e)]
        if not names:
            return None
        people = [PersonMention(s, e, name_text(toks[s:e]), list(posts)) for s, e in names]
        end = names[-1][1]
        more, end2 = self.reverse_chain(end)
        if more and toks[end].text == "," and i > 0 and self.lex.word_in(toks[i - 1], "object_markers") and (
                self.lex.phrases["attend_words"].match(toks, end2)):
            more = []  # "Trao quyết định cho đồng chí A, Chủ tịch nước nêu rõ": a new subject speaks, not A
        if not posts and not more and not self.lex.phrases["honorifics"].match(toks, i):
            for p in people:
                p.bare = True
        if more:
            # "các ông A, B, nguyên Ủy viên …": after a plural honorific the titles are everyone's
            shared = len(people) > 1 and self.lex.phrases["plural_honorifics"].match(toks, i)
            for p in people if shared else people[-1:]:
                p.posts.extend(copy.copy(q) for q in more)
            end = end2
        if len(people) == 1 and (got := self.appointed(people[-1], end))[0]:
            people[-1].posts.extend(got[0])
            people[-1].given, end = got
        people[-1].chain_end = end
        orgs = [p.org for person in people for p in person.posts if p.org]
        return people, orgs, end


# lists reads lists of people with this module's parser: imported last, once the parser exists
from kg.extract import lists  # noqa: E402
