"""Members of a board listed after it: "Ban lễ tang gồm 35 người do X làm Trưởng ban. Các thành
viên còn lại gồm A, B, C", "Hai phó ban là A và B", "thành viên Tiểu ban, gồm các đồng chí: A; B".
Each person of the list holds the post its noun names (data/lexicon.yaml member_nouns) in the
board: the one written between the noun and the list, else the board the sentence or the one
before it opens with (a head of member_board_heads)."""

from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.posts import Post
from kg.extract.sentence import Sentence
from kg.extract.tokens import PhraseMatcher, word_key

_MATCHERS: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}
_REACH = 8  # tokens from the noun to the list's marker ("thành viên còn lại của Ban, gồm có")


def _data(lex: Lexicon) -> tuple[PhraseMatcher, PhraseMatcher]:
    got = _MATCHERS.get(id(lex))
    if got is None:
        nouns, markers = PhraseMatcher(), PhraseMatcher()
        for noun, role in lex.words["member_nouns"].items():
            nouns.add(noun, role)
        for marker in lex.words["member_list_markers"]:
            markers.add(marker, marker)
        got = _MATCHERS[id(lex)] = (nouns, markers)
    return got


def members(lex: Lexicon, sentences: list[Sentence]) -> None:
    nouns, markers = _data(lex)
    previous: Sentence | None = None
    named: list[OrgMention] = []  # the bodies named so far, in order, for a head written alone
    waiting: list[tuple[Sentence, tuple[int, int, str, int]]] = []  # lists whose board is not written
    for s in sentences:
        if s.people and any(nouns.starts(t) for t in s.tokens):
            got = _read(lex, s, previous, nouns, markers, named)
            if got is not None:
                waiting.append((s, got))
        named += sorted((m for m in s.orgs if m.canonical), key=lambda m: m.start)
        previous = s
    # "Phó Trưởng Ban là Bộ trưởng A" with no board near: the one board the report names
    heads = tuple(h + " " for h in lex.words["member_board_heads"])
    boards = {m.canonical: m for m in named if m.canonical.startswith(heads) and not m.foreign}
    if len(boards) == 1:
        board = next(iter(boards.values()))
        for s, (k, end, role, listed) in waiting:
            _post(s, board, k, end, role, listed)


def _board_head(lex: Lexicon, toks, k: int) -> int:
    """Words of the board head written at token k ("Tiểu ban", "Ban"), or 0."""
    heads = lex.words["member_board_heads"]
    return 2 if " ".join(t.text for t in toks[k : k + 2]) in heads else 1 if toks[k].text in heads else 0


def _written_board(lex: Lexicon, s: Sentence, start: int, end: int, named: list[OrgMention]) -> OrgMention | None:
    """A board written by its head between the noun and the list: alone ("thành viên Tiểu ban, gồm
    …"), the body of that head the report last named in full; with a lower-case name ("thành viên Ban
    chỉ đạo gồm"), read here as a body."""
    toks = s.tokens
    for k in range(start, end):
        n = _board_head(lex, toks, k)
        if not n:
            continue
        head = " ".join(t.text for t in toks[k : k + n])
        j = k + n
        while j < end and toks[j].is_word and not toks[j].is_cap:
            j += 1
        if any(t.is_word for t in toks[j:end]):
            continue
        if j == k + n:
            return next((m for m in reversed(named) if m.canonical.startswith(head + " ")), None)
        name = " ".join(t.text for t in toks[k + n : j])
        m = OrgMention(k, j, "named", head=head, name=name)
        m.canonical = f"{head} {name}"
        s.orgs.append(m)
        return m
    return None


def _post(s: Sentence, board: OrgMention, k: int, end: int, role: str, listed: int) -> None:
    """Each person listed from token `listed` holds `role` (the noun at [k, end)) in the board."""
    for p in s.people:
        if p.start < listed or p.ref:
            continue
        # (the list's noun may have been read as the title of each, with no body)
        read = next((q for q in p.posts if q.start == k and q.org is None and not q.implied), None)
        if read is not None:
            read.org = board
        elif not any(q.org is board for q in p.posts):
            p.posts.append(Post(role, board, "", None, k, end))


def _read(lex: Lexicon, s: Sentence, previous: Sentence | None, nouns: PhraseMatcher, markers: PhraseMatcher,
          named: list[OrgMention]) -> tuple[int, int, str, int] | None:
    """Read the sentence's list; (noun start, noun end, role, list start) when it has no board."""
    toks = s.tokens
    for k in range(len(toks)):
        noun = nouns.match(toks, k) if nouns.starts(toks[k]) else None
        if noun is None or any(p.start <= k < max(p.end, p.chain_end) for p in s.people):
            continue  # (a member's own title in the list: "Ủy viên Bộ Chính trị, Thủ tướng …")
        if any(q.start <= k < q.end and (q.org is not None or q.implied) for p in s.people for q in p.posts):
            continue  # the noun is a title of a body written after it
        end, role = noun
        at = next((j for j in range(end, min(end + _REACH, len(toks))) if markers.match(toks, j)), None)
        if at is None or any(p.start < at for p in s.people if p.start >= end):
            continue
        listed = markers.match(toks, at)[0]
        board = next((m for m in s.orgs if end <= m.start and m.end <= at and m.canonical), None) or (
            _written_board(lex, s, end, at, named) or _opening_board(lex, s, k) or (
                _opening_board(lex, previous, len(previous.tokens)) if previous else None))
        if board is None:
            return k, end, str(role), listed
        _post(s, board, k, end, str(role), listed)
        return None
    return None


def _opening_board(lex: Lexicon, s: Sentence, before: int) -> OrgMention | None:
    """The board a sentence opens with ("Ban lễ tang gồm …"), before token `before`."""
    heads = {word_key(h.split()[0]) for h in lex.words["member_board_heads"]}
    first = min((m for m in s.orgs if m.start < before and m.canonical), key=lambda m: m.start, default=None)
    if first is None or first.start > 2 or id(first) in s.title_orgs:
        return None
    return first if s.tokens[first.start].keys[:1] and s.tokens[first.start].keys[0] in heads else None
