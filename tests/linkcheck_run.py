"""Run linkchecker, with its AnchorCheck plugin parsing each page once instead of once per link.

Stock AnchorCheck parses the whole target page again for every ``page#part`` link. The
glossary and the whole-guide print page have hundreds of such links, which made the link
gate cost about a minute of CPU. This is linkchecker's own command with one change:
AnchorCheck remembers the anchors it found in each page (keyed by the page's address and
content). Which anchors count, and the warning for a missing one, stay linkchecker's own.
Used by tests/test_links.py as ``python tests/linkcheck_run.py <linkchecker arguments>``.
"""

import hashlib
import sys
import threading
import urllib.parse

from linkcheck.command.linkchecker import linkchecker
from linkcheck.htmlutil import linkparse
from linkcheck.plugins import anchorcheck

_anchors_by_page: dict[tuple[str, str], list] = {}
_lock = threading.Lock()


def anchors_of(url_data) -> list:
    """The anchors of the page ``url_data`` points to, parsed the first time only."""
    page = urllib.parse.urldefrag(url_data.url)[0]
    key = (page, hashlib.sha256(url_data.get_raw_content()).hexdigest())
    with _lock:
        if key not in _anchors_by_page:
            collector = anchorcheck.UrlAnchorCheck()
            linkparse.find_links(url_data.get_soup(), collector.add_anchor, linkparse.AnchorTags)
            _anchors_by_page[key] = collector.anchors
        return list(_anchors_by_page[key])


def check_with_parsed_anchors(self, url_data):
    """AnchorCheck.check, with the page's anchors from ``anchors_of``."""
    checker = anchorcheck.UrlAnchorCheck()
    checker.anchors = anchors_of(url_data)
    checker.check_anchor(url_data)


if __name__ == "__main__":
    anchorcheck.AnchorCheck.check = check_with_parsed_anchors
    sys.exit(linkchecker())
