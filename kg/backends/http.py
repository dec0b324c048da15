"""A small HTTP client for SPARQL servers: credentials, timeouts, and failures that say which.

Standard library only (urllib). Basic credentials are sent up front; a server that asks for
Digest (e.g. Virtuoso's authenticated endpoint) gets it on the retry.
"""

from __future__ import annotations

import base64
import http.client
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from kg import __version__


class Unreachable(Exception):
    """The request never got an HTTP answer: refused, reset, timed out, host unknown."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    server: str = ""  # the Server header: some servers have faster non-standard paths

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def first_line(self) -> str:
        """The server's message, shortened to one line for an error."""
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", self.text())).strip()[:200]


_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/@\s]*@", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with the user:password@ part of every URL in it removed: the one place every error
    about a server passes through before anyone sees it."""
    return _USERINFO.sub(r"\1", text)


def credentials(url: str) -> tuple[str, str | None, str | None]:
    """(url without user:password@, user, password) of a URL that carries credentials."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    netloc += f":{parts.port}" if parts.port else ""
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return bare, user, password


def display(url: str) -> str:
    """`url` without any user:password@ part and query, for messages and state keys."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class HttpClient:
    def __init__(self, user: str | None = None, password: str | None = None, timeout: float = 120.0) -> None:
        self.user = user
        self.timeout = timeout
        self._basic = None
        handlers: list[urllib.request.BaseHandler] = []
        if user:
            secret = f"{user}:{password or ''}".encode()
            self._basic = "Basic " + base64.b64encode(secret).decode("ascii")
            handlers.append(_Digest(user, password or ""))
        self._opener = urllib.request.build_opener(*handlers)

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        """Send one request; any HTTP status comes back as a Response, no answer raises Unreachable."""
        req = urllib.request.Request(url, data=body, method=method)
        req.add_header("User-Agent", f"kg/{__version__}")
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        if self._basic:
            req.add_unredirected_header("Authorization", self._basic)
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                server = resp.headers.get("Server", "")
                return Response(resp.status, resp.headers.get("Content-Type", ""), resp.read(), server)
        except urllib.error.HTTPError as exc:
            data = exc.read() if exc.fp is not None else b""
            return Response(exc.code, exc.headers.get("Content-Type", "") if exc.headers else "", data)
        except urllib.error.URLError as exc:
            raise Unreachable(_reason(exc.reason)) from None
        except (http.client.HTTPException, OSError) as exc:
            raise Unreachable(_reason(exc)) from None


class _Digest(urllib.request.HTTPDigestAuthHandler):
    """Digest credentials for whatever URL the user named (the realm is the server's to choose)."""

    def __init__(self, user: str, password: str) -> None:
        super().__init__(urllib.request.HTTPPasswordMgrWithDefaultRealm())
        self._user, self._password = user, password

    def http_error_401(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        self.passwd.add_password(None, req.full_url, self._user, self._password)
        return super().http_error_401(req, fp, code, msg, headers)


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError | http.client.RemoteDisconnected | BrokenPipeError):
        return "connection reset by the server"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "host name not found"
    text = str(reason)
    if "refused" in text.lower():
        return "connection refused"
    return re.sub(r"\s+", " ", text).strip() or type(reason).__name__
