import pytest

from kg.extract import extract
from kg.model import DocumentInfo, Extraction


@pytest.fixture
def run():
    def _run(text: str, doc_id: str = "t.txt") -> Extraction:
        return extract(text, DocumentInfo(id=doc_id))

    return _run


def names(x: Extraction, etype: str) -> set[str]:
    return {e.name for e in x.entities if e.type == etype}


def rels(x: Extraction, rtype: str) -> set[tuple]:
    by_id = {e.id: e.name for e in x.entities}
    return {(by_id[r.source], by_id[r.target], r.props.get("role")) for r in x.relations if r.type == rtype}
