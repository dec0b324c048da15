"""Posts a title names: the body written after it, named by the title ("Bộ trưởng Y tế"), a
locality alone ("Bí thư tỉnh Hà Giang"), an abbreviation of title and body ("ĐBQH"), a standing post
("Thường trực Ban Bí thư"), the staff of a principal ("Trợ lý Thủ tướng"). Read by PeopleParser
(people.py), which inherits PostReading."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon
from kg.extract.name_shapes import minister_fields
from kg.extract.org_mention import OrgMention, expand_surface, joined_abbreviation
from kg.extract.org_places import with_level
from kg.extract.orgs import OrgParser
from kg.extract.tokens import KEY_CUA, Token, phrase_keys, proper_name_end, word_key
from kg.resources import abbreviations
from kg.text import expansion, name_key

_TUOI, _NAY_NOW = (word_key("tuổi"),), (word_key("nay"),)


@dataclass
class Post:
    role: str
    org: OrgMention | None
    implied: str  # canonical name of the implied body when no org is written
    status: str | None  # former | acting | newly_appointed
    start: int
    end: int
    country: str = ""  # a foreign state written after the title ("Thủ tướng Singapore")
    state_at: tuple[int, int, str] | None = None  # (start, end, name) of the state written after it: a place too
    principal_at: int = -1  # a staff post ("Trợ lý Thủ tướng"): where the principal's title starts


class PostReading:
    """The readers of what body a title names, for PeopleParser."""

    lex: Lexicon
    toks: list[Token]
    orgs: OrgParser

    def _body_of_locality(self, title: str, j: int) -> OrgMention | None:
        """"Bí thư tỉnh Hà Giang", "Chủ tịch xã Tân Lập": a title followed by a locality alone is a
        post in the locality's Party committee or People's Committee (data/lexicon.yaml
        locality_titles; the committee of each level from admin_tiers)."""
        kind = self.lex.words["locality_titles"].get(title.removeprefix("Phó ").removeprefix("phó "))
        word = self.lex.phrases["locality_words"].match(self.toks, j) if kind and j < len(self.toks) else None
        if kind and word is None:
            return self._body_of_province(kind, j)
        loc = self.orgs.locality_after(j) if word is not None else None
        if word is not None and (loc is None or " " not in loc[0]) and self.orgs.looks_like_person(word[0]):
            return self._body_of_level(kind, j, word[0])  # "Phó chủ tịch tỉnh Lê Hồng Minh": the report's province
        if loc is None or loc[0].startswith("cấp ") or " " not in loc[0]:
            return None  # "cấp tỉnh", or a level with no name
        at = (word[0] + (1 if self.toks[word[0]].text == "." else 0), loc[1])  # the place's own name
        return self._committee(kind, loc[0], j, loc[1], at)

    def _committee(self, kind: str, place: str, start: int, end: int, at: tuple[int, int] | None = None,
                   party_place: str = "") -> OrgMention | None:
        """The People's Committee (`kind`, the title's) of `place` ("tỉnh Hà Giang", a bare level "tỉnh"), or for
        a Party title the Party committee its level has (admin_tiers); `party_place`: the place as that committee's
        name writes it, where it differs."""
        if kind != "party":
            return OrgMention(start, end, "standalone", head=kind, locality=place, place_at=at)
        got = self.lex.admin.committee(place)
        if got is None:
            return None
        return OrgMention(start, end, "standalone", head=got[0], locality=party_place or got[1], place_at=at)

    def _body_of_level(self, kind: str, j: int, end: int) -> OrgMention | None:
        """The committee of a level written bare before its holder's name ("Chủ tịch tỉnh A", "Bí thư huyện B"):
        the level's generic body, which the report's place names later (naming.qualify_localities)."""
        return self._committee(kind, " ".join(t.text.lower() for t in self.toks[j:end] if t.is_word), j, end)

    def _body_of_province(self, kind: str, j: int) -> OrgMention | None:
        """"Bí thư Long An Đỗ Hữu Lâm", "nguyên Phó bí thư Đà Nẵng": a province or centrally run city
        named bare after the title, alone or before its holder's name, is the Party committee or People's
        Committee of that province."""
        loc = self.lex.locations.match(self.toks, j) if j < len(self.toks) and self.toks[j].is_cap else None
        if loc is None or name_key(str(loc[1])) not in self.lex.provinces or not (
                proper_name_end(self.toks, j) == loc[0] or self.orgs.looks_like_person(loc[0])):
            return None
        place = with_level(self.lex, str(loc[1]))
        if kind == "party":
            place = place[0].lower() + place[1:]  # ("Thành phố Hồ Chí Minh": the level its committee has)
        return self._committee(kind, place, j, loc[0], (j, loc[0]), party_place=str(loc[1]))

    def _abbreviated_post(self, i: int) -> Post | None:
        """"ĐBQH Nguyễn Tạo": a title and its body in one abbreviation (data/lexicon.yaml
        abbreviated_posts), as "đại biểu Quốc hội" written out."""
        role, body = self.lex.words["abbreviated_posts"][self.toks[i].text]
        entry = self.lex.org_by_key.get(phrase_keys(body))
        if entry is None:
            return None
        org = OrgMention(i, i + 1, "gazetteer", entry=entry, canonical=entry.name)
        return Post(role, org, "", None, i, i + 1)

    def _staff_post(self, i: int, end: int, status, start: int) -> Post | None:
        """"Trợ lý Thủ tướng Chính phủ", "Đặc phái viên của Tổng Bí thư": a post named with the
        principal's title ("Trợ lý Thủ tướng"), in the principal's body (written or implied)."""
        k = end + 1 if end < len(self.toks) and self.toks[end].keys[:1] == KEY_CUA else end
        principal = self.title_item(k) if k < len(self.toks) and self.toks[k].is_cap else None
        if principal is None or principal.status or not (principal.org is not None or principal.implied):
            return None
        role = " ".join(t.text for t in self.toks[i:k] if t.is_word) + " " + principal.role  # "của" as written
        if not principal.implied and principal.org is not None and principal.org.kind == "gazetteer":
            # a title that needs its body to say whose ("Chủ tịch" of what) names it in the role: "Trợ lý Chủ
            # tịch Quốc hội"; one that implies it does not ("Trợ lý Thủ tướng", of the Government)
            role += " " + (principal.org.canonical or principal.org.name)
        return Post(role, principal.org, principal.implied, status, start, principal.end, principal_at=k)

    def _staff_chain(self, posts: list[Post], end: int) -> tuple[list[Post], int]:
        """Titles after a staff post in one chain are its principal's, not the staff member's: "Trợ lý
        Tổng Bí thư, Chủ tịch nước Tô Lâm" (a name follows: the principal's titles are re-read from
        where they start, for that name), "Trợ lý Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an" (a member's
        title first: the principal's main post follows; the staff member assists in it too)."""
        at = next((n for n, p in enumerate(posts) if p.principal_at >= 0), None)
        if at is None:
            return posts, end
        h = self.lex.phrases["honorifics"].match(self.toks, end)
        if self.name_at(h[0] if h else end) > (h[0] if h else end):
            return posts[: at + 1], posts[at].principal_at
        staff = " ".join(t.text for t in self.toks[posts[at].start : posts[at].principal_at] if t.is_word)
        principal = posts[at].role.removeprefix(staff).strip()
        if any(principal.startswith(m) for m in self.lex.words["member_titles"]):
            for p in posts[at + 1 :]:
                p.role = f"{staff} {p.role}"
        return posts, end

    def _standing_post(self, i: int) -> tuple[str, OrgMention] | None:
        """"Thường trực Ban Bí thư": a post in the body, where before other bodies the same words
        name a standing body (data/lexicon.yaml standing_posts)."""
        word = self.lex.phrases["standing_post_words"].match(self.toks, i)
        if word is None or not self.lex.phrases["standing_post_bodies"].match(self.toks, word[0]):
            return None
        org = self.orgs.parse(word[0], after_title=True)
        if org is None:
            return None
        return " ".join(t.text for t in self.toks[i : word[0]]).capitalize(), org

    def _named_by_title(self, title: str, j: int) -> OrgMention | None:
        """"Bộ trưởng Y tế", "Cục trưởng Hàng không": a body's name without its head word, which the
        title gives (data/lexicon.yaml title_name_heads)."""
        head = self.lex.words["title_name_heads"].get(title.removeprefix("Phó ").removeprefix("phó "))
        nm = self.lex.org_names.match(self.toks, j, allow_comma=True) if head and j < len(self.toks) else None
        short = minister_fields(self.lex).match(self.toks, j) if head == "Bộ" and j < len(self.toks) else None
        if short is not None and (nm is None or short[0] >= nm[0]):
            nm = short
        if nm is not None and head == "Bộ":
            # a foreign minister's name after the ministry named by the title is a foreign ministry's
            # ("Bộ trưởng Giao thông Yevgeny Dietrich", "Bộ trưởng Tư pháp Pam Bondi"): no Vietnamese
            # ministry is named; its state is the sentence's, if any
            name = self.toks[nm[0] : proper_name_end(self.toks, nm[0])]  # ("Pam" alone reads as a syllable)
            if name and any(not is_syllable(t.text) for t in name) and self.lex.country_at(self.toks, nm[0]) is None:
                written = " ".join(t.text for t in self.toks[j : nm[0]])
                return OrgMention(j, nm[0], "named", head=head, name=written, foreign=True)
        if nm is None and head:
            nm = self._abbreviated_name(head, j)
        if nm is None and head and head != "Bộ" and j < len(self.toks) and self.toks[j].is_cap:
            # "Cục trưởng Quản lý đăng ký kinh doanh", "Vụ trưởng Kinh tế đối ngoại": any name after a
            # title that gives the head word, read as the name of a body with that head (not a person's),
            # also where the head is written too ("Vụ trưởng Vụ Quản lý các khu kinh tế,")
            hd = self.lex.heads.match(self.toks, j)
            at = hd[0] if hd and hd[1].text.lower() == head.lower() else j
            if hd is None or at > j:
                end = self.orgs.name_run(at)
                end = self._listed_name_end(end) if end > at else end
                if end > at:
                    return OrgMention(j, end, "named", head=head, name=expand_surface(self.toks, at, end))
        if nm is None or not self.toks[j].is_cap:
            return None
        if head != "Bộ" and nm is not short and (longer := self._listed_name_end(nm[0])) > nm[0]:
            nm = (longer, expand_surface(self.toks, j, longer))  # "Vụ trưởng Kinh tế đối ngoại"
        m = OrgMention(j, nm[0], "named", head=head, name=str(nm[1]), short=nm is short)
        foreign = self.orgs.foreign_state(m)  # "Bộ trưởng Tài chính Mỹ": the US Treasury
        if foreign is not None:
            (m.locality, m.end), m.foreign = foreign, True
            if m.short:  # a foreign ministry keeps the words written ("Bộ trưởng Thông tin Venezuela")
                m.name, m.short = " ".join(t.text for t in self.toks[j : nm[0]]), False
        return m

    def _listed_name_end(self, end: int) -> int:
        """A name after a title runs on in lower case to the end of its item ("Vụ trưởng Kinh tế đối
        ngoại, Vụ trưởng …"), over stop words and "và" ("… địa phương và lãnh thổ."), but not over a
        verb, and not further than six words: else it ends where its capitals do."""
        k, toks = end, self.toks
        while k - end < 6 and k < len(toks) and toks[k].is_word and not toks[k].is_cap and not (
                toks[k].text[0].isdigit() or self.lex.phrases["name_enders"].match(toks, k)
                or self.lex.phrases["attend_words"].match(toks, k) or self.lex.phrases["event_verbs"].match(toks, k)):
            k += 1
        return k if k > end and (k == len(toks) or toks[k].text in (",", ".", ";", ")")) else end

    def _abbreviated_name(self, head: str, j: int) -> tuple[int, str] | None:
        """(end, name) of a body's name abbreviated after its title ("Bộ trưởng TN-MT", "Thứ trưởng
        GD-ĐT"), when the head word and the name written out make a known body."""
        if j >= len(self.toks) or not (self.toks[j].is_abbr or self.toks[j].text.isupper()):
            return None
        joined = joined_abbreviation(self.toks, j, len(self.toks), abbreviations())
        end, name = (joined[1], joined[0]) if joined else (j + 1, expansion(self.toks[j].text))
        if name and self.lex.org_by_key.get(phrase_keys(f"{head} {name}")):
            return end, name
        return None

    def _body_in_title(self, i: int, end: int) -> int | None:
        """Where a body's head word ends the title at [i, end), if one does."""
        heads = self.lex.phrases["title_body_heads"]
        return next((k for k in range(i + 1, end) if (m := heads.match(self.toks, k)) and m[0] == end), None)

    def reverse_chain(self, j: int) -> tuple[list[Post], int]:
        """Titles after a name: "Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy", also after the
        place a deputy is elected in ("Đại biểu A (Bình Dương), Ủy viên Thường trực Ủy ban …")."""
        if (after := self._bracketed_place(j)) is not None and self.toks[after].text in ("-", "–", ","):
            j = after
        toks = self.toks
        if j + 4 < len(toks) and toks[j].text == "(" and toks[j + 1].text.isdigit() and (
                toks[j + 2].keys[:1] == _TUOI and toks[j + 3].text == ")" and toks[j + 4].text == ","):
            j += 4  # "ông A (32 tuổi), Bí thư Thành đoàn": the age in brackets, then the titles
        if j < len(self.toks) and self.toks[j].text in ("-", "–", ",", "("):
            # crawled news writes titles in lower case after a name ("A - ủy viên Bộ Chính trị"); in a
            # bracket, after the person's age or "nay" (now): "A (43 tuổi, phó bí thư Đảng ủy xã)"
            posts, end = self.title_chain(self._aside_start(j), lower_ok=True)
            # "A, Title B": the titles belong to the next name, not to A
            h = self.lex.phrases["honorifics"].match(self.toks, end)
            if posts and self.name_at(h[0] if h else end) > (h[0] if h else end):
                return [], j
            if posts:
                if end < len(self.toks) and self.toks[j].text == "(" and self.toks[end].text == ")":
                    end += 1
                return posts + (more := self._after_semicolon(end))[0], more[1]
        return [], j

    def _aside_start(self, j: int) -> int:
        """Where the titles start after the mark at j: past "N tuổi," or "nay" right after a bracket."""
        toks, k = self.toks, j + 1
        if toks[j].text != "(" or k >= len(toks):
            return k
        if k + 2 < len(toks) and toks[k].text.isdigit() and toks[k + 1].keys[:1] == _TUOI and toks[k + 2].text == ",":
            return k + 3
        return k + 1 if toks[k].keys[:1] == _NAY_NOW else k

    def _after_semicolon(self, end: int) -> tuple[list[Post], int]:
        """"A - Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch HĐND tỉnh; B - …": titles after a semicolon
        are still A's when no name follows them (else they are the next name's)."""
        posts: list[Post] = []
        while end < len(self.toks) and self.toks[end].text == ";":
            more, e = self.title_chain(end + 1, lower_ok=False)
            h = self.lex.phrases["honorifics"].match(self.toks, e)
            if not more or self.name_at(h[0] if h else e) > (h[0] if h else e) or (
                    e < len(self.toks) and self.toks[e].text in ("-", "–", ":", "(")):
                break
            posts += more
            end = e
        return posts, end

    def _bracketed_place(self, j: int) -> int | None:
        """After "(Bình Dương)" right at j: the token after the bracket, else None."""
        toks = self.toks
        if j + 2 >= len(toks) or toks[j].text != "(" or (place := self.lex.locations.match(toks, j + 1)) is None:
            return None
        k = place[0]
        return k + 1 if k + 1 < len(toks) and toks[k].text == ")" else None
