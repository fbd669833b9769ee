"""Typed shapes of the files in data/. Validation lives here, so a bad entry never reaches a renderer.

Checks that need the source article read it from the validation context
(``model_validate(data, context={"article": Article})``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .article import Article, normalise

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TERM_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 /'()-]*$"
PAGE_PATTERN = r"^[a-z0-9/_-]+\.md$"
PATTERN_HELP = {
    ID_PATTERN: "use lowercase letters, digits and single hyphens, like 'metastatic-share'",
    TERM_PATTERN: "use letters, digits, spaces and / ' ( ) - only",
    PAGE_PATTERN: "write a page path under docs/, like 'treatment/surgery.md'",
}
"""What each pattern means, in words, for error messages."""
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
AdmonitionKind = Literal[
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
]
MAX_TOOLTIP_WORDS = 25


def _article(info: ValidationInfo) -> Article | None:
    return (info.context or {}).get("article")


def _in_article(quote: str, info: ValidationInfo) -> str:
    """Every quote must be findable in the article, so no claim can drift from its source."""
    article = _article(info)
    if article is not None and not article.contains(quote):
        raise ValueError(f"this quote is not in the source article ({article.name}); copy it word for word")
    return quote


ArticleQuote = Annotated[Text, AfterValidator(_in_article)]


def _at_most_words(limit: int):
    def check(text: str) -> str:
        if len(text.split()) > limit:
            raise ValueError(f"has {len(text.split())} words; keep it to {limit} words or fewer")
        return text

    return AfterValidator(check)


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- key facts ---------------------------------------------------------------


class Fact(Strict):
    id: Id = Field(description="Stable id used by page markers: <!-- fact: ID -->")
    kind: AdmonitionKind = Field(description="Material admonition style of the box")
    title: Text = Field(description="Short heading of the box, in plain language")
    statement: Text = Field(description="One or two plain-language sentences restating the source")
    source: ArticleQuote = Field(description="The article sentence that backs the fact, word for word")
    numbers: list[Text] = Field(description="Every number the statement states, written as in the statement")

    @field_validator("numbers")
    @classmethod
    def numbers_match(cls, numbers: list[str], info: ValidationInfo) -> list[str]:
        """A number may be typeset differently (en dash) but never changed."""
        for number in numbers:
            for other in ("statement", "source"):
                if other in info.data and normalise(number) not in normalise(info.data[other]):
                    raise ValueError(f"number '{number}' does not appear in the {other}")
        return numbers


class FactsFile(Strict):
    facts: list[Fact] = Field(min_length=1)


# --- glossary ----------------------------------------------------------------


class ArticleSource(Strict):
    quote: ArticleQuote = Field(description="Words of the source article that support the definition")


class NamedReference(Strict):
    reference: Text = Field(description="A named, published reference the definition relies on")


def _source_kind(value: object) -> str | None:
    if isinstance(value, dict):
        if ("quote" in value) == ("reference" in value):
            return None  # neither, or both: the contributor must choose one
        return "article-quote" if "quote" in value else "named-reference"
    return "article-quote" if isinstance(value, ArticleSource) else "named-reference"


TermSource = Annotated[
    Annotated[ArticleSource, Tag("article-quote")] | Annotated[NamedReference, Tag("named-reference")],
    Discriminator(
        _source_kind,
        custom_error_type="source_kind",
        custom_error_message="give exactly one of 'quote' (words from the article) or 'reference' (a named reference)",
    ),
]
SOURCE_TAGS = frozenset({"article-quote", "named-reference"})

TermForm = Annotated[str, StringConstraints(strip_whitespace=True, pattern=TERM_PATTERN)]


class GlossaryTerm(Strict):
    slug: Id = Field(description="Stable anchor of the entry on the glossary page")
    term: TermForm = Field(description="The word or phrase as it is shown")
    aliases: list[TermForm] = Field(
        default_factory=list, description="Other forms linked to this entry: plurals, spellings, abbreviations"
    )
    short: Annotated[Text, _at_most_words(MAX_TOOLTIP_WORDS)] = Field(
        description="Plain-language definition shown as the tooltip"
    )
    long: Text | None = Field(default=None, description="Optional longer explanation on the glossary page")
    related: list[Id] = Field(default_factory=list, description="Slugs of related entries")
    source: TermSource = Field(description="Either {quote: ...} from the article or {reference: ...}")

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.aliases]


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)


# --- comparison tables -------------------------------------------------------


class ComparisonRow(Strict):
    cells: list[Text] = Field(min_length=2, description="One text per column; the first is the row's header")
    sources: list[ArticleQuote] = Field(min_length=1, description="Article quotes that back the row")


class ComparisonTable(Strict):
    id: Id = Field(description="Stable id used by page markers: <!-- table: ID -->")
    caption: Text = Field(description="Caption read out before the table")
    columns: list[Text] = Field(min_length=2, description="Column headings; the first heads the row headers")
    rows: list[ComparisonRow] = Field(min_length=1, description="The table's rows, top to bottom")

    @field_validator("rows")
    @classmethod
    def rows_fit_columns(cls, rows: list[ComparisonRow], info: ValidationInfo) -> list[ComparisonRow]:
        width = len(info.data.get("columns") or [])
        for number, row in enumerate(rows, start=1):
            if width and len(row.cells) != width:
                raise ValueError(f"row {number} has {len(row.cells)} cells but the table has {width} columns")
        return rows


class ComparisonsFile(Strict):
    tables: list[ComparisonTable] = Field(min_length=1)


# --- key points --------------------------------------------------------------


class KeyPoint(Strict):
    text: Text = Field(description="One plain-language bullet")
    source: ArticleQuote = Field(description="The article sentence on this page that the bullet restates")


class PageKeyPoints(Strict):
    page: Annotated[str, StringConstraints(pattern=PAGE_PATTERN)] = Field(description="Page path under docs/")
    points: list[KeyPoint] = Field(min_length=3, max_length=5, description="Three to five bullets, in reading order")


class KeyPointsFile(Strict):
    pages: list[PageKeyPoints] = Field(min_length=1)


# --- page review metadata (front matter) -------------------------------------


class PageReview(Strict):
    """The ``review:`` mapping in a page's front matter, shown to readers in "About this page"."""

    last_reviewed: dt.date = Field(description="When the page was last checked (YYYY-MM-DD)")
    next_review_due: dt.date = Field(description="When it must be checked again (YYYY-MM-DD)")
    reviewer_role: Text = Field(description="Who checked it, by role, honestly (never a name or a made-up title)")

    @model_validator(mode="after")
    def due_after_review(self) -> PageReview:
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must be after last_reviewed")
        return self


class GeneratedPageReview(PageReview):
    """Review dates of a page the build generates, which has no front matter of its own."""

    page: Annotated[str, StringConstraints(pattern=PAGE_PATTERN)] = Field(
        description="Path of the generated page, as if it were under docs/ (e.g. glossary.md)"
    )


class ReviewsFile(Strict):
    pages: list[GeneratedPageReview] = Field(min_length=1)


ENTRY_KEYS = ("id", "slug", "page")
"""Fields that name an entry in error messages, in order of preference."""
