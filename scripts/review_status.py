"""List the pages whose review is overdue (`make review-status`).

This is a report for editors, not a check: it exits 0 even when pages are overdue, so CI
never breaks because a calendar date passed. It exits 2 only when review dates cannot be
read at all (the build would stop on those too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide.errors import DataError  # noqa: E402
from guide.page_info import REVIEWS, Reviews, due_within, human_date, load_reviews, overdue  # noqa: E402

SOON_DAYS = 30


def where(page: str, reviews: Reviews) -> str:
    """Where an editor updates the dates: the page's front matter, or data/reviews.yml."""
    return f"{page} (in {REVIEWS})" if page in reviews.from_data else f"docs/{page}"


def when(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    plural = "" if abs(days) == 1 else "s"
    return "today" if days == 0 else f"{-days} day{plural} ago" if days < 0 else f"in {days} day{plural}"


def rows(pages, reviews: Reviews, today: dt.date) -> list[str]:
    return [
        f"  {where(page, reviews):<45} {human_date(r.next_review_due):>17} ({when(r.next_review_due, today)})"
        f"  {r.reviewer_role}"
        for page, r in pages
    ]


def report(reviews: Reviews, today: dt.date) -> list[str]:
    late = overdue(reviews.by_page, today)
    soon = due_within(reviews.by_page, today, SOON_DAYS)
    lines = [f"Review status on {human_date(today)}: {len(reviews.by_page)} pages, {len(late)} overdue."]
    if late:
        lines += ["", "Overdue (next review was due on):", *rows(late, reviews, today)]
    if soon:
        lines += ["", f"Due within {SOON_DAYS} days:", *rows(soon, reviews, today)]
    if not late and not soon:
        page, review = min(reviews.by_page.items(), key=lambda item: (item[1].next_review_due, item[0]))
        lines.append(f"Next review due: {human_date(review.next_review_due)} ({where(page, reviews)}).")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to report on")
    args = parser.parse_args(argv)
    try:
        reviews = load_reviews(args.root, args.root / "docs")
    except DataError as error:
        print(f"Cannot read review dates:\n{error}", file=sys.stderr)
        return 2
    print("\n".join(report(reviews, args.today)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
