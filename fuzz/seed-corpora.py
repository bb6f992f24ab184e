#!/usr/bin/env python3
"""Seeds the fuzz corpora from the lessons and examples.

simulate: every example manifest, every lesson's manifests and solution manifests, and
each of their documents alone. commands: per lesson, its script commands, checkpoint
commands and solution in order (with #settle between them) over the lesson's own
manifests after a `%%` line, as fuzz_targets/commands.rs reads its input.

Run from the repository root: python3 fuzz/seed-corpora.py
"""

import glob
import hashlib
import os

import yaml


def write(folder, text):
    os.makedirs(folder, exist_ok=True)
    data = text.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def manifests(text):
    write("fuzz/corpus/simulate", text)
    for doc in text.split("\n---\n"):
        if doc.strip():
            write("fuzz/corpus/simulate", doc)


for path in sorted(glob.glob("static/examples/*.yaml")):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    manifests(text)
    write("fuzz/corpus/commands", "kubectl get all\n#settle\nkubectl get events\n%%\n" + text)

for path in sorted(glob.glob("static/lessons/[0-9]*.yaml")):
    with open(path, encoding="utf-8") as f:
        lesson = yaml.safe_load(f)
    text = lesson.get("manifests") or ""
    manifests(text)
    if lesson.get("solution_manifests"):
        manifests(lesson["solution_manifests"])
    lines = []
    for stop in lesson.get("script") or []:
        if stop.get("run"):
            lines.append(stop["run"])
            lines.append("#step 5")
    lines.append("#settle")
    for check in lesson.get("checkpoints") or []:
        lines.append(check["run"])
    for line in lesson.get("solution") or []:
        lines.append(line)
        lines.append("#settle")
    for check in lesson.get("checkpoints") or []:
        lines.append(check["run"])
    lines.append("#seek 3")
    lines.append("kubectl get events")
    write("fuzz/corpus/commands", "\n".join(lines) + "\n%%\n" + text)

print("simulate:", len(os.listdir("fuzz/corpus/simulate")), "files")
print("commands:", len(os.listdir("fuzz/corpus/commands")), "files")
