"""The community's storage contract (``Store`` inherits it): users, their submissions,
comments, votes and flags, and the moderation log. The pipeline never uses it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from crosswire.models import Comment, ModerationEntry, Submission, User


class CommunityStore(ABC):
    # users -------------------------------------------------------------------------------
    @abstractmethod
    def create_user(self, user: User) -> User:
        """Raises StoreError when the name is taken."""

    @abstractmethod
    def get_user(self, user_id: int) -> User | None: ...

    @abstractmethod
    def get_user_by_name(self, name: str) -> User | None: ...

    @abstractmethod
    def set_user_role(self, user_id: int, role: str) -> None: ...

    # submissions -------------------------------------------------------------------------
    @abstractmethod
    def add_submission(self, submission: Submission) -> Submission: ...

    @abstractmethod
    def update_submission(
        self, submission_id: int, *, status: str, article_id: int | None, error: str | None
    ) -> None: ...

    @abstractmethod
    def story_submissions(self, story_id: int) -> list[dict[str, Any]]:
        """Submissions whose article is in the story, with ``user_name``."""

    @abstractmethod
    def get_submission(self, submission_id: int) -> Submission | None: ...

    # comments ----------------------------------------------------------------------------
    @abstractmethod
    def add_comment(self, comment: Comment) -> Comment: ...

    @abstractmethod
    def get_comment(self, comment_id: int) -> Comment | None: ...

    @abstractmethod
    def update_comment(
        self,
        comment_id: int,
        *,
        body: str | None = None,
        edited_at: datetime | None = None,
        deleted: bool | None = None,
        hidden: bool | None = None,
    ) -> None: ...

    @abstractmethod
    def story_comments(self, story_id: int) -> list[Comment]:
        """Every comment of a story in thread order is the caller's job; here by id."""

    # votes -------------------------------------------------------------------------------
    @abstractmethod
    def vote(self, user_id: int, target_type: str, target_id: int, value: int) -> int:
        """Record a user's vote (+1, -1, 0 to withdraw); return the target's new score."""

    @abstractmethod
    def vote_scores(self, target_type: str, target_ids: Iterable[int]) -> dict[int, int]:
        """The summed votes of each target that has any."""

    @abstractmethod
    def user_votes(
        self, user_id: int, target_type: str, target_ids: Iterable[int]
    ) -> dict[int, int]:
        """The user's own vote (+1 or -1) on each of the targets it voted on."""

    # flags and moderation ----------------------------------------------------------------
    @abstractmethod
    def flag(self, user_id: int, target_type: str, target_id: int, reason: str) -> None: ...

    @abstractmethod
    def open_flags(self, limit: int = 100) -> list[dict[str, Any]]:
        """The moderation queue: unresolved flags grouped by target, most flagged first."""

    @abstractmethod
    def resolve_flags(self, target_type: str, target_id: int) -> None: ...

    @abstractmethod
    def log_moderation(self, entry: ModerationEntry) -> ModerationEntry: ...

    @abstractmethod
    def moderation_log(self, limit: int = 100) -> list[ModerationEntry]: ...
