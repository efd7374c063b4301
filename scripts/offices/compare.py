#!/usr/bin/env python3
"""compare.py OUTDIR [--muster BIN] [--details]

Reads OUTDIR/truth.csv and the newest run's validate checkpoint
(muster inspect --stage validate --json --show-pii), and prints:
validation precision/recall (all records, and without debatable ones), per quirk tag,
records missing from / unknown to the books, wrong reasons, and canonical values that
differ from the truth for accepted valid records.  Standard library only.
"""
import collections
import csv
import json
import os
import subprocess
import sys
import unicodedata

args = sys.argv[1:]
root = os.path.abspath(args[0])
muster = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), ".build/debug/muster")
if "--muster" in args:
    muster = args[args.index("--muster") + 1]
details = "--details" in args

cp = subprocess.run([muster, "inspect", "--pipeline", "pipeline.json", "--stage", "validate", "--json", "--show-pii",
                     "--limit", "10000000"], cwd=root, capture_output=True, text=True)
recs = {}
for line in cp.stdout.splitlines():
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    pv = r["source"]["provenance"]
    recs[pv["file"] + "#" + pv["locator"]] = r
with open(os.path.join(root, "muster-validate.ndjson"), "w") as fh:
    fh.write(cp.stdout)

truth = list(csv.DictReader(open(os.path.join(root, "truth.csv"), encoding="utf-8")))
rows = {}
for line in open(os.path.join(root, "rows.jsonl"), encoding="utf-8"):
    o = json.loads(line)
    rows[o["ref"]] = o


def qrules(r):
    return [q["rule"] for q in r.get("quarantine", [])]


