#!/usr/bin/env python3
"""Apply the translation table to the default dataset.

    python3 scripts/apply_translations.py            # rewrite the dataset in place
    python3 scripts/apply_translations.py --check    # change nothing; fail if the dataset is not up to date

The table (scripts/i18n_data/translations.json, plus one file per language for the records in
scripts/i18n_data/records/<lang>.json, merged into it) is kept apart from the dataset so that the facts
and the translations can be edited by different people and the translations re-applied after a
merge. Each entry carries the default-language text it was translated from: an entry whose source
no longer matches the dataset is reported as stale and left out, so a corrected English sentence
never appears next to a translation of the old one. A field may list several entries, one per
version of its source text (a correction on another branch can be translated before it lands). Only the text fields named in the table are
touched; the output keeps the dataset's layout (2-space JSON, key order, UTF-8 unescaped).

Exit status: 0 when everything applied (or, with --check, when the dataset already holds every
translation), 1 when an entry is stale or missing its record, 2 on unreadable input.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "public/data/un-cyber-processes.json"
TABLE = ROOT / "scripts/i18n_data/translations.json"
RECORDS = ROOT / "scripts/i18n_data/records"


def is_entry(v):
    """A translation entry: the default-language source and its translations, all strings."""
    return isinstance(v, dict) and v and all(isinstance(x, str) for x in v.values())


def merge(into, more, where="table"):
    """Adds `more` (a per-language records file) to `into`: entries for the same source text gain
    its languages; anything else is added where `into` has nothing."""
    if is_entry(into) and is_entry(more):
        for lang, text in more.items():
            if lang in into and into[lang] != text:
                raise ValueError(f"{where}: two translations into {lang}")
            into[lang] = text
        return into
    if isinstance(into, dict) and isinstance(more, dict):
        for k, v in more.items():
            into[k] = merge(into[k], v, f"{where}.{k}") if k in into else v
        return into
    if isinstance(into, list) and isinstance(more, list) and len(into) == len(more):
        return [merge(a, b, f"{where}[{i}]") for i, (a, b) in enumerate(zip(into, more))]
    raise ValueError(f"{where}: the records files disagree on its shape")


class Applier:
    def __init__(self, default_lang):
        self.default = default_lang
        self.applied = 0
        self.problems = []

    def text(self, container, key, entry, where):
        """Turn container[key] into a per-language object holding the entry's translations."""
        # container is a record (keyed by field) or a block list (keyed by position).
        present = key in container if isinstance(container, dict) else 0 <= key < len(container)
        if not present or container[key] is None:
            self.problems.append(f"{where}: the dataset has no such field")
            return
        current = container[key]
        source = current if isinstance(current, str) else current.get(self.default)
        # An entry is one translation, or a list of translations of successive versions of the
        # source text; the one made from the dataset's current text is used.
        versions = entry if isinstance(entry, list) else [entry]
        if not all(isinstance(v, dict) and isinstance(v.get(self.default), str) for v in versions):
            self.problems.append(f"{where}: a table entry has no '{self.default}' source text")
            return
        entry = next((v for v in versions if v[self.default] == source), None)
        if entry is None:
            self.problems.append(
                f"{where}: stale, the dataset's text changed since it was translated\n"
                f"    table:   {versions[-1][self.default]!r}\n    dataset: {source!r}"
            )
            return
        merged = {self.default: source}
        for lang, s in entry.items():
            if lang == self.default:
                continue
            if not isinstance(s, str) or not s.strip():
                self.problems.append(f"{where}.{lang}: empty translation")
                continue
            merged[lang] = s
        # Languages someone added to the dataset directly survive, after the table's.
        if isinstance(current, dict):
            for lang, s in current.items():
                merged.setdefault(lang, s)
        if merged != current:
            container[key] = merged
        self.applied += 1

    def each(self, records, key, entries, where):
        """Field `key` of each of `records`, from `entries` matched by position (`None`: none)."""
        if len(records) != len(entries):
            self.problems.append(f"{where}: {len(records)} in the dataset, {len(entries)} in the table")
            return
        for i, (record, entry) in enumerate(zip(records, entries)):
            if entry is not None:
                self.text(record, key, entry, f"{where}[{i}].{key}")

    def blocks(self, current, entry, where):
        """An explainer section: paragraphs and {"list": [...]} blocks, matched one to one."""
        if not isinstance(current, list) or len(current) != len(entry):
            self.problems.append(f"{where}: the section's blocks differ from the table's; not applied")
            return
        for i, (cur, ent) in enumerate(zip(current, entry)):
            here = f"{where}[{i}]"
            if isinstance(ent, dict) and "list" in ent:
                items = cur.get("list") if isinstance(cur, dict) else None
                if not isinstance(items, list) or len(items) != len(ent["list"]):
                    self.problems.append(f"{here}: the list differs from the table's; not applied")
                    continue
                for j, item in enumerate(ent["list"]):
                    self.text(items, j, item, f"{here}.list[{j}]")
            else:
                self.text(current, i, ent, here)


