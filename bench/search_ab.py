#!/usr/bin/env python3
"""One round of the list and search timings of bench/run.py (no import), for before/after
comparisons in alternating rounds on a shared, noisy machine:

    for round in 1 2 3; do
      for tree in /tmp/base /work/wt-fts; do
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_fts_100k \
          .venv/bin/python bench/search_ab.py --code $tree --label $(basename $tree) --runs 9
      done
    done

`--code`: the checkout whose code is measured (its `bench/` and project are put first on the
path), so one virtualenv measures two versions. Prints one JSON line per case.
"""

import argparse
import json
import os
import random
import sys
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--code", default=str(Path(__file__).resolve().parent.parent))
parser.add_argument("--label", default="")
parser.add_argument("--runs", type=int, default=9)
args = parser.parse_args()
code = Path(args.code).resolve()
sys.path[:0] = [str(code), str(code / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.test")

import django  # noqa: E402

django.setup()

import generate  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from run import measure  # noqa: E402

setup_test_environment()
words = generate.build_vocabulary(random.Random(generate.SEED), generate.EN_WORDS, 6000)[0]
common, rare = words[999], words[5999]
cases = [
    ("search, common word (~10%)", f"/publications/?q={common}"),
    ("search, common word, page 3", f"/publications/?q={common}&page=3"),
    ("search, rare word (~1.5%)", f"/publications/?q={rare}"),
    ("list, parent region + theme", "/publications/?region=asia&theme=security"),
    ("list, no filter", "/publications/"),
]
client = Client()
for label, url in cases:
    result = measure(client, url, args.runs)
    result.update(case=label, code=args.label or code.name)
    print(json.dumps(result), flush=True)
