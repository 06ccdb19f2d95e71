"""Where a story happens: countries its reports name up front, in the reader's language."""

from __future__ import annotations

from crosswire.digest import DigestOptions, build_digest
from crosswire.digest.places import story_places
from crosswire.digest.render import render_text
from crosswire.models import Article, Place


def reports() -> list[Article]:
    body = "Rescue teams worked through the night. Aid offers came from Chile and Canada."
    return [
        Article(id=1, language="en", source="a.example", title="Floods hit southern Peru",
                text=f"Heavy rain flooded the river valleys. {body}"),
        Article(id=2, language="fr", source="b.example", title="Inondations au Pérou",
                text="Des pluies diluviennes ont inondé les vallées. Les secours sont en route."),
        Article(id=3, language="en", source="c.example", title="Valleys flooded after rain",
                text=f"Thousands left their homes in the river valleys overnight. {body}"),
    ]  # fmt: skip


def test_the_countries_named_up_front_by_a_third_of_the_reports():
    places = story_places(reports(), "en")
    assert places == [Place(code="PE", name="Peru", articles=2)]  # not the aid's countries


def test_the_places_are_named_in_the_readers_language():
    assert [p.name for p in story_places(reports(), "fr")] == ["Pérou"]


def test_a_story_that_names_no_country_has_no_place():
    quiet = [Article(id=1, language="en", title="Valleys flooded", text="Rain fell all night.")]
    assert story_places(quiet, "en") == []


def test_the_digest_and_its_text_say_where():
    digest = build_digest(reports(), {}, DigestOptions())
    assert [p.code for p in digest.places] == ["PE"]
    assert "- Peru (2 reports)" in render_text(digest)


TIED = """
from crosswire.digest.places import story_places
from crosswire.models import Article
reports = [
    Article(id=1, language="en", title="Syria and the United States hold talks",
            text="Envoys met."),
]
print(",".join(p.code for p in story_places(reports, "en")))
"""


def test_places_named_equally_often_come_in_the_same_order_in_every_process():
    import os
    import subprocess
    import sys

    orders = {
        subprocess.run(
            [sys.executable, "-c", TIED],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(6)
    }
    assert orders == {"SY,US"}
