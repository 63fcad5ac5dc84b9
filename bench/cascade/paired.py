#!/usr/bin/python3
"""Runs the tool chains of bench/cascade in turn on the same data, several rounds, and reports the CPU time
(user + system) and the wall time of each: median and range over the rounds, and for each other tool its
CPU time over kehoach's in the same round (median and range of those ratios). The machine may be shared:
tools measured side by side, round after round, meet the same load, and CPU time counts only what the tool
itself did.

  paired.py --name NAME --communes N --rounds R --jobs J [--memory] [--keep-out] [--log FILE] [--json FILE]
            --tool LABEL OUTDIR COMMAND... [--tool LABEL OUTDIR COMMAND...]...

COMMAND may hold {out}, replaced with OUTDIR (emptied before each run; --keep-out: left as it is, to time a
run over an output folder written already). The first tool is the one the
others are compared with. With --jobs 1 each run is pinned to one core (taskset): node's garbage collector
and libuv threads would otherwise use the other. Each round runs the tools in another order (rotated), so
that none always runs right after the same one.

Per run: CPU seconds from the rusage of the process and of the children it waited for (os.wait4: what
/usr/bin/time's %U + %S reports), its peak resident memory (ru_maxrss: the largest single process), wall
seconds, and how much CPU the rest of the machine used meanwhile (/proc/stat minus the run's own), given as
cores' worth over the run: "busy" in the table. --memory: one more, untimed run of each tool sampling the
PSS of its whole process tree every 0.1 s (measure.py), for the "all processes" column.

Prints a Markdown table and the ratios; --json FILE also writes every run."""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import busy_seconds, descendants, memory  # noqa: E402


def split_tools(words):
    tools, current = [], None
    for word in words:
        if word == "--tool":
            current = []
            tools.append(current)
        elif current is None:
            sys.exit(f"paired.py: {word!r} before the first --tool")
        else:
            current.append(word)
    for tool in tools:
        if len(tool) < 3:
            sys.exit("paired.py: --tool LABEL OUTDIR COMMAND...")
    return [{"label": t[0], "out": t[1], "command": t[2:]} for t in tools]


def first_cpu():
    try:
        return sorted(os.sched_getaffinity(0))[0]
    except (AttributeError, OSError):
        return 0


def run_once(tool, jobs, log, keep_out):
    if not keep_out:
        shutil.rmtree(tool["out"], ignore_errors=True)
    command = [word.replace("{out}", tool["out"]) for word in tool["command"]]
    if jobs == 1 and shutil.which("taskset"):
        command = ["taskset", "-c", str(first_cpu())] + command
    machine_before = busy_seconds()
    tool["began"] = time.time()
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    machine = busy_seconds() - machine_before
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"paired.py: {' '.join(command)} failed ({process.returncode}); see the log {log.name}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "user": usage.ru_utime, "system": usage.ru_stime,
            "max_rss_kib": usage.ru_maxrss, "others_cpu": max(0.0, machine - cpu)}


def pss_peak(tool, log):
    """The largest PSS sum over the tool's process tree, sampled every 0.1 s (untimed)."""
    shutil.rmtree(tool["out"], ignore_errors=True)
    command = [word.replace("{out}", tool["out"]) for word in tool["command"]]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    peak = most = 0
    while process.poll() is None:
        tree = [process.pid] + descendants(process.pid)
        most = max(most, len(tree))
        peak = max(peak, sum(m[1] for m in map(memory, tree) if m))
        time.sleep(0.1)
    return peak, most


def documents(out, since=None):
    """The .docx and .xlsx files in `out`; with `since`, those written since then."""
    count = 0
    for folder, _, files in os.walk(out):
        for f in files:
            if f.endswith((".docx", ".xlsx")) and (since is None or os.path.getmtime(os.path.join(folder, f)) >= since):
                count += 1
    return count


def spread(values, digits=2):
    return f"{min(values):.{digits}f}–{max(values):.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--communes", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--keep-out", action="store_true")
    parser.add_argument("--log", default=os.devnull)
    parser.add_argument("--json")
    # Only what comes before the first --tool is paired.py's own: the tools' commands have options of their own
    # (--jobs N), which argparse would otherwise take wherever they stand.
    argv = sys.argv[1:]
    first_tool = argv.index("--tool") if "--tool" in argv else len(argv)
    args = parser.parse_args(argv[:first_tool])
    tools = split_tools(argv[first_tool:])
    runs = {t["label"]: [] for t in tools}
    load_before = os.getloadavg()
    with open(args.log, "a") as log:
        for round_number in range(args.rounds):
            shift = round_number % len(tools)
            for tool in tools[shift:] + tools[:shift]:
                result = run_once(tool, args.jobs, log, args.keep_out)
                runs[tool["label"]].append(result)
                print(f"  {args.name}, {args.jobs} job(s), round {round_number + 1}: {tool['label']}: "
                      f"{result['cpu']:.2f} CPU s, {result['wall']:.2f} s", file=sys.stderr)
        pss = {}
        if args.memory:
            for tool in tools:
                pss[tool["label"]] = pss_peak(tool, log)
    load_after = os.getloadavg()
    base = tools[0]["label"]
    print()
    print(f"**{args.name}, {args.jobs} job(s): {args.rounds} rounds, the tools in turn in each**")
    print()
    print("| tool | documents written | CPU s, median | CPU s, range | CPU ms per commune | wall s, median | wall s, range "
          "| busy (other processes, cores) | peak MiB, largest process" + (" | peak MiB, all processes (PSS)" if pss else "")
          + " |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|" + ("--:|" if pss else ""))
    for tool in tools:
        r = runs[tool["label"]]
        cpu = [x["cpu"] for x in r]
        wall = [x["wall"] for x in r]
        busy = [x["others_cpu"] / x["wall"] for x in r if x["wall"] > 0]
        largest = max(x["max_rss_kib"] for x in r) / 1024
        written = documents(tool["out"], tool["began"] if args.keep_out else None)  # of the last run
        row = (f"| {tool['label']} | {written} | {statistics.median(cpu):.2f} | {spread(cpu)} | "
               f"{statistics.median(cpu) * 1000 / args.communes:.1f} | {statistics.median(wall):.2f} | {spread(wall)} | "
               f"{statistics.median(busy):.2f} | {largest:.0f}")
        if pss:
            row += f" | {max(pss[tool['label']][0] / 1024, largest):.0f}"
        print(row + " |")
    print()
    for tool in tools[1:]:
        ratios = [o["cpu"] / k["cpu"] for o, k in zip(runs[tool["label"]], runs[base]) if k["cpu"] > 0]
        walls = [o["wall"] / k["wall"] for o, k in zip(runs[tool["label"]], runs[base]) if k["wall"] > 0]
        print(f"- {args.jobs} job(s): {tool['label']} takes {statistics.median(ratios):.1f} times {base}'s CPU time "
              f"(rounds: {spread(ratios, 1)}); wall time {statistics.median(walls):.1f} times ({spread(walls, 1)})")
    others = statistics.median([x["others_cpu"] / x["wall"] for r in runs.values() for x in r if x["wall"] > 0])
    print(f"- the machine ({os.cpu_count()} cores): load average {load_before[0]:.1f} before the rounds, "
          f"{load_after[0]:.1f} after; other processes used {others:.2f} cores' worth during the median run")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"name": args.name, "jobs": args.jobs, "communes": args.communes, "runs": runs,
                       "pss_kib": pss, "load": [load_before, load_after]}, f, indent=1)


if __name__ == "__main__":
    main()
