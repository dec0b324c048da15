"""Title and date from what a report's text states."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.sources.meta import date_from_text, iso_date, title_from_text


def test_document_type_heading_and_subject_make_the_title() -> None:
    text = (
        "BỘ NỘI VỤ\nSố: 12/QĐ-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 3 tháng 2 năm 2021\n\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nCăn cứ Nghị định số 34/2017/NĐ-CP;\n"
    )
    assert title_from_text(text) == "QUYẾT ĐỊNH Về việc thành lập Tổ công tác"
    assert date_from_text(text) == "2021-02-03"


def test_headline_is_the_title_unless_it_is_a_sentence() -> None:
    assert title_from_text("Thủ tướng gặp các nữ đại biểu Quốc hội\nThủ tướng Nguyễn Tấn Dũng...") == (
        "Thủ tướng gặp các nữ đại biểu Quốc hội"
    )
    assert title_from_text("Chiều 27/4, Quốc hội họp phiên bế mạc.\nNội dung...") == ""
    assert title_from_text("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tin tức\nThứ 6, 21/03/2025 | 15:45\nSáng 21/3, ...", "2025-03-21"),
        ("Tiêu đề\n28.08.2019\nNội dung", "2019-08-28"),
        ("Tiêu đề\nCập nhật 5-1-2020\n", "2020-01-05"),
        ("Tiêu đề\n31/02/2020\n", None),  # no such day
        ("Sáng 28.8, tại Nhà Quốc hội...", None),  # no year: not a full date
        (
            "Tiêu đề\nKỳ họp dự kiến khai mạc vào thứ ba, ngày 20/7 và bế mạc vào ngày 3/8/2021, sau khi "
            "Quốc hội hoàn thành chương trình làm việc với nhiều nội dung quan trọng.\n",
            None,  # an event date inside a body sentence is not the report's date
        ),
        # a short sentence is no dateline either: a birth, a decision's date, a deadline
        ("Tiêu đề\n\nÔng Hầu A Lềnh sinh ngày 22/6/1973; quê quán xã Tả Van.\n", None),
        ("Tiêu đề\nNgày 17/12/2017, Ban Bí thư quyết định cách tất cả chức vụ trong Đảng của ông A.\n", None),
        ("Tiêu đề\nCập nhật lúc 08:30 ngày 21/03/2025 (GMT+7) - Báo Điện tử Chính phủ\nNội dung", "2025-03-21"),
        ("CHÍNH PHỦ\nHà Nội, ngày 15 tháng 8 năm 2024\nQUYẾT ĐỊNH", "2024-08-15"),
    ],
)
def test_date_from_header_lines_only(text: str, expected: str | None) -> None:
    assert date_from_text(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-12-28T08:00:00+07:00", "2020-12-28"),
        ("D:20190828093000+07'00'", "2019-08-28"),
        ("28/8/2019", "2019-08-28"),
        (dt.date(2021, 5, 1), "2021-05-01"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_iso_date_from_metadata(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected
