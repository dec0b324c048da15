"""Registries by name, so that the CLI's choices come from what is registered.

Exporters write a Graph to a file or folder; loaders push a Graph to a server; query engines run
a query text with parameters. Modules register themselves on import; `load_plugins()` imports the
built-in ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.errors import KgError


@dataclass(frozen=True)
class Plugin:
    name: str
    func: Callable[..., Any]
    help: str


_REGISTRIES: dict[str, dict[str, Plugin]] = {"exporter": {}, "loader": {}, "query": {}}

BUILTIN_MODULES: list[str] = []  # filled by modules that exist; see load_plugins


def register(kind: str, name: str, help: str = "") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRIES[kind][name] = Plugin(name, func, help or (func.__doc__ or "").strip().split("\n")[0])
        return func

    return deco


def names(kind: str) -> list[str]:
    load_plugins()
    return sorted(_REGISTRIES[kind])


def get(kind: str, name: str) -> Plugin:
    load_plugins()
    try:
        return _REGISTRIES[kind][name]
    except KeyError:
        raise KgError(f"unknown {kind} {name!r}; choose one of: {', '.join(names(kind))}") from None


_PLUGIN_PACKAGES = ("kg.export", "kg.backends")


def load_plugins() -> None:
    """Import every module of the plugin packages once, so they register themselves."""
    import pkgutil

    for pkg_name in _PLUGIN_PACKAGES:
        try:
            pkg = importlib.import_module(pkg_name)
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(pkg.__path__):
            importlib.import_module(f"{pkg_name}.{info.name}")


@dataclass
class QueryResult:
    """Rows from any query engine (embedded or remote), printed by the CLI as table/json/csv."""

    columns: list[str]
    rows: list[list[Any]]
