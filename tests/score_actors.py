#!/usr/bin/env python3
"""Actor identity across articles, scored on ECB+ entity mentions (HUMAN_PART_PER, HUMAN_PART_ORG).

  score_actors.py EXPORT_JSON GOLD_JSONL

EXPORT_JSON is `dateline export --format json CORPUS`; GOLD_JSONL is ECB+'s gold.jsonl (see
../shared/docs/evaluation.md). Only sentences marked `selected` are annotated exhaustively, so only system
mentions on those lines count. A system mention matches a gold person/organisation mention on the same line
whose text overlaps it.

Figures:
- detection: precision (system mentions that hit a gold person/organisation mention) and recall (gold
  mentions hit). Gold counts pronouns and common nouns ("she", "the actress"), which Dateline does not mark
  as actor mentions, so recall is also given for proper-name mentions only (gold text starting upper case).
- identity: pairwise links across articles among matched mentions — a system link when two mentions in
  different articles belong to the same actor, a gold link when they share a gold chain. Precision, recall
  and F1 of the system's links against the gold's. This is the figure the quality issue targets.
Last line: `score: identity_f1=… detection_p=… detection_r=…`.
"""
import json
import sys
from collections import defaultdict

TAGS = {"HUMAN_PART_PER", "HUMAN_PART_ORG"}


def main(export_p, gold_p):
    export = json.load(open(export_p))
    gold = [json.loads(line) for line in open(gold_p)]
    selected_lines = {(g["doc"], g["line"]) for g in gold if g["selected"]}
    gents = [g for g in gold if g["kind"] == "entity" and g["tag"] in TAGS and g["selected"]]
    by_line = defaultdict(list)
    for g in gents:
        by_line[(g["doc"], g["line"])].append(g)

    def match(m):
        for g in by_line.get((m["path"], m["line"]), []):
            gs, ge = g["col"], g["col"] + len(g["text"])
            ms = m["column"]
            me = m.get("end_column", ms + len(m.get("text", ""))) if m.get("end_line", m["line"]) == m["line"] else 10**9
            if ms < ge and gs < me:
                return g
        return None

    considered, hits = 0, []
    for a in export.get("actors", []):
        for m in a.get("mentions", []):
            if (m["path"], m["line"]) not in selected_lines:
                continue
            considered += 1
            g = match(m)
            if g is not None:
                hits.append((a["id"], g))
    key = lambda g: (g["doc"], g["start"])
    found = {key(g) for _, g in hits}
    det_p = len(hits) / considered if considered else 0.0
    det_r = len(found) / len(gents) if gents else 0.0
    names = [g for g in gents if g["text"][:1].isupper() and g["text"].lower() not in {"he", "she", "i", "we", "they"}]
    det_r_names = len([g for g in names if key(g) in found]) / len(names) if names else 0.0

    # one gold mention may be hit by two system mentions: keep the first actor it was given to
    actor_of = {}
    for aid, g in hits:
        actor_of.setdefault(key(g), (aid, g))
    mentions = list(actor_of.values())

    def links(group_of):
        groups = defaultdict(list)
        for aid, g in mentions:
            k = group_of(aid, g)
            if k is not None:
                groups[k].append(g)
        out = set()
        for ms in groups.values():
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    if ms[i]["doc"] != ms[j]["doc"]:
                        out.add(frozenset((key(ms[i]), key(ms[j]))))
        return out

    sys_links = links(lambda aid, g: aid)
    gold_links = links(lambda aid, g: g["chain"] if g["chain"] and g["chain_kind"] == "cross" else None)
    both = len(sys_links & gold_links)
    lp = both / len(sys_links) if sys_links else 0.0
    lr = both / len(gold_links) if gold_links else 0.0
    lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
    print(f"gold person/organisation mentions (selected sentences): {len(gents)}, of them proper names: {len(names)}")
    print(f"detection: precision {det_p:.3f} ({len(hits)}/{considered}), recall {det_r:.3f}, recall on names {det_r_names:.3f}")
    print(f"identity across articles (pairwise): precision {lp:.3f}, recall {lr:.3f}, F1 {lf:.3f} "
          f"({both} of {len(sys_links)} system links, {len(gold_links)} gold links)")
    print(f"score: identity_f1={lf:.3f} detection_p={det_p:.3f} detection_r={det_r:.3f} names_r={det_r_names:.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
