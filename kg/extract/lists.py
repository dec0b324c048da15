"""Lists of people: under a shared title ("15 Ủy viên, gồm: A; B"), in an appointment or
dismissal ("miễn nhiệm chức vụ X đối với ông A và Y … đối với ông B"), and the bodies a list
elides until its last item ("A, nguyên Bí thư Đảng ủy, Cục trưởng; …; D, Phó Cục trưởng Cục X")."""

from __future__ import annotations

import copy

from kg.extract.name_shapes import REGNAL
from kg.extract.org_mention import OrgMention
from kg.extract.people import PeopleParser, PersonMention
from kg.extract.posts import Post
from kg.extract.tokens import KEY_VA, Token, name_text, phrase_keys, word_key


def list_opener(self: PeopleParser, j: int) -> int | None:
    """Where the items of a list under a shared title start: after "gồm", "gồm có" or ":"."""
    toks = self.toks
    k = j + 1 if j < len(toks) and toks[j].text == "," else j
    if (term := self.lex.phrases["holder_gap_words"].match(toks, k)) is not None:
        k = term[0]  # "5 phó chủ tịch UBND TP nhiệm kỳ trước là A, B": the term between title and list
        while k < len(toks) and (toks[k].text[0].isdigit() or toks[k].text in ("-", "–") or REGNAL.fullmatch(
                toks[k].text) or self.lex.word_in(toks[k], "term_qualifiers")):
            k += 1
    opener = self.lex.phrases["list_openers"].match(toks, k)
    k = opener[0] if opener else k
    # "là các ông, bà: A; B": a comma may stand inside the plural honorific
    plural = self.lex.phrases["plural_honorifics"].match(toks, k, allow_comma=True) if opener else None
    if plural is not None and plural[0] < len(toks) and toks[plural[0]].text == ":":
        k = plural[0]  # "6 Phó chủ tịch gồm các ông: A; B"
    if k < len(toks) and toks[k].text == ":":
        return k + 1
    return k if opener else None


def list_opener_after_state(self: PeopleParser, i: int, j: int) -> int | None:
    """"Các Phó chủ tịch UBND tỉnh đều tái đắc cử gồm các ông A, B …": a plural title (after
    "các" / "những") may be followed by a verb of election before its list opens."""
    toks = self.toks
    if not self.lex.plural_before(toks, i):
        return None
    k = j
    while (m := self.lex.phrases["list_state_verbs"].match(toks, k)) is not None:
        k = m[0]
    return list_opener(self, k) if k > j else None


def shared_list(self: PeopleParser, k: int, shared: list[Post], context: OrgMention | None
            ) -> tuple[list[PersonMention], list[OrgMention], int] | None:
    """"các Ủy viên Ban Thường vụ: A, Trưởng Ban X; B, Phó Chủ tịch Y", "15 Ủy viên, gồm: Thủ
    tướng A; Chủ tịch Quốc hội B": every person listed holds the shared title and their own."""
    toks = self.toks
    for p in shared:
        if p.org is None and not p.implied and context is not None:
            p.org = context
    people: list[PersonMention] = []
    end = k
    sep = ""
    while k < len(toks):
        h = self.lex.phrases["honorifics"].match(toks, k)
        own, e = self.title_chain(h[0] if h else k, lower_ok=True)
        h = self.lex.phrases["honorifics"].match(toks, e)
        start = h[0] if h else e
        stop = self.name_at(start)
        if stop == start:
            break
        pm = PersonMention(start, stop, name_text(toks[start:stop]),
                           [copy.copy(p) for p in shared] + own)
        more, end = self.reverse_chain(stop)
        pm.posts.extend(more)
        pm.chain_end = end
        people.append(pm)
        mark = toks[end].text if end < len(toks) else ""
        if (mark in (",", ";") and sep in ("", mark)) or (end < len(toks) and toks[end].keys[:1] == KEY_VA):
            # a list keeps its separator: "các Phó Chủ tịch: A, B; Tổng Thư ký C" ends at ";"
            sep = sep or mark if mark in (",", ";") else sep
            k = end + 1
            if k < len(toks) and toks[k].keys[:1] == KEY_VA:  # "; và B"
                k += 1
            continue
        break
    if not people:
        return None
    return people, [p.org for pm in people for p in pm.posts if p.org], end


