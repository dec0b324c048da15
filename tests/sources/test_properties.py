"""Property-based: arbitrary text and bytes through reading, normalization and extraction.

Whatever comes in, no exception but InputError escapes, every evidence offset lies within the
text and points at the text it quotes, and the output is valid JSONL that the store accepts
(relations only between entities of the same extraction).
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract import extract
from kg.model import DocumentInfo, Extraction
from kg.sources import parse_bytes
from kg.text import normalize
from tests.fixtures.make_fixtures import HTML, MD, NEWS, OFFICIAL, encode_cp1258, encode_tcvn3, encode_vni

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = LETTERS + LETTERS.upper() + '0123456789 .,;:!?()-–/"“”…\n\t\u00a0\u0300\u0301\u0303\u0309\u0323'
PHRASES = [
    "Bộ Chính trị",
    "Văn phòng Quốc hội",
    "VPQH",
    "Ủy ban nhân dân tỉnh Hà Nam",
    "Chủ tịch",
    "Phó Bí thư",
    "Nguyễn Xuân Đông",
    "ông",
    "bà",
    "Chỉ thị số 05-CT/TW",
    "Nghị quyết số 580",
    "ngày 15 tháng 7 năm 2019",
    "tại Hà Nội",
    "chủ trì hội nghị",
    "dự họp có",
    "thuộc",
    "của",
    ",",
    ".",
    ";",
    ":",
    "\n",
    "(",
    ")",
]
CORPUS = OFFICIAL + NEWS

texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.sampled_from(PHRASES), max_size=60).map(" ".join),
    st.tuples(st.integers(0, len(CORPUS)), st.integers(0, len(CORPUS))).map(lambda ab: CORPUS[min(ab) : max(ab)]),
)
DOC = "prop.txt"


def check_extraction(ex: Extraction) -> None:
    text = ex.text
    ids = {e.id for e in ex.entities}
    for item in [*ex.entities, *ex.relations]:
        for ev in item.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
            assert ev.doc == DOC
    for rel in ex.relations:
        assert {rel.source, rel.target} <= ids
    jsonl = ex.to_jsonl()
    lines = jsonl.split("\n")  # JSONL separates records by \n only (U+2028 etc. may stay raw)
    assert lines.pop() == "" and len(lines) == len(ex.entities) + len(ex.relations)
    for line in lines:
        record = json.loads(line)
        assert record["kind"] in ("entity", "relation") and record["id"]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_normalize_keeps_length_and_composes(text: str) -> None:
    out = normalize(text)
    assert len(out) == len(unicodedata.normalize("NFC", text))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_any_text(text: str) -> None:
    check_extraction(extract(text, DocumentInfo(id=DOC)))


byte_inputs = st.one_of(
    st.binary(max_size=600),
    texts.map(lambda t: t.encode("utf-8")),
    texts.map(lambda t: t.encode("utf-16")),
    st.sampled_from([encode_cp1258, encode_tcvn3, encode_vni]).flatmap(
        lambda enc: st.tuples(st.integers(0, len(OFFICIAL)), st.integers(0, len(OFFICIAL))).map(
            lambda ab: enc(OFFICIAL[min(ab) : max(ab)])
        )
    ),
    st.sampled_from([HTML.encode(), MD.encode()]).flatmap(
        lambda doc: st.integers(0, len(doc)).map(lambda cut: doc[:cut])  # truncated anywhere
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(byte_inputs, st.sampled_from(["prop.txt", "prop.md", "prop.html", "prop.docx", "prop.pdf"]))
def test_any_bytes_are_read_or_refused_cleanly(data: bytes, name: str) -> None:
    try:
        text, info = parse_bytes(data, name)
    except InputError as exc:
        assert exc.path == name and exc.problem and "\n" not in str(exc)
        return
    assert unicodedata.is_normalized("NFC", text) and text.strip()
    info.id = DOC
    check_extraction(extract(text, info))
