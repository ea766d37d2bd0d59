#!/usr/bin/env python3
"""Times whole processes in one alternating run, A B C A B C ..., so that a noisy machine's
drift falls on every command alike. Prints each command's median wall time and, for the first
command, the median over the rounds of its time divided by each other command's time in the
same round; with --within NAME=RATIO, whether that median is at most RATIO.

Usage: alternate.py ROUNDS [--within NAME=RATIO] NAME=COMMAND [NAME=COMMAND ...]
A COMMAND is split at spaces and run without a shell, its stdout to /dev/null.
(Peak memory is not measured here: a child spawned from Python reports Python's own peak.)
"""
import os
import shutil
import statistics
import sys
import time

WARMUP = 10


def spawn(argv):
    null = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
    _, status = os.waitpid(pid, 0)
    wall = (time.perf_counter_ns() - start) / 1e6
    os.close(null)
    if status != 0:
        sys.exit(f"alternate.py: {' '.join(argv)} exited with status {status}")
    return wall


def main():
    args = sys.argv[1:]
    rounds = int(args.pop(0))
    within = {}
    if args and args[0] == "--within":
        name, _, ratio = args[1].partition("=")
        within[name] = float(ratio)
        args = args[2:]
    commands = []
    for spec in args:
        name, _, line = spec.partition("=")
        words = line.split()
        words[0] = shutil.which(words[0]) or sys.exit(f"alternate.py: no {words[0]}")
        commands.append((name, words))
    times = {name: [] for name, _ in commands}
    for i in range(WARMUP + rounds):
        for name, argv in commands:
            wall = spawn(argv)
            if i >= WARMUP:
                times[name].append(wall)
    first = commands[0][0]
    for name, _ in commands:
        line = f"  {name:<22} {statistics.median(times[name]):7.3f} ms"
        if name != first:
            ratios = sorted(a / b for a, b in zip(times[first], times[name]))
            ratio = statistics.median(ratios)
            line += f"   ÷ {ratio:4.2f}  (middle half {ratios[len(ratios) // 4]:.2f}–{ratios[3 * len(ratios) // 4]:.2f})"
            if name in within:
                verdict = "PASS" if ratio <= within[name] else "MISS"
                line += f"   target ≤ {within[name]}: {verdict}"
        print(line)


main()