def appointment_list(self: PeopleParser, i: int) -> tuple[list[PersonMention], list[OrgMention], int] | None:
    """"(miễn nhiệm|bầu) chức danh ủy viên UBND tỉnh ... đối với các ông: A - ...; B - ..."."""
    toks = self.toks
    if word_key(toks[i].text) == word_key("chức"):
        # "chức danh X", "chức vụ X"
        k = i + 2 if i + 1 < len(toks) and toks[i + 1].keys[:1] in ((word_key("danh"),), (word_key("vụ"),)) else -1
        bare = False
    else:
        # "… đối với ông A và Bộ trưởng Bộ Y nhiệm kỳ 2021-2026 đối với ông B": the next item
        k, bare = (i if i > 0 and toks[i - 1].keys[:1] == KEY_VA else -1), True
    post = self.title_item(k, lower_ok=True) if k >= 0 else None
    if post is None:
        return None
    j = post.end
    limit = min(len(toks), j + (12 if bare else 25))
    if bare:
        # only the term may stand between the title and "đối với"
        while j < limit and (toks[j].text in ("-", "–", ",") or toks[j].text[0].isdigit()
                             or self.lex.word_in(toks[j], "term_words")):
            j += 1
    while j < limit and not (word_key(self.toks[j].text) == word_key("đối") and word_key(
            self.toks[j + 1].text if j + 1 < len(self.toks) else "") == word_key("với")):
        j += 1
    if j >= limit:
        return None
    j += 2
    former = any(word_key(t.text) == word_key("miễn") for t in self.toks[max(0, i - 4) : i]) or (
        bare and any(word_key(t.text) == word_key("miễn") for t in self.toks[:i]))
    post.status = "former" if former else post.status
    people: list[PersonMention] = []
    orgs: list[OrgMention] = [post.org] if post.org else []
    first_end: int | None = None
    while j < len(self.toks):
        h = self.lex.phrases["honorifics"].match(self.toks, j)
        if h:
            j = h[0]
        if j < len(self.toks) and self.toks[j].text == ":":
            j += 1
            continue
        e = self.name_at(j)
        if e == j:
            break
        pm = PersonMention(j, e, " ".join(t.text for t in self.toks[j:e]), [post])
        more, end = self.reverse_chain(e)
        pm.posts.extend(more)
        orgs.extend(p.org for p in more if p.org)
        people.append(pm)
        first_end = first_end if first_end is not None else end
        # the next "; Name - titles" of the list; what lies between is read again by the caller
        j = end
        if more and end + 1 < len(self.toks) and self.toks[end].keys[:1] == KEY_VA and self.lex.phrases[
                "honorifics"].match(self.toks, end + 1):
            j = end + 1  # "… đối với ông A - Giám đốc Sở X và bà B - Chủ tịch Y": the next item after its titles
            continue
        if (k := _next_bracketed_item(self, e)) is not None:
            j = k  # "… các ông: A (nguyên giám đốc Sở X), ông B (…), ông C": items set off by commas
            continue
        while j < len(self.toks) and self.toks[j].text not in (";", "."):
            j += 1
        if j < len(self.toks) and self.toks[j].text == ";":
            j += 1
            continue
        break
    return (people, orgs, first_end) if people and first_end is not None else None


