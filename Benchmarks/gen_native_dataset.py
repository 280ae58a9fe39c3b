#!/usr/bin/env python3
"""Writes a deterministic native Muster dataset (YAML) with N events, for benchmarks.

Usage: gen_native_dataset.py EVENTS OUT.yaml [--seed N]

Shape: 50 sources, one document per source and month, 400 actors with aliases, 2,000 sites
in 20 regions, 3,000 deployments, and EVENTS events spread over 2015-2024, each with two
participants, a site, a citation and a summary of about 30 words.
"""
import argparse
import random

WORDS = ("forces clashed near the village after reports of shelling along the river road "
         "while local sources said militia units withdrew from positions north of the "
         "crossing and reinforcements arrived from the provincial capital overnight").split()


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("events", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        w = f.write
        w("muster: 1\ntitle: Synthetic benchmark dataset\n")
        w("sources:\n")
        for s in range(50):
            w(f"  - {{id: source:s{s}, name: {q('Source %d' % s)}, kind: news, reliability: {'ABCDEF'[s % 6]}}}\n")
        w("documents:\n")
        for s in range(50):
            for m in range(120):
                year, month = 2015 + m // 12, m % 12 + 1
                w(f"  - {{id: document:d{s}-{m}, source: source:s{s}, title: {q('Report %d/%d' % (s, m))}, published: {year}-{month:02d}}}\n")
        w("actors:\n")
        for a in range(400):
            w(f"  - {{id: actor:a{a}, name: {q('Brigade %d' % a)}, kind: militia, aliases: [{q('Liwa %d' % a)}, {q('Unit %d' % a)}]}}\n")
        w("sites:\n")
        for r in range(20):
            w(f"  - {{id: site:r{r}, name: {q('Region %d' % r)}, kind: area, location: {{latitude: {30 + r * 0.3:.4f}, longitude: {38 + r * 0.2:.4f}, precision: admin1}}}}\n")
        for s in range(2000):
            lat = 30 + rng.random() * 7
            lon = 36 + rng.random() * 6
            w(f"  - {{id: site:s{s}, name: {q('Village %d' % s)}, kind: village, parent: site:r{s % 20}, location: {{latitude: {lat:.4f}, longitude: {lon:.4f}, precision: exact}}}}\n")
        w("deployments:\n")
        for d in range(3000):
            start = f"{2015 + d % 10}-{d % 12 + 1:02d}"
            w(f"  - {{id: deployment:d{d}, actor: actor:a{d % 400}, site: site:s{(d * 7) % 2000}, role: control, status: present, start: {start}, citations: [{{document: document:d{d % 50}-{d % 120}, credibility: {d % 6 + 1}}}]}}\n")
        w("events:\n")
        for e in range(args.events):
            day = rng.randrange(0, 3650)
            year, rest = 2015 + day // 365, day % 365
            month, dom = rest // 31 + 1, rest % 28 + 1
            if month > 12:
                month = 12
            summary = " ".join(rng.choice(WORDS) for _ in range(30))
            a1, a2 = rng.randrange(400), rng.randrange(400)
            site = rng.randrange(2000)
            doc = f"document:d{rng.randrange(50)}-{(year - 2015) * 12 + month - 1}"
            w(f"  - id: event:e{e}\n    kind: clash\n    date: {year}-{month:02d}-{dom:02d}\n"
              f"    site: site:s{site}\n    actors: [{{actor: actor:a{a1}, role: actor1}}, {{actor: actor:a{a2}, role: actor2}}]\n"
              f"    summary: {q(summary)}\n    citations: [{{document: {doc}, credibility: {rng.randrange(1, 7)}}}]\n")


if __name__ == "__main__":
    main()
