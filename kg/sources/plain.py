"""Plain text (.txt) and Markdown (.md) reports.

Markdown is reduced to its text with a few regular expressions (headings, emphasis, links,
images, code marks, HTML tags): kg needs the words, not a rendering, so no Markdown library.
YAML front matter (`title:`, `date:`) is read with PyYAML, already a kg dependency.
"""

from __future__ import annotations

import re

import yaml

from kg.sources.base import Parsed
from kg.sources.decode import decode_bytes
from kg.sources.meta import date_from_text, iso_date, title_from_text


def read_txt(data: bytes, encoding: str | None = None) -> Parsed:
    text, used = decode_bytes(data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Parsed(text=text, encoding=used, title=title_from_text(text), date=date_from_text(text))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s+\S+.*$")
_QUOTE = re.compile(r"^[ ]{0,3}(>[ ]?)+")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
]


def read_md(data: bytes, encoding: str | None = None) -> Parsed:
    source, used = decode_bytes(data, encoding)
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, object] = {}
    m = _FRONT_MATTER.match(source)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
            source = source[m.end() :]
    text, heading = markdown_to_text(source)
    title = str(meta.get("title") or "").strip() or heading or title_from_text(text)
    date = iso_date(meta.get("date")) or date_from_text(text)
    return Parsed(text=text, encoding=used, title=title, date=date)


def markdown_to_text(source: str) -> tuple[str, str]:
    """The text of a Markdown document and its first level-1 (else first) heading."""
    out: list[str] = []
    headings: list[tuple[int, str]] = []
    in_fence = False
    for line in source.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        atx = _ATX.match(line)
        if atx:
            text = _inline(atx.group(2))
            headings.append((len(atx.group(1)), text))
            out.append(text)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            headings.append((1 if line.strip().startswith("=") else 2, out[-1].strip()))
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            out.append("")
            continue
        out.append(_inline(_QUOTE.sub("", line)))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    top = [h for level, h in headings if level == 1] or [h for _, h in headings]
    return text, (top[0] if top else "")


def _inline(line: str) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return line
