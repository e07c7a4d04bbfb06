#!/usr/bin/env python3
"""A committee program of another structure than `fellowmatch generate --committees`
(issue 31's speed on instances not shaped by the project's generator).

Takes a scenario folder written by `fellowmatch generate` (its fellows, labs and
mentors only) and writes, into a new folder, committee data drawn here with its
own rules and its own random stream:

- interests clustered: each of five area clusters has two "rare" areas that
  only a few members work on, and fellows mostly draw from one cluster;
- mentors' loads vary from 0 to 5 (a fifth of them take no committee), a
  quarter may chair; no external mentor;
- external members in few institutions, loads 1 to 4, one in six may chair;
- `[committee] readers = [2, 3]`, `externals = 2`, `mentor_may_chair = true`,
  `cover_interests = true`;
- conflicts: every fellow with two to four people of one institution or lab;
- defense slots in two bursts (late April and mid June), one room each day
  block, slots of three hours, absences of external members on whole weeks.

Usage: committee-reshape.py GENERATED_FOLDER OUT_FOLDER [SEED]
"""
import csv
import os
import random
import shutil
import sys

src, out = sys.argv[1], sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
if os.path.exists(out):
    sys.exit(f"{out} exists")
shutil.copytree(src, out)
for f in ["faculty.csv", "conflicts.csv", "defense_slots.csv", "committee_rules.csv", "sessions.csv"]:
    if os.path.exists(os.path.join(out, f)):
        os.remove(os.path.join(out, f))


def read(name):
    with open(os.path.join(out, name), newline="") as h:
        return list(csv.DictReader(h))


def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="") as h:
        w = csv.writer(h, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


mentors, fellows = read("mentors.csv"), read("fellows.csv")
areas = sorted({a for m in mentors for a in m["areas"].split(";") if a})
clusters = [areas[i::5] for i in range(5)]
rare = [c[:2] for c in clusters]

mrows = []
for m in mentors:
    own = [a for a in m["areas"].split(";") if a]
    if rng.random() < 0.08:
        own.append(rng.choice(rng.choice(rare)))
    load = 0 if rng.random() < 0.2 else rng.randint(1, 5)
    mrows.append([m["id"], m["name"], m["lab"], ";".join(sorted(set(own))), m["capacity"], load, "false",
                  "true" if rng.random() < 0.25 else "false"])
write("mentors.csv", ["id", "name", "lab", "areas", "capacity", "committee_load", "external", "chair"], mrows)

continuing = [f for f in fellows if f["status"] == "continuing"]
institutions = [f"Institute {k + 1}" for k in range(6)]
faculty = []
for k in range(max(4, len(continuing) * 3 // 5)):
    cluster = clusters[k % 5]
    own = rng.sample(cluster, min(len(cluster), rng.randint(1, 3)))
    faculty.append([f"e{k + 1}", f"External member {k + 1}", "", rng.choice(institutions), ";".join(own),
                    rng.randint(1, 4), "true", "true" if rng.random() < 1 / 6 else "false"])
write("faculty.csv", ["id", "name", "lab", "institution", "areas", "committee_load", "external", "chair"], faculty)

# Fellows' interests: mostly one cluster, now and then a rare area.
frows = []
header = list(fellows[0].keys())
for f in fellows:
    if f["status"] == "continuing":
        cluster = rng.choice(clusters)
        chosen = rng.sample(cluster, min(len(cluster), rng.randint(1, 3)))
        if rng.random() < 0.15:
            chosen.append(rng.choice(rng.choice(rare)))
        f["interests"] = ";".join(sorted(set(chosen)))
    frows.append([f.get(k, "") for k in header])
write("fellows.csv", header, frows)

by_institution = {}
for e in faculty:
    by_institution.setdefault(e[3], []).append(e[0])
conflicts = []
for f in continuing:
    group = rng.choice(list(by_institution.values()))
    for p in rng.sample(group, min(len(group), rng.randint(2, 4))):
        conflicts.append([p, f["id"], "same institute"])
write("conflicts.csv", ["person", "fellow", "reason"], conflicts)

import datetime
days = [datetime.date(2027, 4, 19) + datetime.timedelta(d) for d in range(12)]
days += [datetime.date(2027, 6, 7) + datetime.timedelta(d) for d in range(12)]
days = [d for d in days if d.weekday() < 5]
slots = []
rooms = max(1, -(-len(continuing) * 3 // 2 // (len(days) * 3)))
for d in days:
    for start in (9, 12, 15):
        for r in range(rooms):
            slots.append([d.isoformat(), f"{start:02d}:00", f"{start + 3:02d}:00", f"Hall {r + 1}"])
write("defense_slots.csv", ["date", "start", "end", "room"], slots)

avail = read("availability.csv") if os.path.exists(os.path.join(out, "availability.csv")) else []
aheader = list(avail[0].keys()) if avail else ["person", "session", "date", "reason"]
people = {f["id"] for f in fellows} | {m["id"] for m in mentors} | {e[0] for e in faculty}
arows = [[a.get(k, "") for k in aheader] for a in avail if a.get("date") and a["person"] in people]
for e in faculty:
    if rng.random() < 0.3:
        week = rng.choice([0, 1])
        first = days[0] if week == 0 else days[len(days) // 2]
        for d in range(5):
            row = {k: "" for k in aheader}
            row.update(person=e[0], date=(first + datetime.timedelta(d)).isoformat(), reason="travel")
            arows.append([row[k] for k in aheader])
write("availability.csv", aheader, arows)

toml = open(os.path.join(out, "scenario.toml")).read()
start = toml.index("[committee]")
end = toml.find("\n[", start + 1)
block = ("[committee]\nreaders = [2, 3]\nexternals = 2\nmentor_may_chair = true\ncover_interests = true\n")
toml = toml[:start] + block + (toml[end + 1:] if end >= 0 else "")
open(os.path.join(out, "scenario.toml"), "w").write(toml)
print(f"wrote {out}: {len(continuing)} continuing fellows, {len(mrows)} mentors, {len(faculty)} external members, "
      f"{len(conflicts)} conflicts, {len(slots)} defense slots")
