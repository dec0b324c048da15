"""ISO dates as the time work reads them (kg changes, kg timeline --at, the "as of a date" queries):
YYYY, YYYY-MM or YYYY-MM-DD, where a partial date is the interval of its days ("2024" is
2024-01-01 … 2024-12-31). A date stated in a report is often partial ("từ tháng 3/2024"), so every
comparison is between intervals: two dates meet when their intervals overlap."""

from __future__ import annotations

import calendar
import datetime
import re

from kg.errors import DateError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def interval(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of an ISO date, partial allowed: "2024" is 2024-01-01 … 2024-12-31."""
    m = _ISO.match(text.strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if day:
            one = datetime.date(year, int(month), int(day))
            return one, one
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return datetime.date(year, int(month), 1), datetime.date(year, int(month), last)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        raise DateError(f"{text!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD") from None


def before(day: str | None, other: str | None) -> bool:
    """Whether `day` is earlier than `other`, compared at the precision of the shorter (partial dates
    "2024", "2024-03" are the interval of their days: neither is before a day inside them)."""
    if not day or not other:
        return False
    n = min(len(day), len(other))
    return day[:n] < other[:n]


def shows_held(date: str, props: dict) -> bool:
    """Whether a report dated `date` shows the post of a relation row with `props` held on that day:
    not when it calls it former ("nguyên …"), nor when it states an end before its own date (a
    report of a departure, "thôi giữ chức … từ ngày …", tells it was held until then, not now)."""
    until = props.get("until")
    return bool(date) and not props.get("former") and not (until and before(str(until), date))
