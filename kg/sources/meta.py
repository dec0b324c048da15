"""A report's title, date and source, from what its text states (when the format has no metadata).

Official documents head their text with the document type on a line of its own ("BÁO CÁO",
"QUYẾT ĐỊNH", listed in data/document_types.txt) followed by the subject, and date themselves
on a short header line ("Hà Nội, ngày 28 tháng 8 năm 2019"). News-style reports open with a
headline and often a dateline ("Thứ 6, 21/03/2025 | 15:45"). Dates that appear in the body are
about events, not the report, so only short lines near the top are searched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from kg.resources import read_lines

_HEAD_LINES = 20  # how far down the header of a report reaches
_HEADER_LINE_MAX = 120  # a dateline is short; a body sentence with a date is not
_DATELINE_REST_MAX = 64  # what a dateline holds besides its date: a weekday, a time, a place, an outlet
_DATELINE_MARKS = " ,.;:|-–()"
_TITLE_MAX = 200
_DATE_VN = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_NUM = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])")
_DATE_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_NOT_A_HEADLINE_END = (".", ",", ";", ":")
_SUBJECT_STOP = re.compile(r"^(kính gửi|căn cứ|thực hiện|số\s*:)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _document_types() -> frozenset[str]:
    return frozenset(_fold(t) for t in read_lines("document_types.txt"))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _head(text: str, limit: int = _HEAD_LINES) -> list[str]:
    lines = []
    for line in text[:20000].splitlines():
        line = line.strip()
        if line:
            lines.append(line)
            if len(lines) >= limit:
                break
    return lines


def title_from_text(text: str) -> str:
    """The document-type heading and its subject, else a headline-like first line, else ""."""
    lines = _head(text, 40)
    types = _document_types()
    for i, line in enumerate(lines):
        if _fold(line) in types:
            subject = []
            for nxt in lines[i + 1 : i + 4]:
                if _SUBJECT_STOP.match(nxt) or _DATE_VN.search(nxt) or len(nxt) > _TITLE_MAX:
                    break
                subject.append(nxt)
                if len(" ".join(subject)) > _TITLE_MAX / 2:
                    break
            return " ".join([line, *subject])[:_TITLE_MAX].strip()
    if lines and len(lines[0]) <= _TITLE_MAX and not lines[0].endswith(_NOT_A_HEADLINE_END):
        return lines[0]
    return ""


def date_from_text(text: str) -> str | None:
    """ISO date stated on a short header line near the top, or None."""
    for line in _head(text):
        if len(line) > _HEADER_LINE_MAX:
            continue
        for pattern in (_DATE_VN, _DATE_NUM):
            # a dateline is little but its date ("Thứ 6, 21/03/2025 | 15:45", "Hà Nội, ngày 5 tháng 3 năm
            # 2024"); a sentence with a date in it tells of something else ("… sinh ngày 22/6/1973; quê …")
            rest = pattern.sub("", line).strip(_DATELINE_MARKS)
            if len(rest) > _DATELINE_REST_MAX or (len(rest) > 12 and (line.endswith(".") or ";" in line)):
                continue  # (a clause of a sentence: "Ông A sinh ngày 22/6/1973; quê …")
            for m in pattern.finditer(line):
                day, month, year = (int(g) for g in m.groups())
                found = _valid(year, month, day)
                if found:
                    return found
    return None


_SOURCE_LINE = re.compile(r"^\(?(?:nguồn|nguồn tin|url|link|source|theo)\s*[:：]\s*(.+?)\)?$"
                          r"|^\(?theo\s+([^,.;:]{2,60})\)?$", re.IGNORECASE)  # "(Theo TTXVN)": no clause after
_URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
_SOURCE_LINES = 8  # a source line heads or ends the text


def source_from_text(text: str) -> tuple[str, str]:
    """(url, outlet) a report states on a line of its own near its top or end: "Nguồn: Báo Dân trí",
    "URL: https://…", "Theo VnExpress", or a bare address; "" for what it does not state."""
    lines = [line.strip() for line in text[:4000].splitlines() if line.strip()][:_SOURCE_LINES]
    tail = [line.strip() for line in text[-4000:].splitlines() if line.strip()][-_SOURCE_LINES:]
    url = outlet = ""
    for line in [*lines, *reversed(tail)]:
        if len(line) > _HEADER_LINE_MAX:
            continue
        m = _SOURCE_LINE.match(line)
        value = (m.group(1) or m.group(2)).strip() if m else line if _URL.fullmatch(line) else ""
        if not value:
            continue
        found = _URL.search(value)
        url = url or (found.group().rstrip(".,;") if found else "")
        named = _URL.sub("", value).strip(" -–|()[]")
        outlet = outlet or (named if m and named else "")
        if url and outlet:
            break
    return url, outlet


def host_of(url: str) -> str:
    """"https://www.dantri.com.vn/x" -> "dantri.com.vn"."""
    m = re.match(r"https?://(?:www\.)?([^/:?#\s]+)", url, re.IGNORECASE)
    return m.group(1).lower() if m else ""


def iso_date(value: object) -> str | None:
    """ISO date from a metadata value: a datetime, "2019-08-28T…", "D:20190828…" (PDF), "28/8/2019"."""
    if isinstance(value, dt.datetime | dt.date):
        return _valid(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    s = value.strip().removeprefix("D:")
    m = _DATE_ISO.match(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_NUM.search(s) or _DATE_VN.search(s)
    if m:
        day, month, year = (int(g) for g in m.groups())
        return _valid(year, month, day)
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
