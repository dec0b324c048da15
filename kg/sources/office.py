"""Word reports (.docx): body paragraphs and tables in document order.

Why python-docx: the small, pure-Python reader of the OOXML format (lxml underneath), offline,
with access to core properties (title) and run fonts (legacy-encoding signal).

Bad files are told apart before python-docx sees them: an OLE2 compound file with an
"EncryptedPackage" stream is a password-protected document (Office encrypts OOXML into that
container); a truncated or corrupt archive fails the ZIP check; an archive without
word/document.xml is not a Word document; an archive that would inflate past a limit is refused
(a decompression bomb costs memory, not disk).

Old government documents are often typed in TCVN3 (`.VnTime`) or VNI (`VNI-Times`) fonts: the
run fonts name the encoding (viparse's font rule), else the text is scored as in decode.py.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from kg.sources.base import Parsed, SourceError
from kg.sources.decode import LEGACY, convert_office_text
from kg.sources.meta import date_from_text, title_from_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_INFLATED = 400 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, encoding: str | None = None) -> Parsed:
    """Text, title and date of a .docx; `encoding` may force a legacy font encoding (tcvn3, vni)."""
    _check_container(data)
    import docx  # imported here: python-docx pulls lxml, only needed for Word files

    try:
        document = docx.Document(io.BytesIO(data))
        blocks, fonts, styled_title = _blocks(document)
        props = document.core_properties
        prop_title = (props.title or "").strip()
    except SourceError:
        raise
    except Exception as exc:  # python-docx/lxml raise many types on malformed parts
        raise SourceError(f"corrupt Word document ({type(exc).__name__}: {_short(exc)})") from None
    text = "\n".join(blocks).strip()
    text, prop_title, legacy = convert_office_text(text, prop_title, fonts, encoding)
    return Parsed(
        text=text,
        encoding=legacy or "unicode",
        title=prop_title or _fix_title(styled_title, legacy) or title_from_text(text),
        date=date_from_text(text),
    )


def _check_container(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise SourceError("password-protected Word document (encrypted); remove the password and retry")
        raise SourceError("legacy Word 97-2003 (.doc) file named .docx; save it as .docx")
    if not data.startswith(b"PK"):
        raise SourceError("not a Word document (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            inflated = sum(info.file_size for info in archive.infolist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise SourceError(f"corrupt or truncated Word document (ZIP: {_short(exc)})") from None
    except Exception as exc:  # zlib.error and friends from a damaged member
        raise SourceError(f"corrupt or truncated Word document ({type(exc).__name__}: {_short(exc)})") from None
    if bad is not None:
        raise SourceError(f"corrupt Word document (damaged member {bad})")
    if "word/document.xml" not in names:
        raise SourceError("not a Word document (no word/document.xml in the archive)")
    if inflated > MAX_INFLATED:
        raise SourceError(f"Word document inflates to {inflated} bytes (limit {MAX_INFLATED}); refused")


def _blocks(document: Any) -> tuple[list[str], list[str], str]:
    """Paragraph texts (tables as tab-separated rows) in body order, the fonts used, and the
    first paragraph styled as a title ("Title", else "Heading 1")."""
    # Paragraph styles are read once from the styles XML into a table: python-docx's
    # paragraph.style and style.font search the styles part on every call, which cost more than
    # everything else in reading a report.
    styles: dict[str, tuple[str, str]] = {}
    default = ("", "")
    element = document.styles.element
    for style in element.xpath('w:style[@w:type="paragraph"]'):
        style_id = style.get(_W + "styleId") or ""
        name = (style.xpath("w:name/@w:val") or [""])[0]
        font = (style.xpath("w:rPr/w:rFonts/@w:ascii") or [""])[0]
        styles[style_id] = (str(name), str(font))
        if style.get(_W + "default") in ("1", "true"):
            default = styles[style_id]
    blocks: list[str] = []
    fonts: list[str] = [default[1]]
    titles: dict[str, str] = {}
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a Table
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                blocks.append("\t".join(cells))
            continue
        text = item.text
        blocks.append(text)
        style_name, style_font = styles.get(item._p.style or "", default)  # _p: the paragraph's XML
        fonts.append(style_font)
        if style_name in ("Title", "Heading 1") and text.strip():
            titles.setdefault(style_name, text.strip())
        fonts.extend(run.font.name for run in item.runs if run.font.name)
    return blocks, [f for f in fonts if f], titles.get("Title") or titles.get("Heading 1") or ""


def _fix_title(title: str, legacy: str | None) -> str:
    if legacy and title:
        from viparse.normalize.tables import convert

        return convert(title, LEGACY[legacy])
    return title


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
