"""Stated starts and ends of posts (issue 16): "được bổ nhiệm giữ chức X từ ngày 1/3/2024", "thôi giữ
chức X", "nghỉ hưu", "điều động ông B, Phó Chủ tịch …, giữ chức Bí thư …".

The phrases are data (data/tenure.yaml). A phrase governs a post of a person in three ways:
- the post right after it (past openers such as "giữ chức", "làm"): "thôi giữ chức X", "cách chức X
  đối với ông A", "được bổ nhiệm làm X";
- the person right after it (its object), then that person's posts: a post after an opener is the
  one taken ("bổ nhiệm ông A giữ chức X"); a post written with the name ("ông B, Phó Chủ tịch …") is
  the one left, by a move ("điều động") or an end ("cách chức ông A, Giám đốc Sở …");
- the person right before it (its subject), whose posts written with the name are the ones left
  ("Bà D, Giám đốc Sở Y tế, nghỉ hưu"), or, when nothing follows the phrase, taken ("… nhậm chức").

The date: a date after a cue ("từ", "kể từ") in the clause, else a date that opens the comma-part of
the clause before the phrase ("Năm 2020, ông được bầu …"), else the report's own date, unless the
clause tells a past step of a career ("từng", a year that is not the report's). A day and month
without a year take the report's year. Only props are added here: whether a post is read, its role,
body and `former` flag are decided elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError
from kg.extract.events import iso
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.people import PersonMention
from kg.extract.posts import Post
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_KIEM, KEY_VA, PhraseMatcher, Token
from kg.resources import data_dir
from kg.text import name_key

FILE = "tenure.yaml"
KINDS = ("start", "end", "move")
_LISTS = ("openers", "objects", "date_cues", "not_yet", "past_words", "clause_tail", "date_leads", "not_dates",
          "memberships")
_DASHES = (",", "-", "–")


@dataclass(frozen=True)
class Phrase:
    change: str  # the keyword stored on the post: appointed, retired …
    kind: str  # start | end | move
    subject: bool = False  # the person before the phrase takes or leaves ("được bổ nhiệm"), not acts
    dated_only: bool = False  # a start only when the clause says from when


@dataclass(frozen=True)
class Words:
    phrases: PhraseMatcher
    lists: dict[str, PhraseMatcher]
    memberships: tuple[str, ...]  # name keys of membership roles


@dataclass(frozen=True)
class _Verb:
    start: int
    end: int
    phrase: Phrase


def words() -> Words:
    """data/tenure.yaml, read once per data folder."""
    return _load(data_dir() / FILE)


@cache
def _load(path: Path) -> Words:
    if not path.exists():
        raise KgError(f"data file missing: {path} (set KG_DATA_DIR to kg's data folder)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KgError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        raise KgError(f"{path}: expected a list under 'changes'")
    phrases = PhraseMatcher()
    for n, rec in enumerate(data["changes"], 1):
        if not isinstance(rec, dict) or rec.get("kind") not in KINDS or not isinstance(rec.get("change"), str):
            raise KgError(f"{path}: change {n} needs a `change` keyword and a kind of {KINDS}")
        payload = Phrase(rec["change"], rec["kind"], bool(rec.get("subject")), bool(rec.get("dated_only")))
        for text in rec.get("phrases") or ():
            phrases.add(str(text), payload)
    lists = {}
    for name in _LISTS:
        lists[name] = matcher = PhraseMatcher()
        for text in data.get(name) or ():
            matcher.add(str(text), name)
    return Words(phrases, lists, tuple(name_key(str(r)) for r in data.get("memberships") or ()))


def stated_changes(lex: Lexicon, text: str, sentences: list[Sentence], doc_date: str | None,
                   year: int | None) -> dict[int, dict[str, str]]:
    """id(post) -> the props its sentence states: `since` or `until` (ISO, partial allowed) and `change`."""
    w = words()
    out: dict[int, dict[str, str]] = {}
    for s in sentences:
        if not s.people or s.has_phrase(w.phrases) < 0:
            continue
        verbs = _verbs(w, s)
        # where each phrase's own object starts (not "giữ chức", which is an opener too)
        taken = {_skip(lex, w, s.tokens, v.end)[0] for v in verbs if not v.phrase.dated_only}
        for k, verb in enumerate(verbs):
            # a date after the phrase is its own up to the next phrase ("giữ chức" after a name is an opener)
            upto = next((v.start for v in verbs[k + 1 :] if not v.phrase.dated_only), len(s.tokens))
            for post, bound in _governed(lex, w, s, verb, taken):
                props = _props(w, text, s, verb, post, bound, upto, doc_date, year)
                if props:
                    note_change(out.setdefault(id(post), {}), props)
    return out


def _verbs(w: Words, s: Sentence) -> list[_Verb]:
    """The phrases of the sentence, longest first at each place, none inside a name or a title, none
    proposed or to come ("để bầu", "sẽ được bổ nhiệm")."""
    covered = {k for p in s.people for a, b in [(p.start, p.end), *((q.start, q.end) for q in p.posts)]
               for k in range(a, b)}
    toks, found, i = s.tokens, [], 0
    while i < len(toks):
        m = w.phrases.match(toks, i) if i not in covered else None
        if m is None:
            i += 1
            continue
        if w.lists["not_yet"].ending_at(toks, i) < 0:
            found.append(_Verb(i, m[0], m[1]))  # type: ignore[arg-type]
        opener = w.lists["openers"].match(toks, m[0])  # "được bổ nhiệm giữ chức": one phrase, not two
        i = opener[0] if opener else m[0]
    return found


def _skip(lex: Lexicon, w: Words, toks: list[Token], j: int) -> tuple[int, bool]:
    """Past aspect words, a colon and an opener ("giữ chức", "làm") after a phrase: where its object
    starts, and whether an opener was passed."""
    while j < len(toks) and (toks[j].text == ":" or lex.word_in(toks[j], "aspect_words")):
        j += 1
    m = w.lists["openers"].match(toks, j)
    return (m[0], True) if m else (j, False)


def _governed(lex: Lexicon, w: Words, s: Sentence, verb: _Verb, taken: set[int]) -> list[tuple[Post, str]]:
    """The posts the phrase governs, each with "start" or "end"."""
    toks, kind = s.tokens, verb.phrase.kind
    bound = "end" if kind == "end" else "start"
    j, opened = _skip(lex, w, toks, verb.end)
    out: list[tuple[Post, str]] = []
    direct = False
    for p in s.people:
        first = next((q for q in p.posts if q.start == j), None)
        # a title before its holder's name is taken only after an opener or with "đối với", "cho" before the
        # name ("bổ nhiệm Giám đốc Sở … đối với ông A"; not "phân công Thứ trưởng A đến hiện trường")
        if first is not None and (bound == "end" or opened or first.end > p.start or _marked(w, toks, first.end)):
            direct = True
            out += [(q, bound) for q in _chained(p, first, toks, s.people)]
    obj = None if direct else _object(lex, w, s, verb)
    if obj is not None:
        after = sorted((q for q in obj.posts if q.start >= obj.end), key=lambda q: q.start)
        new = [q for q in after if w.lists["openers"].ending_at(toks, q.start) >= obj.end and q.start not in taken]
        new = list({id(c): c for q in new for c in _chained(obj, q, toks, s.people)}.values())
        out += [(q, bound) for q in new]
        if kind == "move" or (kind == "end" and not new):
            out += [(q, "end") for q in after if all(q is not n for n in new) and _leaves(w, q)
                    and q.start not in taken]
    subject = _subject(lex, s, verb.start) if verb.phrase.subject else None
    if subject is not None and subject is not obj:
        held = [q for q in subject.posts if q.end <= verb.start]
        if kind == "move" or (kind == "end" and not direct and _ends_clause(w, toks, j)):
            out += [(q, "end") for q in held if _leaves(w, q)]
        elif kind == "start" and not direct and not opened and _ends_clause(w, toks, j):
            out += [(q, "start") for q in held if q.status != "former"]
    return out


def _chained(p: PersonMention, first: Post, toks: list[Token], people: list[PersonMention]) -> list[Post]:
    """The post and those of the same person written right after it, joined by a comma, "và" or "kiêm"
    ("thôi giữ chức Bí thư Đảng đoàn, Chủ tịch Hội …"), up to a title written before another name."""
    names = {o.start for o in people if o is not p}
    out, cur = [first], first
    for q in sorted(p.posts, key=lambda q: q.start):
        if q.end in names or q.end + 1 in names:
            break
        if q.start > cur.start and (q.start == cur.end or (
                q.start == cur.end + 1 and (toks[cur.end].text == "," or toks[cur.end].keys[:1] in _JOINS))):
            out.append(q)
            cur = q
    return out


_JOINS = (KEY_VA, KEY_KIEM)


def _marked(w: Words, toks: list[Token], j: int) -> bool:
    return w.lists["objects"].match(toks, j) is not None


def _leaves(w: Words, q: Post) -> bool:
    """May a move or a leaving written with the name end this post? Not one already left ("nguyên …"),
    nor a membership (data memberships)."""
    role = name_key(q.role)
    return q.status != "former" and not any(role == m or role.startswith(m + " ") for m in w.memberships)


def _object(lex: Lexicon, w: Words, s: Sentence, verb: _Verb) -> PersonMention | None:
    """The person right after the phrase ("điều động ông B", "cách chức đối với ông A")."""
    toks = s.tokens
    for p in sorted(s.people, key=lambda p: p.start):
        if p.ref or p.start < verb.end:
            continue
        h = lex.phrases["honorifics"].ending_at(toks, p.start)
        k = verb.end
        while k < len(toks) and toks[k].text == ":":
            k += 1
        if (m := w.lists["objects"].match(toks, k)) is not None:
            k = m[0]
        return p if k == (h if h >= 0 else p.start) else None
    return None


def _subject(lex: Lexicon, s: Sentence, at: int) -> PersonMention | None:
    """The person whose name (and the titles written with it) ends right before token `at`, past
    commas and aspect words ("Bà D, Giám đốc Sở Y tế, đã nghỉ hưu")."""
    best: tuple[int, PersonMention] | None = None
    for p in s.people:
        if p.end > at:
            continue
        last = max([p.end, *(q.end for q in p.posts if q.end <= at)])
        gap = s.tokens[last:at]
        if all(t.text in _DASHES or lex.word_in(t, "aspect_words") for t in gap) and (best is None or last > best[0]):
            best = (last, p)
    return best[1] if best else None


def _ends_clause(w: Words, toks: list[Token], j: int) -> bool:
    """Nothing governed after the phrase: the clause ends, or goes on with a date, a place or a reason."""
    return j >= len(toks) or not toks[j].is_word or w.lists["clause_tail"].match(toks, j) is not None


# -- dates ----------------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    r"(?P<lead>(?:(?:{parts})\s+(?:ngày\s+)?))?"
    rf"(?:(?P<d1>\d{{1,2}})\s+tháng\s+(?P<m1>\d{{1,2}})(?:,?\s+năm\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>\d{{1,2}})\s*[/.-]\s*(?P<m2>\d{{1,2}})(?:\s*[/.-]\s*(?P<y2>{_YEAR}))?(?![\d/])"
    rf"|tháng\s+(?P<m3>\d{{1,2}})\s*(?:[/.-]|,?\s+năm)\s*(?P<y3>{_YEAR})"
    rf"|năm\s+(?P<y4>{_YEAR})|(?P<y5>{_YEAR}))\b"
)


@cache
def _date_re() -> re.Pattern[str]:
    """_DATE with the words of a day's part that may lead a date (data/lexicon.yaml day_parts: "sáng",
    "chiều", "ngày" …)."""
    parts = sorted({w.lower() for w in lexicon().words["day_parts"]}, key=len, reverse=True)
    return re.compile(_DATE.replace("{parts}", "|".join(re.escape(w) for w in parts)), re.IGNORECASE)
# a year the sentence tells: "năm 2015", "tháng 6-2015", "12/5/2015" (not a term's "2021-2026")
_TOLD_YEAR = re.compile(rf"(?:năm\s+|tháng\s+\d{{1,2}}\s*[/.-]\s*|\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*)({_YEAR})\b",
                        re.IGNORECASE)


def _date(match: re.Match[str], year: int | None, bare: bool) -> str | None:
    """The ISO date (partial allowed) a match of _DATE writes; a day and month take `year`. `bare`: a
    year or a day/month with no word before it ("từ 2007", "từ 1/4") counts (after a cue)."""
    g = match.groupdict()
    if g["y4"] or (g["y5"] and bare):
        return g["y4"] or g["y5"]
    if g["m3"]:
        return f"{g['y3']}-{int(g['m3']):02d}" if 1 <= int(g["m3"]) <= 12 else None
    if (not g["d1"] and not g["d2"]) or (not bare and not g["lead"] and not g["d1"]):
        return None
    day, month, written = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
    y = int(written) if written else year
    return iso(int(day), int(month), y) if y is not None else None


def _clause(toks: list[Token], at: int) -> tuple[int, int]:
    """Token range of the clause around `at`: between semicolons."""
    start = next((k + 1 for k in range(at - 1, -1, -1) if toks[k].text == ";"), 0)
    end = next((k for k in range(at, len(toks)) if toks[k].text == ";"), len(toks))
    return start, end


def _props(w: Words, text: str, s: Sentence, verb: _Verb, post: Post, bound: str, upto: int,
           doc_date: str | None, year: int | None) -> dict[str, str]:
    toks = s.tokens
    first, last = _clause(toks, verb.start)
    report_year = int(doc_date[:4]) if doc_date else year
    # a cued date that opens the clause's part before the phrase ("Từ năm 2007, ông giữ chức …"), else
    # one after it ("… từ ngày 1/3/2024"; right after the post for a phrase that only says it is held)
    when = _opening_date(w, text, toks, first, verb.start, report_year, cued=True)
    if when is None:
        a, b = (post.end, min(post.end + 3, last)) if verb.phrase.dated_only else (verb.end, min(upto, last))
        when = _cued_date(w, text, toks, a, b, report_year)
    if when is None and not verb.phrase.dated_only:
        when = _opening_date(w, text, toks, first, verb.start, report_year, cued=False)
    if when is None:
        if verb.phrase.dated_only or _past(w, text, s, first, verb.start, doc_date):
            return {}  # a post only held, or a step of a past career: no date to give it
        when = doc_date
    props = {"change": verb.phrase.change}
    if when:
        props["since" if bound == "start" else "until"] = when
    return props


def _cued_date(w: Words, text: str, toks: list[Token], a: int, b: int, year: int | None) -> str | None:
    """The first date after a cue ("từ", "kể từ") in tokens [a, b)."""
    for k in range(a, b):
        m = w.lists["date_cues"].match(toks, k)
        if m is not None and m[0] < b:  # (the cue is in the range; the date may run past it)
            got = _date_re().match(text, toks[m[0]].start, toks[-1].end)
            if got is not None and (when := _date(got, year, bare=True)):
                return when
    return None


def _opening_date(w: Words, text: str, toks: list[Token], a: int, b: int, year: int | None,
                  cued: bool) -> str | None:
    """The last date in [a, b) that opens a comma-part ("Năm 2020, ông được bầu …", "Tới tháng 10/2020, …"),
    or stands in the clause's first part ("Trong cuộc họp ngày 2/3, …"); `cued`: only one after a cue."""
    found = None
    for k in range(a, b):
        opens = k == a or toks[k - 1].text in (",", "(")
        lead = w.lists["date_leads"].match(toks, k) if opens else None
        cue = w.lists["date_cues"].match(toks, k)
        at = cue[0] if cue else lead[0] if lead else k
        if at >= b or (cued and cue is None) or (not opens and not (k > a and _first_part(toks, a, k))):
            continue
        if w.lists["not_dates"].ending_at(toks, at) >= 0:
            continue  # "sinh năm 1970"
        got = _date_re().match(text, toks[at].start, toks[b - 1].end)
        if got is not None and (when := _date(got, year, bare=cue is not None)):
            found = when
    return found


