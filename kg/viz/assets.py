"""What every page carries: node styles, the template, and the inlined scripts and styles.

vis-network is the copy pyvis ships for cdn_resources='in_line'; kg's own script and style
(tooltips, search, highlighting) sit in templates/. The Content-Security-Policy names each
inlined script and style by hash, so that even if markup were ever injected into a page, no
other script, event handler, style or fetch could run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from kg.errors import KgError

VIS_VERSION = "vis-9.1.2"  # the vis-network copy inside pyvis 0.3.2


@functools.cache
def styles() -> dict[str, Any]:
    """Shape and colour per entity type (styles.yaml)."""
    return yaml.safe_load(resources.files("kg.viz").joinpath("styles.yaml").read_text(encoding="utf-8"))


def style_of(entity_type: str) -> dict[str, str]:
    s = styles()
    return s["types"].get(entity_type, s["other"])


@functools.cache
def environment() -> jinja2.Environment:
    """Jinja with autoescaping; `tojson` writes UTF-8 compactly (it still escapes < > & ')."""
    ours = str(resources.files("kg.viz").joinpath("templates"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ours), autoescape=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


@functools.cache
def assets() -> dict[str, Markup]:
    """Scripts and styles to inline, and the Content-Security-Policy that allows exactly these."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    ours = resources.files("kg.viz").joinpath("templates")
    text = {
        "vis_js": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "kg_js": ours.joinpath("viz.js").read_text(encoding="utf-8"),
        "overview_js": ours.joinpath("overview.js").read_text(encoding="utf-8"),
        "kg_css": ours.joinpath("viz.css").read_text(encoding="utf-8"),
    }
    # the source-map comment would make an open DevTools fetch a file that is not there
    text["vis_js"] = re.sub(r"//# sourceMappingURL=\S+\s*$", "", text["vis_js"])
    for name, body in text.items():
        if "</script" in body.lower() or "</style" in body.lower():
            raise KgError(f"{name} cannot be inlined: it contains a closing tag")

    def digest(body: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"

    csp = (
        "default-src 'none'; "
        f"script-src {digest(text['vis_js'])} {digest(text['overview_js'])} {digest(text['kg_js'])}; "
        f"style-src {digest(text['vis_css'])} {digest(text['kg_css'])}; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    out = {name: Markup(body) for name, body in text.items()}  # our own code, checked above
    out["csp"] = Markup(csp)
    return out
