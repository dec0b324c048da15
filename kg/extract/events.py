"""Dates and the report's main event: its name, date, venue."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.lexicon import lexicon
from kg.extract.tokens import word_key
from kg.text import name_key

if TYPE_CHECKING:
    from kg.extract.sentence import Sentence

_FULL_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b(?:năm(?: học| tài chính)?|(?:tháng|quý) (?:\d{1,2}|[IV]{1,3})\s*[/.-])\s*((?:19|20)\d{2})\b")
# a date right after a document number is the document's date, not the report's
_CITED = re.compile(r"\d+(?:[/-][\wĐđ&.]+)+\s*,?\s*(?:ban hành\s*)?ngày\s*$")
_HORIZON = re.compile(r"(?:đến|tới|tầm nhìn|sau)\s*$")
_YEAR_WORD = re.compile(r"\s*năm\s*$")
_DAY_DATE = re.compile(
    r"\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Nn]gày|[Hh]ôm)(?: nay)?,?\s+\(?"
    r"(?:(\d{1,2})\s*[-–]\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*((?:19|20)\d{2}))?\b"
)


def iso(day: int, month: int, year: int) -> str | None:
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def document_date(text: str) -> str | None:
    """A date stated in the first lines (a dateline such as "Thứ 6, 21/03/2025 | 15:45")."""
    # a dateline is a short line of its own; dates inside sentences belong to what they describe
    head = "\n".join(ln for ln in text.split("\n")[:3] if len(ln) <= 60)
    for m in _FULL_DATE.finditer(head):
        d = iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    return None


def _best(years: Counter[int]) -> int | None:
    """The commonest year; among equals the latest (a report is written after what it cites)."""
    return max(years, key=lambda y: (years[y], y)) if years else None


def infer_year(text: str, doc_date: str | None) -> int | None:
    """The report's year: its dateline, else the first year of the term a congress or first session
    in its lead opens, else the commonest year of full dates that are not the dates of cited
    documents ("Nghị quyết số 57-NQ/TW ngày 22-12-2024"), else of "năm YYYY" (not "đến năm 2030",
    nor a year of quoted history: a birth, a start, a cited document's "Nghị quyết 16 năm 2012"),
    else none: a year only of cited documents or history dates nothing the report tells
    (GUIDELINES.md, Dates)."""
    if doc_date:
        return int(doc_date[:4])
    opening = _term_opened(text)
    if opening is not None:
        return opening
    own = Counter(int(m.group(3)) for m in _FULL_DATE.finditer(text) if not _cited_before(text, m.start())
                  and not _born(text, m.start()))
    if own:
        return _best(own)
    told = [m for m in _YEAR.finditer(text) if not _after_horizon(text, m.start()) and not _history(text, m.start())]
    best = _best(Counter(int(m.group(1)) - _planned(text, m.start()) for m in told))
    # a report is written after the months it tells of ("Đến tháng 3/2019, Bộ Công an … mới có kết luận", in a
    # report that names "kỳ thi năm 2018" more often)
    months = [int(m.group(1)) for m in told if m.group(0).startswith(("tháng", "quý"))]
    return max(best, *months) if best is not None and months else best


_NUMBERED = re.compile(r"(?<!thứ )(?:số\s*)?\d+[\w/.-]*\s*$")


def _history(text: str, at: int) -> bool:
    """Is the "năm YYYY" at `at` a year of quoted history: a birth or a start ("sinh năm 1966", "từ năm
    2017"; data history_year_cues) or a cited document's ("Thông tư số 127 năm 2015")?"""
    before = text[max(0, at - 24) : at]
    words = before.lower().split()
    return bool(_NUMBERED.search(before)) or bool(words and words[-1] in lexicon().words["history_year_cues"])


def _born(text: str, at: int) -> bool:
    """Is the full date at `at` one of quoted history: a birth or a start ("sinh ngày 22/6/1973"; data
    history_year_cues, the word before "ngày")?"""
    words = text[max(0, at - 24) : at].lower().split()
    if words and words[-1] == "ngày":
        words = words[:-1]
    return bool(words) and words[-1] in lexicon().words["history_year_cues"]


def _planned(text: str, at: int) -> int:
    """1 when "năm YYYY" at `at` is the year of a plan adopted the year before ("Chương trình giám sát
    của Quốc hội năm 2020", "dự toán ngân sách năm 2016"; data plan_year_words), else 0."""
    before = text[max(0, at - 60) : at].lower()
    before = re.split(r"[.;\n]", before)[-1]
    words = before.split()
    # (or a year something is planned for: "giải pháp cụ thể cho năm 2019"; data plan_year_last_words)
    return int(any(w in before for w in lexicon().words["plan_year_words"]) or bool(
        words and words[-1] in lexicon().words["plan_year_last_words"]))


_TERM = re.compile(r"nhiệm k[ỳì]\s*((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}")


def _term_opened(text: str) -> int | None:
    """"Đại hội … nhiệm kỳ 2017-2022", "kỳ họp thứ nhất … nhiệm kỳ 2016-2021" near the report's start:
    a congress or first session opens its term, so the report's year is the term's first (data
    term_openings)."""
    openings = lexicon().words["term_openings"]
    for term in _TERM.finditer(text, 0, 1500):
        # the congress or session named close to the term, in the same paragraph
        near = (text[max(0, term.start() - 250) : term.start()].rsplit("\n", 1)[-1] + "\n"
                + text[term.end() : term.end() + 60].split("\n", 1)[0]).lower()
        if any(w in near for w in openings):
            return int(term.group(1))
    return None


def _cited_before(text: str, at: int) -> bool:
    """Does a cited document's number and "ngày" end at `at` ("số 57-NQ/TW ngày …")? Only the
    stretch just before is read: searching from the start of the text made long reports slow."""
    return _CITED.search(text, max(0, at - 120), at) is not None


def _after_horizon(text: str, at: int) -> bool:
    """Is the year written at `at` a horizon ("đến năm 2030", "tầm nhìn 2045"), not a date?"""
    return _HORIZON.search(_YEAR_WORD.sub("", text[max(0, at - 16) : at])) is not None


@dataclass
class DateMention:
    start: int
    end: int
    iso: str


_LIST_DATE = re.compile(r"\b[Nn]gày\s+(\d{1,2})\s*(?:và|,|-|–|đến)\s*\d{1,2}\s*[/.-]\s*(\d{1,2})"
                        r"(?:\s*[/.-]\s*((?:19|20)\d{2}))?")


def dates_in(text: str, start: int, end: int, year: int | None) -> list[DateMention]:
    """Dates of events in text[start:end]: "Sáng 28.8", "ngày 25 và 26/7/2024", "Chiều 14-3"."""
    out: list[DateMention] = []
    for m in _LIST_DATE.finditer(text, start, end):
        y = int(m.group(3)) if m.group(3) else year
        d = iso(int(m.group(1)), int(m.group(2)), y) if y else None
        if d:
            out.append(DateMention(m.start(), m.end(), d))
    for m in _DAY_DATE.finditer(text, start, end):
        first, day, month, written_year = m.groups()
        y = int(written_year) if written_year else year
        if y is None or (first is None and _bound_before(text, m.start())):
            continue
        # a span of days ("từ ngày 18-20/8") is dated by its first day
        d = iso(int(first or day), int(month), y)
        if d and not any(o.start <= m.start() < o.end for o in out) and not _cited_before(text, m.start() + 5):
            out.append(DateMention(m.start(), m.end(), d))
    return sorted(out, key=lambda d: d.start)


def own_date(text: str, lead: Sentence, noun_at: int, year: int | None, doc_date: str | None) -> list:
    """"Ngày 26/4, UBKT … thông tin về kết quả kỳ họp thứ 6 …; tại kỳ họp ngày 23/4, …": a lead that
    reports a meeting's results is dated by the report; the meeting by the date the report gives it
    ("kỳ họp ngày 23/4")."""
    if noun_at < 0:
        return []
    noun = lead.tokens[noun_at]
    if lexicon().phrases["results_cues"].ending_at(lead.tokens, noun_at) < 0:
        return []
    words = text[noun.start : lead.tokens[min(noun_at + 1, len(lead.tokens) - 1)].end].lower()
    found = re.compile(re.escape(words) + r"(?:\s+này)?\s*,?\s+(?=ngày\s+\d)").search(text, lead.end)
    if found is None:
        return []
    dated = [d for d in dates_in(text, found.end(), found.end() + 20, year) if not doc_date or d.iso <= doc_date]
    return dated[:1]


def held_sentence(lex, text: str, body: list[Sentence], lead: Sentence, name: str, year: int | None):
    """"Ngày 1/5, … ban hành văn bản về … Kỳ họp bất thường lần thứ 7 …; Kỳ họp … sẽ diễn ra trong buổi
    chiều ngày 2/5 tại Nhà Quốc hội": a sentence soon after the lead that says when and where the
    event named by the lead takes place (its first words, a verb of taking place, a date)."""
    words = name_key(name).split()[:4]
    if len(words) < 3:
        return None
    opening = " ".join(words)
    verbs = lex.phrases["taking_place_verbs"]
    for s in body[body.index(lead) + 1 : body.index(lead) + 5] if lead in body else ():
        if opening in name_key(text[s.start : s.end]) and s.has_phrase(verbs) >= 0 and dates_in(
                text, s.start, s.end, year):
            return s
    return None


def announced(lead: Sentence, dates: list) -> list:
    """"Người phát ngôn … chiều 15/8 cho biết, … sẽ thăm … từ ngày 18-20/8": a lead that announces what
    will happen dates the announcement first; the event is dated after "sẽ" (will)."""
    future = lexicon().wordset("future_markers")
    will = next((t.start for t in lead.tokens if t.keys[:1] and t.keys[0] in future), None)
    later = [d for d in dates if will is not None and d.start > will]
    return later or dates


RECENT_DAYS = 7  # a report tells of its meeting within about a week (a later sentence's older date recalls another)


def in_report_week(iso_date: str, doc_date: str | None) -> bool:
    """Is a date on, or within RECENT_DAYS before, the report's date (any date, with no report date)?"""
    if not doc_date:
        return True
    try:
        gap = (date.fromisoformat(doc_date[:10]) - date.fromisoformat(iso_date[:10])).days
    except ValueError:
        return iso_date <= doc_date
    return 0 <= gap <= RECENT_DAYS


def _bound_before(text: str, at: int) -> bool:
    """"(kể) từ ngày 6/11", "đến ngày 30/6" (data: date_bounds): a date when something takes effect
    or is due, not when it happened."""
    words = text[max(0, at - 8) : at].split()
    return bool(words) and word_key(words[-1]) in lexicon().wordset("date_bounds")
