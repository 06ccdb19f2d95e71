"""Eight reports of one made-up event (a crane collapse in the fictional port of Estrel),
written for these tests, each credited to a real outlet by a URL or a bare domain, the way
an import file names its sources."""

from __future__ import annotations

import json
from pathlib import Path

# source as the import file gives it -> (outlet key, name, country)
OUTLETS = {
    "https://www.nytimes.com/2026/04/02/world/estrel-crane.html": (
        "nytimes.com",
        "The New York Times",
        "US",
    ),
    "foxnews.com": ("foxnews.com", "Fox News", "US"),
    "https://www.huffpost.com/entry/estrel-crane-collapse_n_1": ("huffpost.com", "HuffPost", "US"),
    "https://feeds.bbci.co.uk/news/world-estrel": ("bbc.com", "BBC News", "GB"),
    "www.aljazeera.com": ("aljazeera.com", "Al Jazeera English", "QA"),
    "https://www.lemonde.fr/international/article/2026/04/02/estrel": (
        "lemonde.fr",
        "Le Monde",
        "FR",
    ),
    "spiegel.de": ("spiegel.de", "Der Spiegel", "DE"),
    "https://elpais.com/internacional/2026-04-02/estrel.html": ("elpais.com", "El País", "ES"),
}

REPORTS = [
    (
        "en",
        "Crane collapses at Estrel port, two dockworkers hurt",
        "A container crane collapsed at the port of Estrel on Wednesday morning, injuring two "
        "dockworkers, the port authority said. Operations at the eastern terminal were halted.",
    ),
    (
        "en",
        "Estrel port crane falls onto cargo ship",
        "A giant crane fell onto a cargo ship at the port of Estrel on Wednesday. Two "
        "dockworkers were hurt and the eastern terminal was closed, port officials said.",
    ),
    (
        "en",
        "Two injured as crane topples at Estrel harbour",
        "Two dockworkers were injured when a container crane toppled at Estrel harbour on "
        "Wednesday, the port authority said, closing the eastern terminal.",
    ),
    (
        "en",
        "Estrel: port crane collapse injures two",
        "The collapse of a container crane at the port of Estrel injured two dockworkers on "
        "Wednesday morning. The port authority halted work at the eastern terminal.",
    ),
    (
        "en",
        "Crane collapse shuts Estrel terminal",
        "Work stopped at the eastern terminal of Estrel port on Wednesday after a container "
        "crane collapsed, injuring two dockworkers, according to the port authority.",
    ),
    (
        "fr",
        "Une grue s'effondre dans le port d'Estrel, deux dockers blessés",
        "Une grue à conteneurs s'est effondrée mercredi matin dans le port d'Estrel, blessant "
        "deux dockers, selon l'autorité portuaire. Le terminal est a été fermé.",
    ),
    (
        "de",
        "Kran stürzt im Hafen von Estrel ein, zwei Hafenarbeiter verletzt",
        "Im Hafen von Estrel ist am Mittwochmorgen ein Containerkran eingestürzt. Zwei "
        "Hafenarbeiter wurden verletzt, teilte die Hafenbehörde mit. Das Ostterminal wurde "
        "geschlossen.",
    ),
    (
        "es",
        "Se derrumba una grúa en el puerto de Estrel y hiere a dos estibadores",
        "Una grúa de contenedores se derrumbó el miércoles por la mañana en el puerto de Estrel "
        "e hirió a dos estibadores, informó la autoridad portuaria. La terminal este fue cerrada.",
    ),
]


def write_import_file(path: Path) -> Path:
    lines = []
    for n, (source, (lang, title, text)) in enumerate(zip(OUTLETS, REPORTS, strict=True)):
        record = {
            "id": f"estrel-{n}",
            "title": title,
            "text": text,
            "lang": lang,
            "date": f"2026-04-02T{8 + n:02d}:00:00Z",
            "source": source,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path
