"""PDF reports with a text layer (.pdf). Scanned images are refused: kg does no OCR.

Why pypdf: pure Python, no system libraries, reads text layers through ToUnicode maps, opens
RC4-encrypted files that have no user password, and reports damage as exceptions we can name.

PDFs made from `.VnTime`/`VNI-Times` documents carry legacy font bytes as text; the font names
(viparse's rule) or a content score (decode.py) select the conversion.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from kg.sources.base import Parsed, SourceError
from kg.sources.decode import convert_office_text
from kg.sources.meta import date_from_text, title_from_text

_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint) - |untitled\b|document\d*$)", re.IGNORECASE)
_FILE_SUFFIX = re.compile(r"\.(docx?|pdf|rtf|odt|txt)$", re.IGNORECASE)


def read_pdf(data: bytes, encoding: str | None = None) -> Parsed:
    """Text (pages separated by a blank line), title and date of a text-layer PDF."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SourceError("not a PDF (no %PDF header)")
    from pypdf import PdfReader  # pypdf is only needed for PDFs

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair warnings are not the user's
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _open_encrypted(reader)
        pages = list(reader.pages)
    except SourceError:
        raise
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError... on damage
        raise SourceError(f"corrupt or truncated PDF ({_short(exc)})") from None
    if not pages:
        raise SourceError("PDF has no pages (corrupt or truncated)")
    texts: list[str] = []
    fonts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").strip())
            fonts.extend(_fonts(page))
        except Exception as exc:
            raise SourceError(f"PDF page {number} of {len(pages)} cannot be read ({_short(exc)})") from None
    text = "\n\n".join(t for t in texts if t)
    if not text.strip():
        raise SourceError(f"PDF has no text layer ({len(pages)} page(s) of images?); kg does not do OCR")
    title = _meta_title(reader)
    text, title, legacy = convert_office_text(text, title, fonts, encoding)
    return Parsed(
        text=text,
        encoding=legacy or "unicode",
        title=title or title_from_text(text),
        date=date_from_text(text),
    )


def _open_encrypted(reader: Any) -> None:
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")  # owner-password-only files open with an empty user password
    except Exception as exc:
        raise SourceError(f"encrypted PDF that cannot be opened ({_short(exc)})") from None
    if not opened:
        raise SourceError("password-protected PDF; remove the password and retry")


def _fonts(page: Any) -> list[str]:
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    if fonts is None:
        return []
    names = []
    for ref in fonts.get_object().values():
        base = ref.get_object().get("/BaseFont")
        if base:
            names.append(str(base).lstrip("/"))
    return names


def _meta_title(reader: Any) -> str:
    try:
        meta = reader.metadata
        title = str(meta.title or "").strip() if meta else ""
    except Exception:
        return ""  # damaged Info dictionary: the text still serves
    title = _JUNK_TITLE.sub("", title).strip() if not _JUNK_TITLE.fullmatch(title) else ""
    if not title or _FILE_SUFFIX.search(title):
        return ""
    return title


def _short(exc: BaseException) -> str:
    message = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
