"""The comparison stage: numbers, diverging claims, quotes and facts only one outlet reports."""

from __future__ import annotations

from typing import Any


def compare_story(story, embed, only_in_per_source: int = 2) -> dict[str, Any]:  # noqa: ANN001
    return {"numbers": [], "conflicts": [], "quotes": [], "only_in": []}
