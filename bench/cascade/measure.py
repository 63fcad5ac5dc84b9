#!/usr/bin/python3
"""Runs one command under GNU time and reports its wall time and peak memory, counting every process
it starts (no psutil: /proc only).

  measure.py [--wait-idle S] [--poll [--interval S]] [--log FILE] -- COMMAND ...

prints one line: `seconds largest_kib sum_rss_kib sum_pss_kib processes waited_s cpu_s others_cpu_s`
- seconds, largest_kib: /usr/bin/time -f "%e %M". %M is the peak resident set of the largest single
  process (the command or one of its children), not of them together.
- sum_rss_kib, sum_pss_kib (with --poll): the largest total over the command's process tree, sampled every
  --interval seconds (default 0.1) from /proc/PID/smaps_rollup while more than one process runs.
  Sampling takes CPU from the command (a few % of a core), so bench/cascade/run times other runs.
  RSS counts pages shared by forked workers (libraries, the parent's data) once per process; PSS
  splits each shared page among its processes, so the PSS sum is what the tree really holds. Sampling
  can miss a peak shorter than the interval. Both are at least the GNU time figure (a phase with one
  process, such as the parent before it forks, is covered by it); for a command that stays a single
  process (threads only) both are its exact peak from GNU time.
- processes: the most processes seen at once in the tree (with --poll; else 1); waited_s: time spent
  waiting for an idle machine.
- cpu_s: user + system CPU seconds of the command and the children it waited for (GNU time %U + %S);
  others_cpu_s: CPU seconds the rest of the machine used meanwhile (/proc/stat), to tell a run slowed
  by someone else's build.
--wait-idle S: first wait (up to S seconds) until the other processes on the machine use less than 10% of
one core over a second, so that a concurrent build does not slow the measured command."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

CLOCK = os.sysconf("SC_CLK_TCK")


def busy_seconds():
    """CPU seconds used on the whole machine since boot (all cores, not idle or iowait)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / CLOCK


def busy_cores(seconds=1.0):
    """Cores' worth of CPU time used on the machine over `seconds`."""
    before = busy_seconds()
    time.sleep(seconds)
    return (busy_seconds() - before) / seconds


def wait_idle(limit):
    began = time.monotonic()
    while time.monotonic() - began < limit:
        if busy_cores() < 0.10:
            break
        time.sleep(2)
    return time.monotonic() - began


def children(pid):
    """Child processes of `pid`, from /proc/PID/task/TID/children (every thread can be a parent)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return found


def descendants(pid):
    found, stack = [], [pid]
    while stack:
        for child in children(stack.pop()):
            found.append(child)
            stack.append(child)
    return found


def memory(pid):
    """(rss_kib, pss_kib) of one process, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            rss = pss = 0
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
            return rss, pss
    except (OSError, ValueError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wait-idle", type=float, default=0)
    parser.add_argument("--poll", action="store_true", help="sample the process tree's memory (costs some CPU)")
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--log", default=os.devnull, help="the command's output (default: discarded)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        sys.exit("measure.py: no command")
    waited = wait_idle(args.wait_idle) if args.wait_idle else 0.0
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing, open(args.log, "w") as log:
        machine_before = busy_seconds()
        timed = subprocess.Popen(["/usr/bin/time", "-f", "%e %M %U %S", "-o", timing.name, *command],
                                 stdout=log, stderr=subprocess.STDOUT)
        peak_rss = peak_pss = most = 0
        while args.poll and timed.poll() is None:
            tree = descendants(timed.pid)  # the command and everything it started; not `time` itself
            most = max(most, len(tree))
            if len(tree) > 1:
                totals = [m for m in map(memory, tree) if m]
                peak_rss = max(peak_rss, sum(m[0] for m in totals))
                peak_pss = max(peak_pss, sum(m[1] for m in totals))
            time.sleep(args.interval)
        timed.wait()
        machine = busy_seconds() - machine_before
        line = timing.read().strip().splitlines()
    if timed.returncode != 0:
        sys.exit(f"measure.py: {' '.join(command)} failed ({timed.returncode}); see {args.log}")
    seconds, largest, user, system = line[-1].split()
    largest = int(largest)
    cpu = float(user) + float(system)
    others = max(0.0, machine - cpu)  # includes this script's own sampling with --poll
    # a phase with one process (the parent before it forks) is covered by GNU time's figure
    print(f"{seconds} {largest} {max(peak_rss, largest)} {max(peak_pss, largest)} {max(most, 1)} {waited:.0f} "
          f"{cpu:.2f} {others:.2f}")


if __name__ == "__main__":
    main()