def by_id(records):
    return {r.get("id"): r for r in records}


def apply(data, table):
    a = Applier(data["meta"]["default_lang"])
    for key, entry in table.get("meta", {}).items():
        a.text(data["meta"], key, entry, f"meta.{key}")

    taxonomies = by_id(data.get("taxonomies", []))
    for tax_id, t in table.get("taxonomies", {}).items():
        tax = taxonomies.get(tax_id)
        if tax is None:
            a.problems.append(f"taxonomy {tax_id}: not in the dataset")
            continue
        for key in ("label", "description"):
            if key in t:
                a.text(tax, key, t[key], f"taxonomy {tax_id}.{key}")
        tags = by_id(tax.get("tags", []))
        for tag_id, tg in t.get("tags", {}).items():
            tag = tags.get(tag_id)
            if tag is None:
                a.problems.append(f"tag {tax_id}/{tag_id}: not in the dataset")
                continue
            for key, entry in tg.items():
                a.text(tag, key, entry, f"tag {tax_id}/{tag_id}.{key}")

    for group in ("event_kinds", "resource_kinds"):
        kinds = by_id(data.get(group, []))
        for kind_id, k in table.get(group, {}).items():
            kind = kinds.get(kind_id)
            if kind is None:
                a.problems.append(f"{group} {kind_id}: not in the dataset")
                continue
            for key, entry in k.items():
                a.text(kind, key, entry, f"{group} {kind_id}.{key}")

    processes = by_id(data.get("processes", []))
    for pid, p in table.get("processes", {}).items():
        proc = processes.get(pid)
        if proc is None:
            a.problems.append(f"process {pid}: not in the dataset")
            continue
        for key in ("name", "short_name", "summary"):
            if key in p:
                a.text(proc, key, p[key], f"process {pid}.{key}")
        explainer = proc.get("explainer", {})
        for section, blocks in p.get("explainer", {}).items():
            a.blocks(explainer.get(section), blocks, f"process {pid}.explainer.{section}")
        if "key_facts" in p:
            a.each(proc.get("key_facts", []), "text", p["key_facts"], f"process {pid}.key_facts")

    events = by_id(data.get("events", []))
    for eid, e in table.get("events", {}).items():
        ev = events.get(eid)
        if ev is None:
            a.problems.append(f"event {eid}: not in the dataset")
            continue
        for key in ("title", "summary", "outcome"):
            if key in e:
                a.text(ev, key, e[key], f"event {eid}.{key}")
        for key, entry in e.get("location", {}).items():
            a.text(ev.get("location", {}), key, entry, f"event {eid}.location.{key}")

    resources = by_id(data.get("resources", []))
    for rid, r in table.get("resources", {}).items():
        res = resources.get(rid)
        if res is None:
            a.problems.append(f"resource {rid}: not in the dataset")
            continue
        if "summary" in r:
            a.text(res, "summary", r["summary"], f"resource {rid}.summary")

    figures = by_id(data.get("figures", []))
    for fid, f in table.get("figures", {}).items():
        fig = figures.get(fid)
        if fig is None:
            a.problems.append(f"figure {fid}: not in the dataset")
            continue
        if "label" in f:
            a.text(fig, "label", f["label"], f"figure {fid}.label")
        if "target_label" in f:
            a.text(fig.get("target", {}), "label", f["target_label"], f"figure {fid}.target.label")
        if "notes" in f:
            a.each(fig.get("points", []), "note", f["notes"], f"figure {fid}.points")
    return a


def dump(data):
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="change nothing; fail if not up to date")
    ap.add_argument("--dataset", type=Path, default=DATASET)
    ap.add_argument("--table", type=Path, default=TABLE)
    args = ap.parse_args()
    try:
        before = args.dataset.read_text(encoding="utf-8")
        data = json.loads(before)
        table = json.loads(args.table.read_text(encoding="utf-8"))
        records_dir = args.table.parent / "records"
        for f in sorted(records_dir.glob("*.json")) if records_dir.is_dir() else []:
            table = merge(table, json.loads(f.read_text(encoding="utf-8")), f.name)
    except (OSError, ValueError) as e:
        print(f"cannot read input: {e}", file=sys.stderr)
        return 2

    a = apply(data, table)
    after = dump(data)
    for p in a.problems:
        print(p, file=sys.stderr)
    if args.check:
        if after != before:
            print(f"{args.dataset} is missing translations from the table; run without --check",
                  file=sys.stderr)
            return 1
    elif after != before:
        args.dataset.write_text(after, encoding="utf-8")
    print(f"{a.applied} fields translated, {len(a.problems)} problems"
          + ("" if args.check else f"; {'wrote' if after != before else 'no change to'} {args.dataset.name}"))
    return 1 if a.problems else 0


if __name__ == "__main__":
    sys.exit(main())
