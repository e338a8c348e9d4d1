#!/usr/bin/env python3
"""Draw a blind sample of real news sentences that hold a number, as a figures gold folder.

Usage: scripts/sample_figures.py --seed 1 --n 60 --out /tmp/figreal/A [--data /work/shared/data]

Half the sentences come from DUC 2006 newswire (duc2006/duc2006.jsonl), half from Timeline17
(timeline17/timeline17.jsonl, PTB-tokenised as sitrep reads it). Each sentence becomes its own
event folder s<NN>/a.txt in the layout of tests/gold/figures (Title/Outlet/Date header, blank
line, text), so `sitrep eval-figures --data OUT -v` scores it once OUT/gold.tsv is written.
The script also writes OUT/sentences.txt (one numbered sentence a line) to annotate from, and
an empty OUT/gold.tsv to fill in BEFORE running sitrep on the folder. The output holds dataset
text: keep it outside the repository.
"""
import argparse
import json
import os
import random
import re

# "one" is left out: it is mostly a pronoun ("one of the", "no one").
NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens"
).split()
HAS_NUMBER = re.compile(r"\d|\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
# Sentence ends: a full stop, ? or ! (optionally closed by a quote) before a capital or a quote.
# Timeline17's tokenised text puts a space before the stop.
SPLIT = re.compile(r"(?<=[.!?])(?:\s*(?:''|\"|'))?\s+(?=[A-Z\"`])")
ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jan|Feb|Aug|Sept|Oct|"
                    r"Nov|Dec|No|U\.S|U\.N|Inc|Corp|Co|Jr|vs)\.$")


def sentences(text):
    for para in text.split("\n"):
        start = 0
        for m in SPLIT.finditer(para):
            if ABBREV.search(para[start:m.start()]):
                continue
            yield para[start:m.start()].strip()
            start = m.end()
        yield para[start:].strip()


def candidates(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            for doc in cluster["documents"]:
                for s in sentences(doc["text"] or ""):
                    if 40 <= len(s) <= 400 and HAS_NUMBER.search(s):
                        out.append((cluster["id"], doc["id"], doc.get("date") or "", s))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default="/work/shared/data")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pools = [candidates(os.path.join(args.data, "duc2006/duc2006.jsonl")),
             candidates(os.path.join(args.data, "timeline17/timeline17.jsonl"))]
    picked = []
    for i, pool in enumerate(pools):
        picked += rng.sample(pool, args.n // 2 + (args.n % 2 if i == 0 else 0))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "sentences.txt"), "w", encoding="utf-8") as listing:
        for k, (cluster, doc, date, s) in enumerate(picked, 1):
            d = os.path.join(args.out, "s%02d" % k)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "a.txt"), "w", encoding="utf-8") as f:
                f.write("Title: %s %s\nOutlet: sample\n" % (cluster, doc))
                if re.fullmatch(r"\d{4}-\d\d-\d\d", date):
                    f.write("Date: %s\n" % date)
                f.write("\n%s\n" % s)
            listing.write("s%02d [%s %s] %s\n" % (k, cluster, doc, s))
    gold = os.path.join(args.out, "gold.tsv")
    if not os.path.exists(gold):
        with open(gold, "w", encoding="utf-8") as f:
            f.write("# F <sNN/a> <value> <unit|-> <head> <source|->, annotated blind\n")


if __name__ == "__main__":
    main()
