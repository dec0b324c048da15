"""Per-target load state: what a target holds, what to send next, saved atomically, one load at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.backends.state import LoadState, row_hash
from kg.errors import BackendError


def test_row_hash_ignores_key_order_and_sees_any_change():
    assert row_hash({"a": 1, "b": ["x"]}) == row_hash({"b": ["x"], "a": 1})
    assert row_hash({"a": 1, "b": ["x"]}) != row_hash({"a": 1, "b": ["x", "y"]})
    assert row_hash({"a": "1"}) != row_hash({"a": 1})


def test_plan_sends_new_and_changed_items_and_deletes_gone_ones(tmp_path: Path):
    state = LoadState.open(tmp_path, "t", "m")
    state.record("nodes", [("a", "Person", "h1"), ("b", "Person", "h2"), ("c", "Event", "h3")])
    plan = state.plan("nodes", {"a": ("Person", "h1"), "b": ("Person", "CHANGED"), "d": ("Event", "h4")})
    assert sorted(plan.send) == ["b", "d"]
    assert plan.delete == [("c", "Event")]
    assert plan.unchanged == 1
    state.close()


def test_an_item_under_a_new_label_is_deleted_from_the_old_one_and_sent(tmp_path: Path):
    state = LoadState.open(tmp_path, "t", "m")
    state.record("nodes", [("a", "Person", "h1")])
    plan = state.plan("nodes", {"a": ("Organization", "h1")})
    assert plan.send == ["a"] and plan.delete == [("a", "Person")]
    state.close()


def test_resend_sends_everything_but_still_deletes_what_is_gone(tmp_path: Path):
    state = LoadState.open(tmp_path, "t", "m")
    state.record("nodes", [("a", "Person", "h1"), ("gone", "Person", "h2")])
    plan = state.plan("nodes", {"a": ("Person", "h1")}, resend=True)
    assert plan.send == ["a"] and plan.unchanged == 0 and plan.delete == [("gone", "Person")]
    state.close()


def test_state_survives_a_reopen_and_is_per_target_and_per_mapping(tmp_path: Path):
    state = LoadState.open(tmp_path, "neo4j h:1/db", "m1")
    state.record("nodes", [("a", "Person", "h1")])
    state.forget("nodes", ["nothing"])
    state.close()

    def reopened(target: str, mapping: str) -> LoadState:
        again = LoadState.open(tmp_path, target, mapping)
        again.close()
        return again

    assert reopened("neo4j h:1/db", "m1").counts("nodes") == {"Person": 1}
    assert reopened("neo4j h:1/other", "m1").empty  # another target
    assert reopened("neo4j h:1/db", "m2").empty  # written by another mapping: full load
    files = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".json")
    assert len(files) == 1 and json.loads((tmp_path / files[0]).read_text())["target"] == "neo4j h:1/db"


def test_an_unreadable_state_means_a_full_load(tmp_path: Path):
    state = LoadState.open(tmp_path, "t", "m")
    state.record("nodes", [("a", "Person", "h1")])
    state.close()
    path = next(tmp_path.glob("*.json"))
    path.write_text("{ truncated", encoding="utf-8")
    again = LoadState.open(tmp_path, "t", "m")
    assert again.empty
    again.close()


def test_without_a_state_dir_nothing_is_remembered():
    state = LoadState.open(None, "t", "m")
    state.record("nodes", [("a", "Person", "h1")])
    state.close()
    assert LoadState.open(None, "t", "m").empty


def test_one_load_per_target_at_a_time(tmp_path: Path):
    first = LoadState.open(tmp_path, "target", "m")
    with pytest.raises(BackendError, match="another load to target is running"):
        LoadState.open(tmp_path, "target", "m")
    LoadState.open(tmp_path, "another target", "m").close()  # other targets are free
    first.close()
    LoadState.open(tmp_path, "target", "m").close()


def test_save_leaves_no_temporary_files(tmp_path: Path):
    state = LoadState.open(tmp_path, "t", "m")
    state.record("edges", [(str(i), "PART_OF", "h") for i in range(1000)])
    state.close()
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json", ".lock"]
