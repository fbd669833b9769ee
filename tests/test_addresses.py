"""Hosted addresses of pages, as the offline bundle's canonical links and the print page name them."""

import pytest
from guide.addresses import hosted_address

SITE = "https://example.org/guide/"


@pytest.mark.parametrize(
    ("src", "address"),
    [
        ("index.md", "https://example.org/guide/"),
        ("prognosis.md", "https://example.org/guide/prognosis/"),
        ("treatment/index.md", "https://example.org/guide/treatment/"),
        ("treatment/surgery.md", "https://example.org/guide/treatment/surgery/"),
    ],
)
def test_hosted_address_uses_directory_urls(src, address):
    assert hosted_address(SITE, src) == address
    assert hosted_address(SITE.rstrip("/"), src) == address
