"""Review dates: checked before the build, and shown with the trust links on every page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import ROOT
from guide.errors import DataError
from guide.models import PageReview, ReviewsFile
from guide.page_info import (
    check_generated,
    collect_reviews,
    combined_review,
    due_within,
    human_date,
    is_overdue,
    load_reviews,
    missing_reviews,
    overdue,
    page_review,
)
from pagetext import content_pages, soup
from test_site_data import build_fails

GOOD = """---
description: A page.
review:
  last_reviewed: 2026-11-24
  next_review_due: 2027-05-24
  reviewer_role: Editor
---

# Title
"""


def review(last="2026-01-01", due="2026-07-01", role="Editor") -> PageReview:
    return PageReview(
        last_reviewed=dt.date.fromisoformat(last), next_review_due=dt.date.fromisoformat(due), reviewer_role=role
    )


def problem_of(markdown: str) -> str:
    with pytest.raises(DataError) as caught:
        page_review(markdown, "docs/page.md")
    return str(caught.value)


# --- reading and checking front matter ---------------------------------------------------------


def test_valid_front_matter():
    assert page_review(GOOD, "docs/page.md") == review("2026-11-24", "2027-05-24")


def test_missing_review_says_what_to_add():
    message = problem_of("---\ndescription: A page.\n---\n# Title\n")
    assert message.startswith("docs/page.md: field 'review': no review dates;")
    assert "last_reviewed: YYYY-MM-DD" in message
    assert problem_of("# No front matter at all\n").startswith("docs/page.md: field 'review'")


def test_bad_date_names_field_and_line():
    message = problem_of(GOOD.replace("2027-05-24", "2027-13-01"))
    assert message == (
        "docs/page.md:5: field 'review.next_review_due': '2027-13-01' is not a real date"
        " (month must be in 1..12); write it as YYYY-MM-DD"
    )
    message = problem_of(GOOD.replace("2027-05-24", "next spring"))
    assert message.startswith("docs/page.md:5: field 'review.next_review_due': Input should be a valid date")
    assert message.endswith("(got 'next spring')")


def test_unknown_field_suggests_the_right_one():
    message = problem_of(GOOD.replace("reviewer_role", "reviewer_rol"))
    assert "docs/page.md:6: field 'review.reviewer_rol': unknown field" in message
    assert "Did you mean 'reviewer_role'?" in message
    assert "field 'review.reviewer_role': this field is required but missing" in message


def test_due_date_must_follow_the_review():
    message = problem_of(GOOD.replace("2027-05-24", "2026-11-24"))
    assert message == "docs/page.md:3: field 'review': next_review_due must be after last_reviewed"


def test_empty_role_and_wrong_shape():
    assert "field 'review.reviewer_role': must not be empty" in problem_of(GOOD.replace("Editor", "''"))
    assert "field 'review'" in problem_of("---\nreview: soon\n---\n")


def test_yaml_error_points_at_the_file_line():
    message = problem_of("---\ndescription: A page.\nreview: [unclosed\n---\n")
    assert re.match(r"docs/page\.md:\d+: YAML syntax error", message)
    assert int(message.split(":")[1]) >= 3


def test_all_pages_are_reported_at_once():
    pages = {"a.md": "# no front matter\n", "b.md": GOOD, "c.md": GOOD.replace("2026-11-24", "soon")}
    generated = ReviewsFile.model_validate({"pages": [{"page": "g.md", **review().model_dump()}]})
    with pytest.raises(DataError) as caught:
        collect_reviews(pages, "docs", generated)
    files = [p.file for p in caught.value.problems]
    assert files == ["docs/a.md", "docs/c.md"]


def test_generated_entry_must_name_a_generated_page():
    assert check_generated({"glossary.md"}, ["glossary.md", "print.md"]) == []
    [problem] = check_generated({"glosary.md"}, ["glossary.md", "print.md"])
    assert "the build generates no page 'glosary.md'. Did you mean 'glossary.md'?" in str(problem)
    duplicated = ReviewsFile.model_validate({"pages": [{"page": "b.md", **review().model_dump()}]})
    with pytest.raises(DataError, match="docs/b.md has its own front matter review"):
        collect_reviews({"b.md": GOOD}, "docs", duplicated)


def test_impossible_date_in_data_reviews(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(GOOD)
    (tmp_path / "data").mkdir()
    reviews = (ROOT / "data" / "reviews.yml").read_text(encoding="utf-8")
    (tmp_path / "data" / "reviews.yml").write_text(
        reviews.replace("last_reviewed: 2026-11-24", "last_reviewed: 2026-11-31")
    )
    line = next(n for n, text in enumerate(reviews.splitlines(), 1) if "last_reviewed" in text)
    with pytest.raises(DataError) as caught:
        load_reviews(tmp_path, tmp_path / "docs")
    assert str(caught.value) == (
        f"data/reviews.yml:{line}: field 'pages.0.last_reviewed': '2026-11-31' is not a real date"
        " (day is out of range for month); write it as YYYY-MM-DD"
    )


def test_a_generated_page_needs_review_dates():
    reviews = {"glossary.md": review()}
    assert missing_reviews(["glossary.md"], reviews) == []
    [problem] = missing_reviews(["glossary.md", "extra.md"], reviews)
    assert (
        str(problem)
        == "data/reviews.yml: entry 'extra.md': generated page 'extra.md' has no review dates; add an entry for it"
    )


# --- dates ----------------------------------------------------------------------------------


def test_overdue_from_the_day_after_the_due_date():
    r = review(due="2026-07-01")
    assert not is_overdue(r, dt.date(2026, 7, 1))
    assert is_overdue(r, dt.date(2026, 7, 2))


def test_overdue_and_due_soon_lists():
    reviews = {
        "late.md": review(due="2026-03-01"),
        "later.md": review(due="2026-05-01"),
        "ok.md": review(due="2026-09-01"),
    }
    today = dt.date(2026, 5, 2)
    assert [page for page, _ in overdue(reviews, today)] == ["late.md", "later.md"]
    assert [page for page, _ in due_within(reviews, dt.date(2026, 8, 15), 30)] == ["ok.md"]
    assert due_within(reviews, dt.date(2026, 7, 1), 30) == []


def test_combined_review_is_as_old_as_its_oldest_part():
    combined = combined_review([review("2026-02-01", "2026-08-01"), review("2026-01-15", "2026-09-01", "Nurse")])
    assert (combined.last_reviewed, combined.next_review_due) == (dt.date(2026, 1, 15), dt.date(2026, 8, 1))
    assert "Several reviewers" in combined.reviewer_role
    assert combined_review([review(), review()]).reviewer_role == "Editor"


def test_human_date():
    assert human_date(dt.date(2027, 5, 4)) == "4 May 2027"


def test_every_page_of_the_repository_has_review_dates():
    reviews = load_reviews(ROOT, ROOT / "docs")
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert set(reviews.by_page) == docs | {"glossary.md"}
    assert reviews.from_data == {"glossary.md"}


# --- on the built site -----------------------------------------------------------------------


def front_matter_review(src: str) -> PageReview:
    return page_review((ROOT / "docs" / src).read_text(encoding="utf-8"), src)


def box_of(path: Path):
    box = soup(path).select_one("article .guide-page-info")
    assert box is not None, f"{path}: no 'About this page' box"
    return box


def test_every_page_shows_its_review_and_the_advice_note(hosted_site):
    pages = content_pages(hosted_site)
    assert len(pages) >= 12
    for path in pages:
        box = box_of(path)
        src = box["data-page"]
        if (ROOT / "docs" / src).is_file():
            expected = front_matter_review(src)
        elif src == "glossary.md":
            expected = load_reviews(ROOT, ROOT / "docs").by_page[src]
        else:
            assert src == "print.md", src
            expected = combined_review(load_reviews(ROOT, ROOT / "docs").by_page.values())
        assert box.select_one('[data-review="last-reviewed"]')["datetime"] == expected.last_reviewed.isoformat()
        assert box.select_one('[data-review="last-reviewed"]').get_text() == human_date(expected.last_reviewed)
        assert box.select_one('[data-review="next-review-due"]')["datetime"] == expected.next_review_due.isoformat()
        assert box.select_one('[data-review="reviewer-role"]').get_text() == expected.reviewer_role
        assert "This guide is not medical advice." in box.get_text(" ", strip=True)
    assert not soup(hosted_site / "404.html").select(".guide-page-info")


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    """The built file and fragment a relative link on ``page`` leads to."""
    path, _, fragment = href.partition("#")
    target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    assert target.is_relative_to(site.resolve()), href
    return target, fragment


TRUST_LINKS = {
    "Sources of this guide": "sources",
    "Report an error": "report-an-error",
    "How pages are reviewed": "how-content-is-reviewed",
}


@pytest.mark.parametrize("build", ["hosted_site", "offline_build"])
def test_trust_links_lead_to_the_about_page_sections(build, request):
    site = request.getfixturevalue(build)
    boxes = {path: box_of(path) for path in content_pages(site)}
    about = next(path for path, box in boxes.items() if box["data-page"] == "about.md").resolve()
    about_ids = {node["id"] for node in soup(about).select("[id]")}
    print_page = next(path for path, box in boxes.items() if box["data-page"] == "print.md").resolve()
    for path, box in boxes.items():
        links = {a.get_text(strip=True): a["href"] for a in box.select("a")}
        for text, anchor in TRUST_LINKS.items():
            assert not links[text].startswith(("/", "http")), f"{path}: relative links work in both builds"
            assert resolve(path, links[text], site) == (about, anchor), path
            assert anchor in about_ids, f"the about page has no #{anchor}"
        if box["data-page"] == "print.md":
            assert "Print the whole guide" not in links, "no link from the print page to itself"
        else:
            assert resolve(path, links["Print the whole guide"], site) == (print_page, ""), path


def test_bad_review_stops_the_build_and_keeps_the_last_site(repo_copy, tmp_path):
    page = repo_copy / "docs" / "prognosis.md"
    page.write_text(page.read_text(encoding="utf-8").replace("next_review_due: 2027-05-24", "next_review_due: someday"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "last-good.html").write_text("kept")
    message = build_fails(repo_copy, site)
    assert message.startswith("docs/prognosis.md:5: field 'review.next_review_due': Input should be a valid date")
    assert (site / "last-good.html").read_text() == "kept"


def test_generated_page_without_review_stops_the_build(repo_copy, tmp_path):
    reviews = repo_copy / "data" / "reviews.yml"
    reviews.write_text(reviews.read_text(encoding="utf-8").replace("page: glossary.md", "page: glossry.md"))
    assert build_fails(repo_copy, tmp_path / "site") == (
        "data/reviews.yml: entry 'glossry.md': field 'page': the build generates no page 'glossry.md'."
        " Did you mean 'glossary.md'?"
    )
