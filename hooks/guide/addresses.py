"""Where a page lives on the hosted site, whatever kind of build is running."""

from __future__ import annotations


def hosted_address(site_url: str, src_uri: str) -> str:
    """The page's address on the hosted site, which has directory URLs even when this build
    (the offline bundle) does not: ``treatment/index.md`` -> ``…/treatment/``, ``index.md`` -> ``…/``."""
    stem = src_uri.removesuffix(".md")
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + path
