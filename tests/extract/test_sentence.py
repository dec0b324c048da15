"""kg.extract.sentence: places found in a sentence (administrative units, home towns)."""

from __future__ import annotations

from tests.extract.conftest import names


def test_a_capitalized_unit_word_opens_an_address(run):
    x = run("Quê quán: Xã Hiệp Cường, huyện Kim Động, tỉnh Hưng Yên.")
    assert {"Hiệp Cường", "Kim Động", "Hưng Yên"} <= names(x, "Location")
    # a capitalized unit word that starts another word is none
    y = run("Xã hội ngày càng phát triển.")
    assert not names(y, "Location")


def test_a_district_named_bare_after_que_is_a_place(run):
    x = run("Ông Thái Thanh Quý sinh năm 1976, quê Yên Thành, Nghệ An.")
    assert {"Yên Thành", "Nghệ An"} <= names(x, "Location")
    # a bare district name without the cue is not taken for a place
    y = run("Ông Thái Thanh Quý gặp Yên Thành.")
    assert "Yên Thành" not in names(y, "Location")
