"""The source page's facts about an outlet: each field, its value and where the value came
from, for an outlet articles came from or one the registry alone knows."""

from __future__ import annotations

from typing import Any

from crosswire.models import Source
from crosswire.outlets.display import leaning_key
from crosswire.store import Store

LABELS = {
    "name": "Name",
    "country": "Country",
    "languages": "Languages",
    "owner": "Owner",
    "typology": "Type",
    "leaning": "Leaning",
}
SOURCE_NAMES = {
    "crosswire": "crosswire's own list",
    "kite-media": "Kagi kite-public media data (MIT)",
    "kite-feeds": "Kagi kite-public feed catalogue (MIT)",
    "cctld": "its country-code domain",
    "page": "its own pages",
    "operator": "this site's operator",
}


def registry_source(store: Store, domain: str) -> Source | None:
    """An outlet the registry knows but no article came from yet, as a ``Source``."""
    outlet = store.get_outlet(domain)
    if outlet is None:
        return None
    return Source(
        domain=outlet.domain,
        name=outlet.name or outlet.domain,
        country=outlet.country,
        language=outlet.language,
        leaning=outlet.leaning,
        owner=outlet.owner,
        typology=outlet.typology,
        provenance="registry",
    )


def outlet_fields(store: Store, source: Source) -> list[dict[str, Any]]:
    """The source page's rows: each field, its value and where the value came from."""
    outlet = store.get_outlet(source.domain)
    provenance = outlet.provenance if outlet else {}
    rows = []
    for field, label in LABELS.items():
        if outlet is not None:
            value: Any = getattr(outlet, field)
            value = ", ".join(value) if isinstance(value, list) else value
        else:
            value = source.language if field == "languages" else getattr(source, field, None)
        if field == "name":
            value = value or source.name
        if field == "leaning" and not value:
            value = leaning_key(source)  # "not rated" for a known outlet, else "unknown"
        origin = provenance.get(field)
        rows.append(
            {
                "field": field,
                "label": label,
                "value": value or "unknown",
                "source": SOURCE_NAMES.get(origin or "", origin) if origin else None,
            }
        )
    return rows
