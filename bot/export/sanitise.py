"""Sanitising user text for every format: unsafe characters, whitespace, links."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

# Control characters (Cc) make lxml raise inside python-docx; lone surrogates (Cs) cannot even be
# encoded as UTF-8; U+FFFE/U+FFFF are not XML characters. Format characters (Cf) such as the
# right-to-left mark and the emoji zero-width joiner are kept: they carry meaning.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_unsafe(text: str) -> str:
    """Drop characters XML cannot hold (and that mean nothing on a resume)."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """Sanitise text that must stay on one line (headers, bullets, skills)."""
    return " ".join(strip_unsafe(text).split())


def lines(text: str) -> list[str]:
    """Sanitise free text into its non-empty lines (one paragraph each)."""
    cleaned = strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line for line in (" ".join(raw.split()) for raw in cleaned.split("\n")) if line]


# --- links --------------------------------------------------------------------------------------

# A host name: labels of letters (any script), digits and hyphens, with a dot before the last.
_HOST = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_URL_SAFE = "/%:@!$&'()*+,;=?-._~"
_KNOWN_SITES = {
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "linkedin.com": "LinkedIn",
    "bitbucket.org": "Bitbucket",
    "stackoverflow.com": "Stack Overflow",
    "medium.com": "Medium",
    "dev.to": "DEV",
    "x.com": "X",
    "twitter.com": "X",
}


def normalise_url(text: str) -> str | None:
    """An https URL from what was typed ("github.com/zoe", "http://…"), or None if not a web link.

    The scheme becomes https, the host lower case (international hosts in their ASCII form), a
    default port and a bare trailing "/" go; path, query and fragment are kept as written.
    """
    raw = strip_unsafe(text).strip()
    if not raw or any(ch.isspace() for ch in raw):
        return None
    if "://" not in raw:
        if _SCHEME.match(raw):
            return None  # "mailto:x", "javascript:…": a scheme, but not a web one.
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme.lower() not in ("http", "https") or parts.username or not _HOST.match(host):
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    netloc = ascii_host if port in (None, 80, 443) else f"{ascii_host}:{port}"
    path = "" if parts.path == "/" and not parts.query and not parts.fragment else parts.path
    # Link targets must be ASCII (a PDF URI is); "%XX" already there stays as it is.
    path, query, fragment = (quote(p, safe=_URL_SAFE) for p in (path, parts.query, parts.fragment))
    return urlunsplit(("https", netloc, path, query, fragment))


def _site(url: str) -> str:
    """The host of a normalised URL without "www.", for labels and display."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def link_label(url: str) -> str:
    """The label a link gets when the person gave none: the site's name, else "Website"."""
    host = _site(url)
    for site, label in _KNOWN_SITES.items():
        if host == site or host.endswith("." + site):
            return label
    return "Website"


def display_url(url: str) -> str:
    """How a normalised link is shown: "github.com/zoe", without scheme, "www." or end slash."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    # An international host reads in its own script; the link target stays ASCII.
    with contextlib.suppress(UnicodeError):
        host = host.encode("ascii").decode("idna")
    shown = host + parts.path.rstrip("/")
    if parts.query:
        shown += "?" + parts.query
    if parts.fragment:
        shown += "#" + parts.fragment
    return unquote(shown)


def shows_label(label: str, url: str) -> bool:
    """Whether a link's label is worth showing: not when the address already says it."""
    squashed = label.replace(" ", "").casefold()
    return bool(squashed) and squashed not in _site(url).replace("-", "").casefold()
