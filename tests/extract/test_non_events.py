"""What is held but is no meeting: holidays, operations, exams (kg/extract/meeting.py)."""

import pytest

from tests.extract.conftest import names


@pytest.mark.parametrize("text", [
    "Thủ tướng chốt nghỉ 5 ngày dịp lễ 30-4 và 1-5\n\nVăn phòng Chính phủ vừa có văn bản về đề xuất nghỉ 5 ngày "
    "liên tục dịp lễ 30-4 và 1-5 của Bộ Lao động - Thương binh và Xã hội.",
    "Tai nạn giao thông giảm\n\nChiều 8/2, Ủy ban An toàn giao thông Quốc gia thông báo tình hình sau 7 ngày nghỉ lễ.",
    "Phong tỏa thôn Hoàng Xá\n\nSáng 30/4, ông Nguyễn Văn Chuyên cho biết, tối 29/4, huyện đã tiến hành phong "
    "tỏa, phun khử khuẩn toàn bộ thôn Hoàng Xá.",
    "Bổ nhiệm cán bộ trẻ\n\nChiều 26/10, bà Nguyễn Thị Lan cho rằng công tác cán bộ có tổ chức thi tuyển, đào tạo.",
])
def test_a_holiday_an_operation_or_an_exam_is_no_event(run, text):
    assert not names(run(text), "Event")


def test_an_occasions_ceremony_is_still_an_event(run):
    x = run("Nhân dịp Lễ kỷ niệm 70 năm ngày thành lập, Bộ trưởng Nguyễn Văn An đến thăm.")
    assert "Lễ kỷ niệm 70 năm ngày thành lập" in names(x, "Event")


def test_a_counted_noun_in_the_headline_is_no_verb_of_an_event(run):
    # "tổ chức" after a number or a plural word is "organizations", not "to hold"
    x = run("Quân đội đã điều chỉnh trên 5.000 tổ chức\n25/02/2026\n\n"
            "Quân đội nhân dân Việt Nam đã điều chỉnh trên 5.000 tổ chức, ưu tiên quân số cho các đơn vị.")
    assert [e.name for e in x.entities if e.type == "Event"] == []
