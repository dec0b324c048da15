"""Every fixture file yields what the fixture manifest says: its text, format, encoding, title,
date, or the one-line problem it is refused with."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources import read_document
from kg.sources.html import read_html
from kg.sources.plain import markdown_to_text
from tests.fixtures.make_fixtures import Expect, as_unprivileged, build, encode_cp1258, expectations

MANIFEST = expectations()
GOOD = [e for e in MANIFEST if e.ok]
BAD = [e for e in MANIFEST if not e.ok and not e.walk_only]


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fixtures")
    build(root)
    return root


@pytest.mark.parametrize("expect", GOOD, ids=lambda e: e.path)
def test_good_file_yields_its_text_and_metadata(fixture_dir: Path, expect: Expect) -> None:
    text, info = read_document(fixture_dir / expect.path)
    assert (info.format, info.encoding) == (expect.format, expect.encoding)
    assert info.title == expect.title
    assert info.date == expect.date
    for needle in expect.contains:
        assert needle in text
    for needle in expect.absent:
        assert needle not in text
    if expect.text is not None:
        assert text == expect.text
    assert info.id == Path(expect.path).name
    assert info.size == (fixture_dir / expect.path).stat().st_size
    assert len(info.sha256) == 64


@pytest.mark.parametrize("expect", BAD, ids=lambda e: e.path)
def test_bad_file_is_refused_with_one_line_naming_it(fixture_dir: Path, expect: Expect) -> None:
    path = fixture_dir / expect.path
    with as_unprivileged() if expect.needs_non_root else contextlib.nullcontext():
        with pytest.raises(InputError) as caught:
            read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expect.problem in caught.value.problem
    assert "\n" not in message


def test_size_limit_is_checked_before_reading(fixture_dir: Path) -> None:
    small = fixture_dir / "good" / "official-utf8.txt"
    with pytest.raises(InputError, match="too large"):
        read_document(small, max_bytes=100)
    assert read_document(small, max_bytes=small.stat().st_size)[0]


def test_encoding_override_is_recorded(fixture_dir: Path) -> None:
    text, info = read_document(fixture_dir / "good" / "official-vni.txt", "vni")
    assert info.encoding == "vni"
    assert "Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Xuân Đông" in text
    _, forced = read_document(fixture_dir / "good" / "official-vni.txt", "cp1258")
    assert forced.encoding == "cp1258"
    with pytest.raises(InputError, match="not valid utf-8"):
        read_document(fixture_dir / "good" / "official-vni.txt", "utf-8")


def test_html_without_article_uses_body_minus_page_chrome() -> None:
    page = (
        "<html><body><header>Cổng thông tin HEADER</header><nav>Trang chủ</nav>"
        "<div id='main-menu'>MENU<div class='share'><nav><script>x</script></nav></div></div>"
        "<div><h2>Tin mới</h2><p>Sáng 3/4, Bộ Tư pháp tổ chức hội nghị."
        "</p></div><footer>FOOTER</footer></body></html>"
    )
    parsed = read_html(page.encode())
    assert parsed.text == "Tin mới\n\nSáng 3/4, Bộ Tư pháp tổ chức hội nghị."
    assert parsed.title == "Tin mới"


def test_html_with_wrong_charset_declaration_falls_back_to_detection() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Bộ Tài chính họp.</p></body></html>'
    parsed = read_html(page.encode("utf-8"))
    assert (parsed.encoding, parsed.text) == ("utf-8", "Bộ Tài chính họp.")
    page = '<html><head><meta charset="utf-8"></head><body><p>Bộ Tài chính họp về ngân sách.</p></body></html>'
    parsed = read_html(encode_cp1258(page * 3))
    assert parsed.encoding == "cp1258"
    assert "Bộ Tài chính họp về ngân sách." in parsed.text


def test_markdown_keeps_words_drops_markup() -> None:
    text, heading = markdown_to_text(
        "Intro\n=====\n\n## Mục 1\n\n> Trích: **Nghị quyết** số `12`\n\n```\ncode kept\n```\n\n---\n"
        "[ref]: https://example.org\n![ảnh](x.png) xem _thêm_ tại <https://a.vn>"
    )
    assert heading == "Intro"
    assert text == "Intro\n\nMục 1\n\nTrích: Nghị quyết số 12\n\ncode kept\n\nảnh xem thêm tại https://a.vn"


@pytest.mark.parametrize(("size", "limit", "shown"), [
    (50 * 1024 * 1024 + 1, 50 * 1024 * 1024, "52,428,801 bytes > limit 52,428,800 bytes"),
    (60 * 1024 * 1024, 50 * 1024 * 1024, "60.0 MiB > limit 50.0 MiB"),
    (101, 100, "101 bytes > limit 100 bytes"),
])
def test_too_large_names_sizes_that_differ(tmp_path: Path, size: int, limit: int, shown: str) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: no disk used
    with pytest.raises(InputError) as caught:
        read_document(path, max_bytes=limit)
    assert caught.value.problem == f"too large ({shown}); raise --max-size"
