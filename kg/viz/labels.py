"""What the page writes for an entity or a relation: short labels and user-facing properties.

The canvas shows short labels (an event's head, a long name cut at a word); the tooltip and the
details panel show the full name and only the properties listed in labels.yaml, by their labels.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from kg.model import Entity


@functools.cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(resources.files("kg.viz").joinpath("labels.yaml").read_text(encoding="utf-8"))


def short_label(entity: Entity, name: str | None = None) -> str:
    """The name drawn on the canvas (`name`, else the entity's): an event's head, any name cut at a word boundary."""
    name = " ".join((name or entity.name).split())
    data = _data()
    cut = False
    if entity.type == "Event":
        for end in data["event_head_ends"]:
            at = name.find(end)
            if at > 0 and len(name[:at].split()) >= 2:
                name = name[:at]
        words = name.strip(" ,:-–").split()
        cut = len(words) > data["event_words"]
        name = " ".join(words[: data["event_words"]])
    limit = data["label_chars"]
    if len(name) > limit:
        head = name[: limit - 1]
        name, cut = (head.rsplit(" ", 1)[0] if " " in head else head), True
    return name.rstrip(" ,:-–") + "…" if cut else name


def shown_props(props: dict[str, Any], kind: str) -> dict[str, str | int | float]:
    """`kind` is "entity" or "relation": the user-facing properties, labelled, in a fixed order."""
    labels: dict[str, str] = _data()[f"{kind}_props"]
    out: dict[str, str | int | float] = {}
    for key, label in labels.items():
        value = props.get(key)
        if value in (None, "", [], False):
            continue
        out[label] = "yes" if value is True else _scalar(value)
    return out


def _scalar(value: Any) -> str | int | float:
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    return str(value)