def _first_part(toks: list[Token], a: int, k: int) -> bool:
    """Is token k in the clause's first comma-part, with a date word right before it ("ngày", "tháng")?"""
    return all(t.text != "," for t in toks[a:k]) and toks[k].is_word and toks[k].text.lower() in ("ngày", "tháng")


def _past(w: Words, text: str, s: Sentence, a: int, b: int, doc_date: str | None) -> bool:
    """Does the clause tell a past step ("từng", "trước đó"), or the sentence a year not the report's?"""
    if any(w.lists["past_words"].match(s.tokens, k) for k in range(a, b)):
        return True
    years = {m.group(1) for m in _TOLD_YEAR.finditer(text, s.start, s.end)}
    return bool(years - {doc_date[:4]}) if doc_date else bool(years)


def note_change(props: dict[str, Any], new: dict[str, Any]) -> None:
    """One report's props of a post stated in several places: the earliest start, the latest end;
    an end's change over a start's (the later news)."""
    if "since" in new:
        props["since"] = min(props.get("since", new["since"]), new["since"])
    if "until" in new:
        props["until"] = max(props.get("until", new["until"]), new["until"])
    if "until" in new or "change" not in props:
        props["change"] = new["change"]


def states_change(sentence: str) -> bool:
    """Whether a sentence has a phrase of data/tenure.yaml (to show the sentence that states a bound
    among the ones behind a post)."""
    from kg.extract.tokens import tokenize

    toks = tokenize(sentence, 0, len(sentence))
    matcher = words().phrases
    return any(matcher.match(toks, k) is not None for k in range(len(toks)))
