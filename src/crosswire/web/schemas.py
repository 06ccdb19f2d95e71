"""Response models of the JSON API: what ``/openapi.json`` promises. Times are ISO-8601 UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from crosswire.models import Digest
from crosswire.store.digest_json import digest_json


class ErrorOut(BaseModel):
    detail: Any = Field(description="what was wrong")


class OutletOut(BaseModel):
    domain: str
    name: str
    leaning: str | None = None
    country: str | None = None
    language: str | None = None


class PlaceOut(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-2")
    name: str


class StoryCardOut(BaseModel):
    id: int
    title: str
    lead: str = Field(description="the first sentence of the summary")
    updated: datetime | None
    article_count: int
    source_count: int
    languages: list[str]
    places: list[PlaceOut] = Field(
        default_factory=list, description="where it happens, as its digest says"
    )
    sources: list[str] = Field(description="outlet domains, most articles first")
    outlets: list[OutletOut]
    leanings: dict[str, int] = Field(description="outlets per leaning")
    topic_id: int | None = Field(
        None, description="its developing story: the id of the first story of that theme"
    )
    topic_size: int = Field(
        1, description="how many stories (events) its developing story holds, itself included"
    )


class StoryListOut(BaseModel):
    stories: list[StoryCardOut]
    next_cursor: str | None = Field(
        description="pass as ?cursor= for the next page; null at the end"
    )


class ArticleOut(BaseModel):
    id: int
    title: str
    url: str | None
    source: str | None
    source_name: str | None = None
    leaning: str | None = None
    language: str | None
    published: datetime | None
    origin: str | None = Field(None, description="credit line: originally appeared on …")
    duplicate_of: int | None = Field(None, description="the article this one is a copy of")
    partial: bool = False
    story_id: int | None = None


class ArticleDetailOut(ArticleOut):
    text: str
    byline: str | None = None
    canonical_url: str | None = None


class StoryArticleOut(ArticleOut):
    copy_of: str | None = Field(None, description="outlet of the original when this is a copy")


class DescribedAs:
    """A type sent through a serializer (``PlainSerializer``) whose JSON schema is the type's
    own: the digest is sent as it is stored (``digest_json``: a changed figure's fields only
    where it changed) and described part by part (``models.Digest``)."""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler({k: v for k, v in schema.items() if k != "serialization"})


class StoryOut(StoryCardOut):
    created: datetime | None
    digest: Annotated[Digest, PlainSerializer(digest_json), DescribedAs()] = Field(
        description="headline, attributed summary, timeline, spread and comparison"
    )
    digest_built: bool = Field(True, exclude=True)
    articles: list[StoryArticleOut]
    related: list[StoryCardOut] = Field(
        default_factory=list,
        description="the other live stories of its developing story, latest first",
    )

    # no return annotation: the schema stays the model's own
    @model_serializer(mode="wrap")
    def _unbuilt_digest(self, handler: SerializerFunctionWrapHandler):  # noqa: ANN202
        """A story whose digest is not built yet sends only its timeline and spread."""
        out: dict[str, Any] = handler(self)
        if not self.digest_built:
            out["digest"] = {k: out["digest"][k] for k in ("timeline", "spread")}
        return out


class SourceOut(BaseModel):
    domain: str
    name: str
    country: str | None = None
    language: str | None = None
    leaning: str | None = None
    owner: str | None = None
    typology: str | None = None


class SourceListOut(BaseModel):
    sources: list[SourceOut]


class SourceDetailOut(SourceOut):
    articles: list[ArticleOut]
    next_cursor: str | None


class SearchOut(BaseModel):
    q: str
    stories: list[StoryCardOut]
    articles: list[ArticleOut]


class CommentOut(BaseModel):
    id: int
    story_id: int
    parent_id: int | None
    user: str | None
    body: str | None = Field(description="null when deleted or hidden by a moderator")
    created: datetime | None
    edited: datetime | None
    deleted: bool
    hidden: bool
    score: int


class CommentListOut(BaseModel):
    story_id: int
    comments: list[CommentOut]


class SubmissionOut(BaseModel):
    id: int
    url: str
    article_id: int | None
    status: str
    user: str | None
    created: datetime | None


class SubmissionListOut(BaseModel):
    story_id: int
    submissions: list[SubmissionOut]


class FeedStatusOut(BaseModel):
    feeds: int
    unreachable_count: int
    unreachable: list[dict[str, Any]]  # administrators only: url, error, errors