def _next_bracketed_item(self: PeopleParser, j: int) -> int | None:
    """After an item's name (at j) and its bracketed aside, where the next item starts: a comma or "và",
    then a name, with its honorific or not ("…, ông B (…), C (…) và ông D"); None when the list does not
    go on so."""
    toks = self.toks
    if j < len(toks) and toks[j].text == "(":
        close = next((k for k in range(j, min(len(toks), j + 40)) if toks[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j >= len(toks) or not (toks[j].text == "," or toks[j].keys[:1] == KEY_VA):
        return None
    h = self.lex.phrases["honorifics"].match(toks, j + 1)
    start = h[0] if h is not None else j + 1
    return j + 1 if self.name_at(start) > start else None


def _bare(toks: list[Token], post: Post) -> bool:
    """Does the title stop where it ends (a mark or "và" after it), naming no body the reader missed?"""
    return post.end >= len(toks) or toks[post.end].text in (",", ")", ";", ".", "-", "–") or (
        toks[post.end].keys[:1] == KEY_VA)


def _office(role: str) -> str:
    """A post's office, deputy or not: "Phó giám đốc" and "Giám đốc" are of one office."""
    return role.lower().removeprefix("phó ").strip()


def fill_elided_bodies(lex, toks: list[Token], people: list[PersonMention]) -> list[OrgMention]:
    """"Trách nhiệm thuộc về các ông: A, nguyên Bí thư Đảng ủy, Cục trưởng; B, Phó Bí thư Đảng
    ủy, Phó Cục trưởng; C, Đảng ủy viên, Phó Cục trưởng Cục X": a title that names no body
    ("Cục trưởng") is of the next body in the list with its head ("Cục X"); a bare "Đảng ủy" and
    "Đảng ủy viên" are of that body's Party committee. Returns the Party committees made."""
    made: list[OrgMention] = []
    heads = lex.words["title_name_heads"]
    ordered = sorted(people, key=lambda p: p.start)
    for k, person in enumerate(ordered):
        later = [p.org for q in ordered[k:] for p in q.posts if p.org is not None and p.org.kind == "named"]
        earlier = [p.org for q in ordered[:k] for p in q.posts if p.org is not None and p.org.kind == "named"]
        for post in person.posts:
            head = heads.get(post.role.removeprefix("Phó ").removeprefix("phó ").capitalize())
            if post.org is None and head and not post.implied and not post.country:
                # the list's own body is named once, at its end: the last body with the head
                post.org = next((o for o in reversed(later) if o.head == head and o.start > post.start), None)
            elif post.org is None and not post.implied and (head := lex.words["elided_body_heads"].get(
                    post.role.lower())):
                # "bầu bà A giữ chức Trưởng Ban X; ông B giữ chức Phó ban": the body just named for another
                post.org = next((o for o in reversed(earlier) if o.head == head), None)
            elif post.org is None and not post.implied and not post.country and k > 0 and (
                    _bare(toks, post) or post.end == person.start) and post.role not in lex.words["member_roles"]:
                # "A (giám đốc Ban Quản lý dự án X), B (phó giám đốc)", "Chủ tịch UBND thành phố A và 4 Phó chủ
                # tịch B, C": the head's deputy, or the head of the deputy, listed right after with a title that
                # stops there or stands right before the name, is of the same body
                post.org = next((q.org for q in ordered[k - 1].posts if q.org is not None
                                 and _office(q.role) == _office(post.role)), None)
        body = next((p.org for p in person.posts if p.org is not None and p.org.kind == "named"), None)
        if body is None:
            continue
        for post in person.posts:
            party_title = word_key(post.role) in lex.wordset("party_member_titles")
            # (a bare "Đảng đoàn" is the one the sentence names: "tham gia Đảng đoàn Hội X, giữ chức vụ Ủy
            # viên Đảng đoàn", not the Party committee of the person's own body)
            if (post.org is not None and post.org.kind == "bare" and post.org.head == "Đảng ủy") or (
                    party_title and post.org is body):
                at = post.org if post.org is not None and post.org.kind == "bare" else body
                post.org = OrgMention(at.start, at.end, "party", head="Đảng ủy", inner=copy.copy(body))
                made.append(post.org)
    return made


def joined_committees(lex, toks, orgs: list[OrgMention]) -> list[OrgMention]:
    """"tham gia Ban Chấp hành, Ban Thường vụ, giữ chức Phó Bí thư Tỉnh ủy Lâm Đồng": the
    committees joined are those of the Party committee named next in the sentence."""
    made: list[OrgMention] = []
    starts = {o.start for o in orgs}
    for t in range(len(toks) - 2):
        if toks[t].keys[:1] != _THAM or toks[t + 1].keys[:1] != _GIA:
            continue
        k, heads = t + 2, []
        while k < len(toks) and k not in starts and (hd := lex.heads.match(toks, k)) and hd[1].kind == "sub":
            heads.append((k, hd[0], hd[1].text))
            k = hd[0]
            if k < len(toks) and (toks[k].text == "," or toks[k].keys[:1] == KEY_VA):
                k += 1
        if not heads:
            continue
        owner = next((o for o in sorted(orgs, key=lambda o: o.start) if o.start >= heads[-1][1]
                      and (o.kind in ("standalone", "party") or o.head.endswith("ủy"))), None)
        if owner is not None:
            # "Ban Chấp hành" of a Party committee is the committee itself: no body of its own
            itself = {phrase_keys(w) for w in lex.words["committee_itself"]}
            made.extend(OrgMention(a, z, "sub", head=h, inner=copy.copy(owner)) for a, z, h in heads
                        if phrase_keys(h) not in itself)
    return made


_THAM, _GIA = (word_key("tham"),), (word_key("gia"),)
