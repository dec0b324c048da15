"""Web pages (.html): the article's text, without navigation, scripts, forms or page chrome.

Why selectolax: a small, fast HTML5 parser (lexbor, C) with CSS selectors and no runtime
dependencies, pure offline; kg needs the DOM and a walk over it, not a browser.

The article is the first of `<article>`, `<main>`, `[role=main]` or a container whose class/id
says "content"/"article"; failing those, the `<body>` minus header, footer and navigation.
Block elements become line breaks so sentences from separate paragraphs never merge.
Title: og:title, else the article's `<h1>`, else `<title>`. Date: the published-time metadata
(`article:published_time`, `date`, `DC.date`, `<time datetime>`), else a dateline in the text.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from kg.sources.base import Parsed, SourceError
from kg.sources.decode import DecodeError, decode_bytes, fix_legacy_text, normalize_encoding_name
from kg.sources.meta import date_from_text, iso_date, title_from_text

_DROP = "script, style, noscript, template, nav, aside, form, iframe, svg, canvas, button, select, object"
_PAGE_CHROME = "header, footer"
_KEEP = frozenset(("html", "body", "article", "main"))
_JUNK_TOKENS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs sidebar share sharing social related "
    "comments comment advert advertisement ads banner cookie cookies popup modal subscribe".split()
)
_ARTICLE = (
    "article",
    "main",
    "[role=main]",
    "[itemprop=articleBody]",
    "#content",
    ".article-content",
    ".post-content",
    ".entry-content",
    ".content",
)
_BLOCK = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure "
    "footer h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody thead tfoot "
    "tr ul caption center".split()
)
_CELL = frozenset(("td", "th"))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_WS_IN_TEXT = re.compile(r"[\t\r\n\f]")
_LINE_SPACES = re.compile(r"[ \r\f\u00a0]+")
_CELL_GAP = re.compile(r" ?\t[ \t]*")


def read_html(data: bytes, encoding: str | None = None) -> Parsed:
    text_html, used = _decode(data, encoding)
    tree = LexborHTMLParser(text_html)
    title = _title(tree)
    date = _date(tree)
    root = _article_root(tree)
    if root is None:
        raise SourceError("no <body> or article text in this HTML page")
    text = _text_of(root)
    fixed, legacy = fix_legacy_text(text)  # pages typed in .VnTime/VNI fonts
    if legacy:
        text, used, title = fixed, legacy, fix_legacy_text(title)[0]
    url = _meta(tree, 'meta[property="og:url"]') or _link(tree, "canonical")
    return Parsed(
        text=text,
        encoding=used,
        title=title or title_from_text(text),
        date=date or date_from_text(text),
        url=url if url.lower().startswith(("http://", "https://")) else "",
        outlet=_meta(tree, 'meta[property="og:site_name"]')[:200],
    )


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Explicit encoding; else a BOM, or valid UTF-8 (sloppy sites declare Latin-1 and send
    UTF-8; the reverse never validates); else a <meta charset> that decodes; else detection."""
    if not encoding and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
            return decode_bytes(data, "utf-8")
        except UnicodeDecodeError:
            pass
        m = _CHARSET.search(data[:4096])
        if m:
            try:
                declared = normalize_encoding_name(m.group(1).decode("ascii"))
                return decode_bytes(data, declared)
            except DecodeError:
                pass  # a wrong declaration is common; fall back to detection
    return decode_bytes(data, encoding)


def _meta(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return ((node.attributes.get("content") or "") if node else "").strip()


def _link(tree: LexborHTMLParser, rel: str) -> str:
    node = tree.css_first(f'link[rel="{rel}"]')
    return ((node.attributes.get("href") or "") if node else "").strip()


def _title(tree: LexborHTMLParser) -> str:
    for candidate in (
        _meta(tree, 'meta[property="og:title"]'),
        _clean(tree.css_first("article h1").text()) if tree.css_first("article h1") else "",
        _clean(tree.css_first("h1").text()) if tree.css_first("h1") else "",
        _clean(tree.css_first("title").text()) if tree.css_first("title") else "",
    ):
        if candidate:
            return candidate[:300]
    return ""


def _date(tree: LexborHTMLParser) -> str | None:
    for selector in _DATE_META:
        found = iso_date(_meta(tree, selector))
        if found:
            return found
    for node in tree.css("time[datetime]"):
        found = iso_date(node.attributes.get("datetime") or "")
        if found:
            return found
    return None


def _is_junk(node: LexborNode) -> bool:
    attrs = node.attributes
    tokens = set(re.split(r"[\s_-]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
    return bool(tokens & _JUNK_TOKENS) or (attrs.get("role") or "") in ("navigation", "banner")


def _article_root(tree: LexborHTMLParser) -> LexborNode | None:
    _remove(tree.css(_DROP))
    _remove([n for n in tree.css("[class], [id], [role]") if n.tag not in _KEEP and _is_junk(n)])
    for selector in _ARTICLE:
        node = tree.css_first(selector)
        if node is not None and len(_clean(node.text())) >= 80:
            return node
    body = tree.body
    if body is not None:
        _remove(body.css(_PAGE_CHROME))
    return body


def _remove(nodes: list[LexborNode]) -> None:
    """Remove nodes from the tree, outermost only: removing a node frees its descendants, which
    must not be touched again."""
    chosen = {node.mem_id for node in nodes}
    for node in nodes:
        parent, nested = node.parent, False
        while parent is not None and not nested:
            nested = parent.mem_id in chosen
            parent = parent.parent
        if not nested:
            node.decompose()


def _text_of(root: LexborNode) -> str:
    parts: list[str] = []
    _walk(root, parts)
    lines = [_CELL_GAP.sub("\t", _LINE_SPACES.sub(" ", line)).strip() for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _walk(node: LexborNode, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(_WS_IN_TEXT.sub(" ", child.text_content or ""))
        elif tag == "br":
            parts.append("\n")
        elif tag == "pre":
            parts.append("\n" + (child.text(deep=True) or "") + "\n")
        elif tag in _CELL:
            _walk(child, parts)
            parts.append("\t")
        elif tag in _BLOCK:
            parts.append("\n")
            _walk(child, parts)
            parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")
        elif tag == "img":
            continue
        elif child.is_element_node:
            _walk(child, parts)


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()
