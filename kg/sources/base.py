"""What every format reader returns, and the error it raises for a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass


class SourceError(ValueError):
    """A file's content cannot be read as a report; the message says why (without the path)."""


@dataclass
class Parsed:
    """A file's text (NFC) and what the file states about itself."""

    text: str
    encoding: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    url: str = ""  # where the report was published, when the file says
    outlet: str = ""  # who published it (a news site, an agency), when the file says
