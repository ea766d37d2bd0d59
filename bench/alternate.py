#!/usr/bin/env python3
"""Times whole processes in one alternating run, A B C D A B C D ..., so that a noisy machine's
drift falls on every command alike, and prints for each command its median wall time and its
peak memory, and for the first command the median over the rounds of its time divided by each
other command's time in the same round.

Usage: alternate.py ROUNDS NAME=COMMAND [NAME=COMMAND ...]
A COMMAND is split at spaces and run without a shell, its stdout to /dev/null; `<FILE` at its
end feeds it FILE on stdin.
"""
import os
import shutil
import statistics
import sys
import time

WARMUP = 10


def spawn(argv, stdin):
    null = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, null, 1)]
    if stdin:
        source = os.open(stdin, os.O_RDONLY)
        actions.append((os.POSIX_SPAWN_DUP2, source, 0))
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter_ns() - start) / 1e6
    os.close(null)
    if stdin:
        os.close(source)
    if status != 0:
        sys.exit(f"alternate.py: {' '.join(argv)} exited with status {status}")
    return wall, usage.ru_maxrss


def main():
    rounds = int(sys.argv[1])
    commands = []
    for spec in sys.argv[2:]:
        name, _, line = spec.partition("=")
        words = line.split()
        stdin = words.pop()[1:] if words and words[-1].startswith("<") else None
        words[0] = shutil.which(words[0]) or sys.exit(f"alternate.py: no {words[0]}")
        commands.append((name, words, stdin))
    times = {name: [] for name, _, _ in commands}
    rss = {name: 0 for name, _, _ in commands}
    for i in range(WARMUP + rounds):
        for name, argv, stdin in commands:
            wall, peak = spawn(argv, stdin)
            if i >= WARMUP:
                times[name].append(wall)
                rss[name] = max(rss[name], peak)
    first = commands[0][0]
    for name, _, _ in commands:
        line = f"  {name:<24} {statistics.median(times[name]):7.3f} ms   peak {rss[name]:6d} KiB"
        if name != first:
            ratios = [a / b for a, b in zip(times[first], times[name])]
            line += f"   {first} ÷ this {statistics.median(ratios):5.2f}×"
        print(line)


main()
