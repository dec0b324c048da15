"""Reading report files into normalized-ready text plus what the file says about itself.

Minimal reader: UTF-8 / UTF-16 text files, with the bad-input checks. (Formats and legacy
encodings are extended here; see issue 6.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import InputError
from kg.model import DocumentInfo

MAX_BYTES = 50 * 1024 * 1024


def read_document(path: str | Path, encoding: str | None = None) -> tuple[str, DocumentInfo]:
    """Return (text, info) for one file, or raise InputError naming the file and the problem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(str(p), "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(str(p), f"too large ({len(data)} bytes > {MAX_BYTES})")
    if encoding is None:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        elif b"\x00" in data[:4096]:
            raise InputError(str(p), "binary file, not text")
        else:
            encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(str(p), f"cannot be decoded as {encoding} ({exc.__class__.__name__})") from None
    info = DocumentInfo(
        id=p.name,
        sha256=hashlib.sha256(data).hexdigest(),
        paths=[str(p)],
        encoding=encoding.replace("-sig", ""),
        format="txt",
        size=len(data),
    )
    return text, info