def fold(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(s.split())


RULE_FAMILY = {
    "required-name": ("name:", "nonrecord:", "csv:name-header"),
    "nik-format": ("nik:", "json:nik", "csv:No-KK", "csv:headers"),
    "phone-format": ("phone:", "json:phone", "csv:second-phone", "csv:separate-WA", "xml:masked"),
    "phone-indonesian": ("phone:", "json:phone"),
    "email-format": ("email:",),
    "age-range": ("birth:", "date:", "json:birth", "age:", "rekap:"),
    "birth-date-real": ("birth:", "date:", "json:birth", "age:", "csv:NULL-literal-birthDate"),
    "place-known": ("place:", "kec-place:", "csv:merged", "csv:two-row", "csv:NULL-literal-kecamatan", "csv:headers"),
    "place-in-area": ("place:", "kec-place:", "csv:merged", "csv:two-row"),
    "malformed-record": ("json:", "csv:"),
}
BASE = {"nik:plain", "phone:plain", "date:iso", "date:dd/mm/yyyy"}


def culprits(t, m):
    """The quirk tags that explain an error: the invalid quirk for a miss, the tags of the field muster
    complained about for a false alarm."""
    tags = t["tags"].split()
    if t["status"] == "INVALID":
        return t["bad_tags"].split() or ["(invalid, no tag)"]
    out = []
    for rule in qrules(m):
        fam = RULE_FAMILY.get(rule, ())
        out += [g for g in tags if g.startswith(fam) and g not in BASE]
        if t["debatable"] and "csv:NULL" in t["tags"]:
            out += [g for g in tags if g.startswith("csv:NULL")]
    return list(dict.fromkeys(out)) or ["(base:%s)" % ",".join(qrules(m))]


culprit_count = collections.defaultdict(collections.Counter)
culprit_examples = collections.defaultdict(list)
tag_total = collections.Counter()
other_phone = []
stats = collections.Counter()
by_tag = collections.defaultdict(collections.Counter)
examples = collections.defaultdict(list)
missing = []
wrong_reason = collections.defaultdict(list)
canon = collections.defaultdict(list)
nonrec = []

for t in truth:
    ref, st = t["ref"], t["status"]
    tags = t["tags"].split() or ["(no quirk)"]
    deb = bool(t["debatable"])
    m = recs.get(ref)
    if m is None:
        missing.append(t)
        for g in tags:
            by_tag[g]["missing"] += 1
        continue
    rules = qrules(m)
    q = bool(rules)
    if st == "NONRECORD":
        nonrec.append((t, m))
        for g in tags:
            by_tag[g]["n"] += 1
            by_tag[g]["nonrec-accepted" if not q else "nonrec-quarantined"] += 1
        continue
    inv = st == "INVALID"
    cell = ("TP" if q else "FN") if inv else ("FP" if q else "TN")
    for scope in (["all"] + ([] if deb else ["clear"])):
        stats[scope, cell] += 1
    for g in tags:
        tag_total[g] += 1
    for g in set(t["bad_tags"].split()):
        culprit_count[g]["invalid"] += 1
        culprit_count[g]["caught" if q else "missed"] += 1
    if cell in ("FP", "FN"):
        for g in culprits(t, m):
            culprit_count[g][cell] += 1
            culprit_count[g]["deb"] += deb
            if len(culprit_examples[g, cell]) < 4:
                culprit_examples[g, cell].append((t, m))
    for g in tags:
        by_tag[g]["n"] += 1
        by_tag[g][cell] += 1
        if cell in ("FP", "FN") and len(examples[g, cell]) < 6:
            examples[g, cell].append((t, m))
    if inv and q:
        exp = set(t["reasons"].split())
        if not exp & set(rules):
            wrong_reason[t["reasons"]].append((t, m))
    if not inv and not q:
        nv = m.get("normalized", {}).get("values", {})
        def chk(name, expv, got):
            if expv and (got or "") != expv:
                canon[name].append((t, m, expv, got))
        chk("kelurahanCode", t["exp_kelurahanCode"], nv.get("kelurahanCode"))
        chk("kecamatanCode", t["exp_kecamatanCode"], nv.get("kecamatanCode"))
        chk("birthDate", t["exp_birthDate"], nv.get("birthDate"))
        chk("nik", t["exp_nik"], nv.get("nik"))
        chk("email", t["exp_email"], nv.get("email"))
        phones = t["exp_phones"].split()
        if not phones and nv.get("phone") and "phone" in json.loads(t["raw"]) and not json.loads(t["raw"]).get("phone", "").strip():
            other_phone.append((t, m))
        if phones and nv.get("phone") != phones[0]:
            canon["phone"].append((t, m, " ".join(phones), nv.get("phone")))
        if t["exp_name"] and fold(nv.get("name")) != fold(t["exp_name"]):
            canon["name"].append((t, m, t["exp_name"], nv.get("name")))

# refs muster has that the truth does not know
known = {t["ref"] for t in truth}
extra = [(k, v) for k, v in recs.items() if k not in known and v["source"].get("kind") != "programme"]


def pr(scope):
    tp, fp, fn, tn = (stats[scope, c] for c in ("TP", "FP", "FN", "TN"))
    p = tp / (tp + fp) if tp + fp else float("nan")
    rc = tp / (tp + fn) if tp + fn else float("nan")
    return "%s: TP %d FP %d FN %d TN %d  precision %.3f recall %.3f" % (scope, tp, fp, fn, tn, p, rc)


print("muster records in validate checkpoint:", len(recs))
print("truth records:", len(truth), collections.Counter(t["status"] for t in truth))
print(pr("all"))
print(pr("clear"), "(without debatable truths)")


def identity():
    """Pairwise precision and recall of the registry's participants against the truth's
    people, over the valid records the registry accepted."""
    import itertools
    import sqlite3
    person = {t["ref"]: t["person"] for t in truth if t["status"] == "VALID" and t.get("person")}
    db = sqlite3.connect(os.path.join(root, ".muster/registry.sqlite"))
    participant = {f + "#" + loc: pid for f, loc, pid in db.execute(
        "SELECT file, locator, participant_id FROM source_records WHERE kind = 'participant' AND participant_id IS NOT NULL")}
    refs = sorted(r for r in person if r in participant)

    def pairs(key):
        groups = collections.defaultdict(list)
        for r in refs:
            groups[key(r)].append(r)
        return {pair for members in groups.values() for pair in itertools.combinations(members, 2)}

    if not person:
        return "identity: n/a (truth.csv names no person per record)"
    true_pairs, found = pairs(person.get), pairs(participant.get)
    right = len(true_pairs & found)
    p = right / len(found) if found else 1.0
    rc = right / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return "identity: %d valid records of %d people in %d participants; pairwise precision %.4f recall %.4f F1 %.4f (%d of %d merged pairs right, %d true pairs)" % (
        len(refs), len({person[r] for r in refs}), len({participant[r] for r in refs}), p, rc, f1, right, len(found), len(true_pairs))


print(identity())
print()
print("missing from muster's records (truth ref not found): %d" % len(missing))
for t in missing[:40]:
    print("   ", t["ref"], t["status"], t["tags"][:80])
print("muster participant records unknown to the truth: %d" % len(extra))
for k, v in extra[:20]:
    print("   ", k, json.dumps(v["source"].get("fields"), ensure_ascii=False)[:150], qrules(v))
print()
fam = collections.defaultdict(collections.Counter)
for t in truth:
    m = recs.get(t["ref"])
    if m is None or t["status"] == "NONRECORD":
        continue
    q = bool(qrules(m))
    if t["status"] == "INVALID":
        for g in set(x.split(":")[0] for x in t["bad_tags"].split()):
            fam[g]["invalid"] += 1
            fam[g]["caught" if q else "FN"] += 1
    elif q:
        cs = culprits(t, m)
        fam[cs[0].split(":")[0]]["FP"] += 1
print("by quirk family: invalid records caught (recall) and valid records quarantined (first culprit)")
for g, c in sorted(fam.items()):
    print("  %-18s invalid=%-4d caught=%-4d FN=%-3d FP=%-3d" % (g, c["invalid"], c["caught"], c["FN"], c["FP"]))
byfile = collections.defaultdict(collections.Counter)
for t in truth:
    m = recs.get(t["ref"])
    if m is None or t["status"] == "NONRECORD":
        continue
    q = bool(qrules(m)); inv = t["status"] == "INVALID"
    byfile[t["ref"].split("#")[0]][("TP" if q else "FN") if inv else ("FP" if q else "TN")] += 1
print("per file: TP FP FN TN")
for f, c in sorted(byfile.items()):
    print("  %-48s TP=%-3d FP=%-3d FN=%-3d TN=%-3d" % (f, c["TP"], c["FP"], c["FN"], c["TN"]))
print()
print("non-records:")
for t, m in nonrec:
    print("   ", t["ref"], t["tags"], "->", "quarantined " + ",".join(qrules(m)) if qrules(m) else "ACCEPTED",
          json.dumps(m["source"].get("fields"), ensure_ascii=False)[:120])
print()
print("errors by culprit quirk: FP = valid quarantined, FN = invalid accepted; for invalid quirks caught/invalid")
for g in sorted(culprit_count, key=lambda g: -(culprit_count[g]["FP"] + culprit_count[g]["FN"])):
    c = culprit_count[g]
    if c["FP"] or c["FN"] or details:
        print("  %-64s with_tag=%-4d FP=%-3d FN=%-3d caught=%d/%d %s" % (g[:64], tag_total[g], c["FP"], c["FN"], c["caught"],
                                                                     c["invalid"], "(debatable %d)" % c["deb"] if c["deb"] else ""))
print()
for (g, cell), lst in sorted(culprit_examples.items()):
    print(" [%s] %s" % (cell, g))
    for t, m in lst[:2]:
        raw = json.loads(t["raw"])
        msgs = ["%s: %s" % (q["rule"], q.get("message", "")) for q in m.get("quarantine", [])]
        print("     %s  raw=%s" % (t["ref"], json.dumps(raw, ensure_ascii=False)[:200]))
        print("        muster: %s%s" % (msgs or "accepted", (" | debatable: " + t["debatable"]) if t["debatable"] else ""))
print()
print("accepted records whose phone came from another column (their own phone cell is empty): %d" % len(other_phone))
for t, m in other_phone[:5]:
    print("    %s phone=%s cells=%s" % (t["ref"], m["normalized"]["values"].get("phone"), json.dumps(rows.get(t["ref"], {}).get("cells"), ensure_ascii=False)[:200]))
print()
print("per tag (only tags with an error): n TP FN FP TN")
for g in sorted(by_tag):
    c = by_tag[g]
    if c["FP"] or c["FN"] or c["missing"] or c["nonrec-accepted"] or details:
        print("  %-62s n=%-4d TP=%-3d FN=%-3d FP=%-3d TN=%-4d miss=%d nonrecAcc=%d" % (
            g[:62], c["n"], c["TP"], c["FN"], c["FP"], c["TN"], c["missing"], c["nonrec-accepted"]))
print()
print("examples of errors per tag:")
for (g, cell), lst in (sorted(examples.items()) if details else []):
    print(" [%s] %s" % (cell, g))
    for t, m in lst[:3]:
        raw = json.loads(t["raw"])
        msgs = ["%s: %s" % (q["rule"], q.get("message", "")) for q in m.get("quarantine", [])]
        print("     %s  raw=%s" % (t["ref"], json.dumps(raw, ensure_ascii=False)[:230]))
        print("        muster: %s  %s" % (msgs or "accepted", (" | debatable: " + t["debatable"]) if t["debatable"] else ""))
print()
print("quarantined invalid records with an unexpected reason:")
for exp, lst in wrong_reason.items():
    print("  expected %s: %d" % (exp, len(lst)))
    for t, m in lst[:3]:
        print("     %s %s -> %s" % (t["ref"], t["tags"][:90], ["%s: %s" % (q["rule"], q.get("message", "")) for q in m["quarantine"]]))
print()
print("canonical values differing from truth (accepted valid records):")
for k, lst in canon.items():
    print("  %s: %d" % (k, len(lst)))
    cnt = collections.Counter()
    for t, m, e, g in lst:
        key = [x for x in t["tags"].split() if x.startswith(("place", "kec-place", "date", "phone", "nik", "name", "json", "email", "csv"))]
        cnt[" ".join(key)[:100]] += 1
    for key, n in cnt.most_common(12):
        print("      %3d  %s" % (n, key))
    for t, m, e, g in lst[:8]:
        src = m["source"]["fields"]
        print("      %s expected %r got %r  (raw %s)" % (t["ref"], e, g, json.dumps({k: v for k, v in src.items() if k in (
            "kelurahan", "kecamatan", "phone", "birthDate", "nik", "email", "name")}, ensure_ascii=False)[:200]))

# header mapping: extras per file
print()
print("columns kept as extras, per file:")
ex = collections.defaultdict(collections.Counter)
fieldsets = collections.defaultdict(collections.Counter)
for k, v in recs.items():
    f = v["source"]["provenance"]["file"]
    for e in v["source"].get("extras", {}):
        ex[f][e] += 1
    for e in v["source"].get("fields", {}):
        fieldsets[f][e] += 1
for f in sorted(ex):
    print("  %s: %s" % (f, dict(ex[f])))
print("fields per file:")
for f in sorted(fieldsets):
    print("  %s: %s" % (f, dict(fieldsets[f])))
