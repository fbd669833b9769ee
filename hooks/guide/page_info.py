"""Review dates of every page: read from front matter (or data/ for generated pages), checked, dated.

Readers are told when a page was last checked and when it is due again, so the dates must be
real and present on every page. They are validated before the build touches site/, and a bad
or missing ``review:`` names the file, the field and the line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from .datafile import MESSAGES, field_names, load_model, parse_yaml
from .errors import DataError, Problem, did_you_mean
from .models import PageReview, ReviewsFile
from .per_build import PerBuild, read_pages
from .readability import Readability

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
"""The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE), so we read exactly what it reads."""
REVIEWS = "data/reviews.yml"
REVIEW_KEY = "review"
HOW_TO_ADD = (
    "add to the page's front matter:\n"
    "      review:\n"
    "        last_reviewed: YYYY-MM-DD\n"
    "        next_review_due: YYYY-MM-DD\n"
    "        reviewer_role: Editor (checked against the source article)"
)


def front_matter(markdown: str, name: str) -> tuple[dict, str]:
    """The front matter as a mapping, and its YAML text (empty when the page has none)."""
    match = FRONT_MATTER.match(markdown)
    if match is None:
        return {}, ""
    try:
        data = parse_yaml(match[1], name)
    except DataError as error:
        first_line = 1  # the opening "---" is line 1 of the file
        raise DataError([replace(p, line=p.line and p.line + first_line) for p in error.problems]) from None
    if not isinstance(data, dict):
        raise DataError.single(name, "front matter must be a mapping of fields", line=2)
    return data, match[1]


def _line_of(front_text: str, path: tuple) -> int | None:
    """1-based line in the page file of ``path`` (e.g. ("review", "next_review_due"))."""
    node = yaml.compose(front_text, Loader=yaml.SafeLoader)
    line = None
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if k.value == key), None)
        if match is None:
            break
        line, node = match[0].start_mark.line + 2, match[1]  # +1: 1-based, +1: the "---" line
    return line


def _describe(error: dict) -> str:
    if error["type"] in MESSAGES:
        return MESSAGES[error["type"]](error, field_names(PageReview))
    message = error["msg"].removeprefix("Value error, ")
    if "input" in error and not isinstance(error["input"], (dict, list)):
        return f"{message} (got {error['input']!r})"
    return message


def page_review(markdown: str, name: str) -> PageReview:
    """The page's ``review:`` front matter, validated; ``name`` is the file as contributors know it."""
    data, text = front_matter(markdown, name)
    if REVIEW_KEY not in data:
        raise DataError.single(name, f"no review dates; {HOW_TO_ADD}", field=REVIEW_KEY)
    try:
        return PageReview.model_validate(data[REVIEW_KEY])
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = (REVIEW_KEY, *(str(part) for part in error["loc"]))
            problems.append(Problem(name, _describe(error), field=".".join(path), line=_line_of(text, path)))
        raise DataError(problems) from None


def collect_reviews(pages: Mapping[str, str], docs_name: str, generated: ReviewsFile) -> dict[str, PageReview]:
    """Reviews of every docs page (by path under docs/) and of the generated pages in data/.

    All problems are reported at once, so a contributor fixes every page in one go.
    """
    reviews: dict[str, PageReview] = {}
    problems: list[Problem] = []
    for path, markdown in pages.items():
        try:
            reviews[path] = page_review(markdown, f"{docs_name}/{path}")
        except DataError as error:
            problems += error.problems
    for entry in generated.pages:
        if entry.page in reviews:
            problems.append(
                Problem(REVIEWS, f"docs/{entry.page} has its own front matter review", entry=entry.page, field="page")
            )
        reviews[entry.page] = PageReview(**entry.model_dump(exclude={"page"}))
    if problems:
        raise DataError(problems)
    return reviews


def check_generated(from_data: Iterable[str], generated_pages: Iterable[str]) -> list[Problem]:
    """Every entry in data/reviews.yml names a page the build really generates."""
    known = sorted(generated_pages)
    return [
        Problem(REVIEWS, f"the build generates no page '{page}'.{did_you_mean(page, known)}", entry=page, field="page")
        for page in sorted(from_data)
        if page not in known
    ]


def missing_reviews(pages: Iterable[str], reviews: Mapping[str, PageReview]) -> list[Problem]:
    """Generated pages that came without review dates (docs pages were checked on load)."""
    return [
        Problem(REVIEWS, f"generated page '{page}' has no review dates; add an entry for it", entry=page)
        for page in pages
        if page not in reviews
    ]


def combined_review(reviews: Iterable[PageReview]) -> PageReview:
    """The review of a page made of other pages: it is only as fresh as its stalest part."""
    reviews = list(reviews)
    roles = {review.reviewer_role for review in reviews}
    return PageReview(
        last_reviewed=min(review.last_reviewed for review in reviews),
        next_review_due=min(review.next_review_due for review in reviews),
        reviewer_role=roles.pop() if len(roles) == 1 else "Several reviewers; each section names its own",
    )


def review_dates(review: PageReview) -> dict[str, str]:
    """The review as readers see it: dates written out, and the ISO dates for ``<time datetime>``."""
    return {
        "last_reviewed": human_date(review.last_reviewed),
        "last_reviewed_iso": review.last_reviewed.isoformat(),
        "next_review_due": human_date(review.next_review_due),
        "next_review_due_iso": review.next_review_due.isoformat(),
        "reviewer_role": review.reviewer_role,
    }


@dataclass(frozen=True)
class PageInfo:
    """Everything the "About this page" box shows (see overrides/hooks/page_info.html)."""

    page: str
    """Source path under docs/ (or of the generated page), for reports that read the built box."""
    review: dict[str, str]
    readability: Readability
    about_url: str
    """URL of the About page from the site's root; the template makes it relative to the page."""
    print_url: str | None


def is_overdue(review: PageReview, today: dt.date) -> bool:
    """Due on ``next_review_due`` itself, overdue from the day after."""
    return today > review.next_review_due


def overdue(reviews: Mapping[str, PageReview], today: dt.date) -> list[tuple[str, PageReview]]:
    """Pages whose review is overdue on ``today``, the longest overdue first."""
    late = [(page, review) for page, review in reviews.items() if is_overdue(review, today)]
    return sorted(late, key=lambda item: (item[1].next_review_due, item[0]))


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def due_within(reviews: Mapping[str, PageReview], today: dt.date, days: int) -> list[tuple[str, PageReview]]:
    """Pages not yet overdue whose review falls due in the next ``days`` days, soonest first."""
    horizon = today + dt.timedelta(days=days)
    soon = [(page, r) for page, r in reviews.items() if not is_overdue(r, today) and r.next_review_due <= horizon]
    return sorted(soon, key=lambda item: (item[1].next_review_due, item[0]))


def human_date(date: dt.date) -> str:
    """ "24 November 2026": unambiguous in every English-speaking country, unlike 11/24/2026.
    The month names are spelt out here because ``%B`` follows the machine's locale."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


@dataclass(frozen=True)
class Reviews:
    """This build's review dates by page (path under docs/), and which came from data/reviews.yml."""

    by_page: dict[str, PageReview]
    from_data: frozenset[str]


def load_reviews(root: Path, docs_dir: Path) -> Reviews:
    generated = load_model(root / REVIEWS, ReviewsFile, name=REVIEWS)
    pages = read_pages(docs_dir)
    by_page = collect_reviews(pages, docs_dir.name, generated)
    return Reviews(by_page, frozenset(entry.page for entry in generated.pages))


_state = PerBuild(load_reviews, "hooks/page_info.py")
load = _state.load
current = _state.current
