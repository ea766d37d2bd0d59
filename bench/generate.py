#!/usr/bin/env python3
"""Writes the large inputs bench/run measures weizhong on.

Usage:
  generate.py history LINES FILE     a practice log of LINES sessions, oldest first, ending today
  generate.py routine ENTRIES DIR    a content folder: stretches/a.toml and routines/long.toml,
                                     a routine that names the stretch ENTRIES times
"""
import datetime
import os
import sys


def history(lines, path):
    today = datetime.date.today()
    per_day = 100
    with open(path, "w") as out:
        for i in range(lines):
            day = today - datetime.timedelta(days=(lines - 1 - i) // per_day)
            out.write(
                f'{{"at":"{day.isoformat()}T21:30:05+01:00","kind":"routine","id":"before-bed",'
                '"completed":["spiral-twist","butterfly","horizontal"],"of":3,"seconds":176,'
                '"ending":"finished"}\n'
            )


STRETCH = """order = 9
name = "A"
targets = "The calves."
why = "To measure."
steps = ["Stretch."]
hold_seconds = 1
reps = 1
each_side = false
rest_seconds = 1
get_ready_seconds = 1
cues = []
cautions = []
"""


def routine(entries, folder):
    os.makedirs(os.path.join(folder, "stretches"), exist_ok=True)
    os.makedirs(os.path.join(folder, "routines"), exist_ok=True)
    with open(os.path.join(folder, "stretches", "a.toml"), "w") as out:
        out.write(STRETCH)
    with open(os.path.join(folder, "routines", "long.toml"), "w") as out:
        out.write('name = "Long"\nintro = "Long."\nclosing = "Done."\nstretches = [\n')
        for _ in range(entries):
            out.write('"a",\n')
        out.write("]\n")


def main():
    kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"history": history, "routine": routine}[kind](count, path)


main()
