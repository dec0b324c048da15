"""Career statements: posts a sentence gives the person it is about without a title next to the
name. "Ông Hùng từng là Bí thư Huyện ủy X", "Năm 2020 ông được bầu làm bí thư Tỉnh ủy, chủ tịch
HĐND tỉnh", "… làm phó bí thư rồi bí thư Huyện ủy Y": the subject is the person last named in the
sentence, or a bare "ông" / "bà" that stands for the person last named in the report (resolved
when entities are built). Titles here are often lower case; a chain followed by a name is that
name's, not the subject's.
"""

from __future__ import annotations

from kg.extract import lists
from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.people import PeopleParser, PersonMention
from kg.extract.posts import Post
from kg.extract.tokens import Token

_SEPARATORS = (",", ";")


class CareerReader:
    """Reads one sentence's career statements; fed token by token by the sentence reader."""

    def __init__(self, lex: Lexicon, tokens: list[Token], people: PeopleParser) -> None:
        self.lex = lex
        self.toks = tokens
        self.peop = people
        self.verbs = lex.phrases["career_verbs"]
        self.pronoun: PersonMention | None = None  # a bare "ông" / "bà" in this sentence
        self.open = False  # a career verb was read: clauses after a comma may go on with titles

    def is_pronoun(self, i: int) -> bool:
        """A bare "ông" / "bà" (no name after it) stands for a person named before."""
        t = self.toks[i]
        if not t.is_word or t.keys[0] not in self.lex.wordset("ref_pronouns"):
            return False
        return self.peop.name_at(i + 1, min_len=1) == i + 1

    def note_pronoun(self, i: int) -> None:
        self.pronoun = PersonMention(i, i + 1, "", ref=True)

    def note_title_ref(self, i: int, end: int, posts: list[Post]) -> None:
        """"Tân Phó Trưởng Ban Tuyên giáo Trung ương là …": a title with no name stands for the
        person the report gave that post (resolved when entities are built)."""
        if posts:
            self.pronoun = PersonMention(i, end, "", ref=True, chain_end=end, ref_posts=list(posts))

    def subject(self, people: list[PersonMention], i: int) -> PersonMention | None:
        """The person the clause at i is about: the last one named before i in this sentence."""
        named = [p for p in people if p.end <= i]
        cands = [p for p in (named[-1] if named else None, self.pronoun) if p is not None]
        last = max(cands, key=lambda p: p.start) if cands else None
        # "ông A được Chủ tịch UBND tỉnh B bổ nhiệm giữ chức …": B is the agent of a passive, A the subject
        if last is not None and self._agent(last) and (earlier := [p for p in (
                named[-2] if len(named) > 1 else None, self.pronoun) if p is not None and p.end <= last.start]):
            return max(earlier, key=lambda p: p.start)
        return last

    def _agent(self, who: PersonMention) -> bool:
        return passive_agent(self.lex, self.toks, who.start)

    def step(self, i: int, people: list[PersonMention], bodies: list[OrgMention] = ()
             ) -> tuple[PersonMention, list[Post], int] | None:
        """Posts stated at token i for the sentence's subject: (subject, posts, end) or None.
        `bodies`: the bodies the sentence names outside titles so far; one named after the person,
        right before the verb, is the clause's subject ("Văn phòng Trung ương Đảng là cơ quan …")."""
        verb = self.verbs.match(self.toks, i)
        # (or after the colon that ends "… tại Bộ Kế hoạch và Đầu tư như:", where the posts were held)
        after_sep = i > 0 and self.open and (self.toks[i - 1].text in _SEPARATORS or self._scoped_list(i))
        if verb is None and not after_sep:
            return None
        who = self.subject(people, i)
        if who is None and verb is not None:
            who = self._pronoun_after(i)
        if who is None or self._proposed(who, i) or self._reported(who, i) or self._active(who, verb, i):
            return None
        if any(max(who.end, who.chain_end) <= b.start and self._subject_of(b, i, max(who.end, who.chain_end))
               for b in bodies):
            self.open = False
            return None
        start = verb[0] if verb else i
        if verb:  # "trải qua các vị trí: …", "từng giữ các chức vụ như: …"
            while (lead := self.lex.phrases["career_list_lead"].match(self.toks, start)) is not None:
                start = lead[0]
            if start < len(self.toks) and self.toks[start].text == ":":
                start += 1
        if verb:
            self.open = True
        posts, end = self._chain(start)
        if not posts or self.peop._named_after(end) > end:
            return None  # (holders named after the posts: "bầu bổ sung chức danh ủy viên UBND tỉnh đối với các ông: …")
        status = self._status(start, str(verb[1]) if verb else "", (who.start, max(who.end, who.chain_end)))
        for p in posts:
            p.status = p.status or status
        return who, posts, end

    def _active(self, who: PersonMention, verb, i: int) -> bool:
        """Is the verb an election or appointment in the active voice, with the person its agent, not the
        one posted ("ông A xác nhận việc tạm dừng bầu chức danh X với ông B"): no "được" between them
        (data electing_verbs, passive_markers)?"""
        if verb is None or who.ref or self.toks[i].keys[0] not in self.lex.wordset("electing_verbs"):
            return False
        return not any(t.keys[:1] and t.keys[0] in self.lex.wordset("passive_markers")
                       for t in self.toks[max(who.end, who.chain_end) : i])

    def _scoped_list(self, i: int) -> bool:
        """Does a list of posts open at i after "tại / ở <body> như:" (data career_scope_words)?"""
        toks = self.toks
        if toks[i - 1].text != ":":
            return False
        for k in range(i - 2, max(0, i - 14), -1):
            if self.lex.word_in(toks[k], "career_scope_words"):
                return True
            if toks[k].text in (".", ";", ":"):
                return False
        return False

    def _reported(self, who: PersonMention, i: int) -> bool:
        """"A cho biết, tại kỳ họp, 2 trường hợp là Chủ tịch nước và Bộ trưởng …": after the person's
        verb of speech and a comma, the clause is what they said, with a subject of its own."""
        after = max(who.end, who.chain_end)
        if who.ref or after >= i:
            return False
        words = self.lex.phrases["attend_words"]
        for k in range(after, i):
            said = words.match(self.toks, k)
            # the verb itself, right before a comma ("cho biết,"), not the start of a word ("trình độ")
            if said is not None and said[0] < i and self.toks[said[0]].text == "," and not (
                    said[0] - k == 1 and self.lex.is_other_word(self.toks, k)):
                return True
        return False

    def _pronoun_after(self, i: int) -> PersonMention | None:
        """"Sau khi đi luân chuyển làm Bí thư Quận ủy X, năm 2008 ông trở về làm …": a clause put
        before its subject has the bare "ông" / "bà" of the main clause as its subject."""
        for k in range(i + 1, len(self.toks)):
            if self.toks[k].text in (";", ":") or (self.toks[k].text == "." and not (
                    self.toks[k - 1].text.isupper() and self.toks[k - 1].end == self.toks[k].start)):
                return None  # (not the dot of "TP. HCM")
            if self.is_pronoun(k):
                return PersonMention(k, k + 1, "", ref=True)
            # "…, ông Cang đã vi phạm": a given name alone after "ông" / "bà" stands for the one named
            if self.lex.word_in(self.toks[k], "ref_pronouns") and self.peop.name_at(k + 1, min_len=1) == k + 2:
                return PersonMention(k, k + 2, "", ref=True)
        return None

    def _subject_of(self, body: OrgMention, i: int, after: int = 0) -> bool:
        """Is the body right before the verb at i its subject ("Văn phòng Trung ương Đảng là …"),
        not the object of a verb before it ("tham gia Ban Thường vụ Thành ủy và giữ chức …")? `after`:
        where the person's mention ends; a passive marker between it and the body makes the body the
        passive's agent ("ông A được các đại biểu của Ban Thường vụ Tỉnh ủy bầu bổ sung …")."""
        gap = self.toks[body.end : i]
        before = self.toks[body.start - 1].keys[:1] if body.start > 0 else ()
        if before and (before[0] in self.lex.wordset("passive_markers") or before[0] in self.lex.wordset(
                "origin_markers")):
            return False  # "được Bộ Chính trị điều động làm …": the agent of a passive; "từ Sở X về làm": a source
        if any(t.keys[:1] and t.keys[0] in self.lex.wordset("passive_markers") for t in self.toks[after : body.start]):
            return False
        return body.end <= i and len(gap) <= 2 and all(
            t.is_word and t.keys[0] not in self.lex.wordset("career_joins") for t in gap)

    def _proposed(self, who: PersonMention, i: int) -> bool:
        """"giới thiệu ông A … để bầu giữ chức X": a post proposed, not held ("quyết định … để điều
        động, bổ nhiệm giữ chức X": the decision posts, data decided_postings; an election is to come)."""
        return any(self.lex.word_in(self.toks[k], "purpose_words") and self.lex.phrases[
            "decided_postings"].match(self.toks, k + 1) is None for k in range(max(who.end, who.chain_end), i))

    def _chain(self, j: int) -> tuple[list[Post], int]:
        """Title chains joined by commas, "và" or "rồi" ("phó bí thư rồi bí thư Huyện ủy Y": the
        body of the last is the body of the ones before that name none)."""
        posts: list[Post] = []
        end = j
        while True:
            got, e = self.peop.title_chain(j, lower_ok=True)
            if not got or self._names_follow(e):
                break
            posts.extend(got)
            end = e
            nxt = self.toks[e].keys[:1] if e < len(self.toks) else ()
            if nxt and nxt[0] in self.lex.wordset("career_joins"):
                j = e + 1
                continue
            break
        for k, p in enumerate(posts):
            if p.org is None and not p.implied:
                p.org = next((q.org for q in posts[k + 1 :] if q.org is not None), None)
        return posts, end

    def _names_follow(self, j: int) -> bool:
        """A name after the chain, or a list of them ("giữ chức X là các ông, bà: A; B"): the
        chain is theirs, not the subject's."""
        opened = lists.list_opener(self.peop, j)
        k = j if opened is None else opened
        h = self.lex.phrases["honorifics"].match(self.toks, k)
        k = h[0] if h else k
        return self.peop.name_at(k) > k

    def _status(self, i: int, verb: str, subject: tuple[int, int]) -> str | None:
        """Former when a cue of the past stands before the posts (not inside the subject's own titles:
        "Ông A, nguyên Bộ trưởng Bộ X, được bổ nhiệm làm Bộ trưởng Bộ Y" gives a post held now)."""
        if verb in self.lex.words["career_former_verbs"]:
            return "former"
        before = {t.keys[0] for k, t in enumerate(self.toks[:i])
                  if t.is_word and t.keys and not subject[0] <= k < subject[1]}
        if before & self.lex.wordset("career_present"):
            return None
        if before & self.lex.wordset("career_past"):
            return "former"
        return None


def passive_agent(lex: Lexicon, toks: list[Token], start: int) -> bool:
    """Is the person named at token `start` the agent of a passive ("ông A được Chủ tịch UBND tỉnh B bổ
    nhiệm …": "được", then titles or an honorific, before the name, in one clause)?"""
    for k in range(start - 1, max(-1, start - 14), -1):
        t = toks[k]
        if t.text in (",", ";", ":") or (t.text == "." and not (k and toks[k - 1].text.isupper())):
            return False
        if t.keys[:1] and t.keys[0] in lex.wordset("passive_markers"):
            # (only titles and honorifics between: "… được bầu làm Bí thư Tỉnh ủy thay ông A": A is no agent,
            # the verb after "được" is the passive's own)
            return k + 1 < start and lex.phrases["appointment_verbs"].match(toks, k) is None
    return False
