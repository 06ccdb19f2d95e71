"""The front page's filter form: selects filled from the stories there are, and a value the
data does not have (``?lang=French``, ``?place=Atlantis``) answered by the form again with a
message in words, instead of a 422 page. The API and the feeds keep their strict filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Query, Request

from crosswire.store import Store
from crosswire.text.places import country_name
from crosswire.web.deps import MAX_ID, MAX_QUERY, Filters, clean_query, state

Options = dict[str, list[tuple[str, str]]]  # field -> (value, label), in label order

WHAT = {
    "lang": ("Language", "There are no stories in “{}” here; showing every language."),
    "country": ("Outlet country", "No outlet from “{}” has stories here; showing every country."),
    "place": ("Happening in", "No story here happens in “{}”; showing every place."),
}


@dataclass
class FilterForm:
    """The filters a reader chose that the data has, the options of each select, and what
    was wrong with the rest."""

    filters: Filters
    options: Options
    problems: list[str] = field(default_factory=list)


@lru_cache(maxsize=512)
def language_name(code: str) -> str:
    """'French' for 'fr' (ISO 639), the code itself when unknown."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    found = found or pycountry.languages.get(alpha_3=code)
    return str(found.name) if found else code


def filter_options(store: Store, cache: dict[str, tuple[str, Options]]) -> Options:
    """The selects' options, read again when a story is made or gains articles (``cache``:
    a dict kept with the app)."""
    version = store.stories_version()
    cached = cache.get("options")
    if cached and cached[0] == version:
        return cached[1]
    raw = store.filter_choices()
    options: Options = {
        "lang": [(c, f"{language_name(c)} ({c})") for c in raw.get("lang", [])],
        "country": [(c, f"{country_name(c)} ({c})") for c in raw.get("country", [])],
        "place": [(c, f"{country_name(c)} ({c})") for c in raw.get("place", [])],
    }
    for values in options.values():
        values.sort(key=lambda pair: pair[1].casefold())
    cache["options"] = (version, options)  # one assignment: safe across threads
    return options


def pick(name: str, raw: str | None, options: Options, problems: list[str]) -> str | None:
    """The option ``raw`` names, by its code or its name in any case ("fr", "French",
    "french (fr)"); None and a message in ``problems`` when the data has no such option."""
    text = " ".join((raw or "").split())[:80]
    if not text:
        return None
    wanted = text.casefold()
    for code, label in options[name]:
        if wanted in (code.casefold(), label.casefold(), label.rsplit(" (", 1)[0].casefold()):
            return code
    problems.append(WHAT[name][1].format(text))
    return None


def filter_form(
    request: Request,
    lang: Annotated[str | None, Query(description="language: code or name")] = None,
    country: Annotated[str | None, Query(description="outlet country: code or name")] = None,
    q: Annotated[str | None, Query(description="topic words")] = None,
    topic: Annotated[str | None, Query(description="a developing story's id")] = None,
    place: Annotated[str | None, Query(description="where it happens: code or name")] = None,
) -> FilterForm:
    app_state = request.app.state
    if not hasattr(app_state, "filter_options"):
        app_state.filter_options = {}
    options = filter_options(state(request).store, app_state.filter_options)
    problems: list[str] = []
    topic_id = None
    if topic and topic.strip():
        if topic.strip().isdigit() and 0 < int(topic) <= MAX_ID:
            topic_id = int(topic)
        else:
            problems.append("That developing story does not exist; showing the latest news.")
    chosen = Filters(
        lang=pick("lang", lang, options, problems),
        country=pick("country", country, options, problems),
        q=clean_query((q or "")[:MAX_QUERY]) or None,
        topic=topic_id,
        place=pick("place", place, options, problems),
    )
    return FilterForm(chosen, options, problems)


FilterFormDep = Annotated[FilterForm, Depends(filter_form)]
