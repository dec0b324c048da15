"""Reading report files: text (NFC) plus what the file says about itself (DocumentInfo).

Formats: .txt, .md (plain.py), .html (html.py, selectolax), .docx (office.py, python-docx) and
text-layer .pdf (pdf.py, pypdf), chosen by extension (formats.py). Text encodings: UTF-8 with or
without BOM, UTF-16, Windows-1258, TCVN3 (ABC) and VNI, detected from the bytes (decode.py, with
viparse's tables), or forced with `encoding`. What was detected is DocumentInfo.encoding.
Title and date come from the format's metadata or the text's header (meta.py). Folders are
walked by discover.py.

Every way a file can be bad (missing, unreadable, a symlink loop, too large, empty, binary,
undecodable, corrupt, password-protected, no text layer) raises InputError naming the file and
the problem in one line, before anything is written anywhere. All libraries used are pure
Python or self-contained wheels and work offline.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from pathlib import Path

from kg.errors import InputError, KgError
from kg.model import DocumentInfo
from kg.sources.base import Parsed, SourceError
from kg.sources.decode import DecodeError, normalize_encoding_name
from kg.sources.discover import Discovery, discover
from kg.sources.formats import SUPPORTED, format_of, reader_for
from kg.sources.meta import host_of, source_from_text

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "DecodeError",
    "Discovery",
    "Parsed",
    "SourceError",
    "check_encoding",
    "discover",
    "format_of",
    "parse_bytes",
    "read_bytes",
    "read_document",
]

MAX_BYTES = 50 * 1024 * 1024  # a 50 MiB report is already ~10,000 pages of text


# a file written to in the last moment may still be being written (a copy in progress): it is
# read again once it has been still this long
_SETTLE_SECONDS = 0.1
_READS = 3


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, after checking it exists, is a readable regular file and not too large.

    A file is read whole or not at all: one that changes while it is read (its size or mtime
    differ before and after, or fewer bytes came than it had), or that was written to in the last
    tenth of a second, is read again once it has been still that long; one that keeps changing is
    an InputError ("still being written?"), never half a report."""
    p = str(path)
    seen = None  # (size, mtime) of the last read that was whole
    for attempt in range(_READS):
        data, changed, age, sig = _read_once(p, max_bytes)
        if not changed and (age >= _SETTLE_SECONDS or sig == seen):
            return data
        seen = None if changed else sig
        if attempt + 1 < _READS:
            time.sleep(_SETTLE_SECONDS)
    raise InputError(p, "changed while it was being read (is it still being written?); run again when it is complete")


def _read_once(p: str, max_bytes: int) -> tuple[bytes, bool, float, tuple[int, int]]:
    """(bytes, whether the file changed during the read, seconds since it was last written, its
    size and mtime)."""
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(p, "not a regular file")
        if st.st_size > max_bytes:
            raise InputError(p, f"too large ({_over(st.st_size, max_bytes)}); raise --max-size")
        if st.st_size == 0:
            if time.time() - st.st_mtime < _SETTLE_SECONDS:  # just truncated: being written
                return b"", True, 0.0, (0, st.st_mtime_ns)
            raise InputError(p, "empty file (0 bytes)")
        with open(p, "rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
            after = os.fstat(handle.fileno())
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(p):
            raise InputError(p, "broken symbolic link (its target does not exist)") from None
        raise InputError(p, _os_reason(exc)) from None
    if len(data) > max_bytes:
        raise InputError(p, f"too large (over the limit of {_mib(max_bytes)}); raise --max-size")
    changed = (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns) or len(data) != after.st_size
    return data, changed, time.time() - after.st_mtime, (after.st_size, after.st_mtime_ns)


def parse_bytes(data: bytes, path: str | Path, encoding: str | None = None) -> tuple[str, DocumentInfo]:
    """Read already-loaded file bytes as the format the path's extension names."""
    p = Path(path)
    fmt = format_of(p)
    if fmt is None:
        raise InputError(
            str(p), f"unsupported file type {p.suffix or '(none)'} (kg reads {' '.join(sorted(SUPPORTED))})"
        )
    if not data.strip():
        raise InputError(str(p), "empty file (only whitespace)")
    try:
        parsed = reader_for(fmt)(data, encoding)
    except SourceError as exc:
        raise InputError(str(p), str(exc)) from None
    except RecursionError:
        raise InputError(str(p), f"{fmt} structure nested too deeply to read") from None
    if not parsed.text.strip():
        raise InputError(str(p), "no text in the document")
    url, outlet = parsed.url, parsed.outlet
    if not (url and outlet):  # what the text states, where the format's metadata is silent
        stated_url, stated_outlet = source_from_text(parsed.text)
        url, outlet = url or stated_url, outlet or stated_outlet or host_of(url or stated_url)
    info = DocumentInfo(
        id=p.name,
        title=parsed.title,
        date=parsed.date,
        url=url,
        outlet=outlet,
        sha256=hashlib.sha256(data).hexdigest(),
        paths=[str(p)],
        encoding=parsed.encoding,
        format=fmt,
        size=len(data),
    )
    return parsed.text, info


def read_document(
    path: str | Path, encoding: str | None = None, *, max_bytes: int = MAX_BYTES
) -> tuple[str, DocumentInfo]:
    """Return (text, info) for one file, or raise InputError naming the file and the problem."""
    return parse_bytes(read_bytes(path, max_bytes), path, encoding)


def check_encoding(encoding: str | None) -> str | None:
    """Validate an --encoding value up front; the canonical name, or a KgError saying what exists."""
    if encoding is None:
        return None
    try:
        return normalize_encoding_name(encoding)
    except DecodeError as exc:
        raise KgError(str(exc)) from None


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (file is not readable)"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read ({exc.strerror or exc})"


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def _over(size: int, limit: int) -> str:
    """'size > limit', in MiB unless they round to the same figure (a file just over the limit)."""
    if _mib(size) != _mib(limit):
        return f"{_mib(size)} > limit {_mib(limit)}"
    return f"{size:,} bytes > limit {limit:,} bytes"
