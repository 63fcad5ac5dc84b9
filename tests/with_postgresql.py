#!/usr/bin/env python3
"""Runs a test command against PostgreSQL: a private cluster of Debian's postgresql in a temporary folder,
listening on loopback only (a free port), then COMMAND with KEHOACH_TEST_POSTGRESQL pointing at it (each
test server makes a database of its own there), then the cluster is stopped and removed. ctest runs the web
tests (web.postgresql) and the browser tests (browser.postgresql) through it.

Usage: with_postgresql.py COMMAND [ARGUMENT...]
Exit status: the command's; 77 (skipped) where PostgreSQL's server is not installed."""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile


def server_programs():
    """initdb and pg_ctl of the newest PostgreSQL installed, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    if not found:
        return None
    folder = os.path.dirname(found[-1])
    return os.path.join(folder, "initdb"), os.path.join(folder, "pg_ctl")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_owner(command):
    """PostgreSQL's server refuses to run as root: as root, the cluster is run by the postgres user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    command = sys.argv[1:]
    programs = server_programs()
    if not programs:
        print("tests on PostgreSQL skipped: no PostgreSQL server "
              "(scripts/install-packages test installs Debian's postgresql).")
        return 77
    initdb, pg_ctl = programs
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            print("tests on PostgreSQL: running as root and there is no postgres user to run the cluster.",
                  file=sys.stderr)
            return 1

    folder = tempfile.mkdtemp(prefix="kehoach-postgresql-")
    data = os.path.join(folder, "data")
    if os.geteuid() == 0:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = free_port()
    started = False
    try:
        subprocess.run(as_owner([initdb, "-D", data, "-A", "trust", "-U", "kehoach", "-E", "UTF8", "--no-locale",
                                 "--no-sync"]), check=True, stdout=subprocess.DEVNULL)
        # Loopback only, the socket in the folder; durability is not what these tests are about.
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off")
        subprocess.run(as_owner([pg_ctl, "-D", data, "-l", os.path.join(folder, "server.log"), "-o", options,
                                 "-w", "start"]), check=True, stdout=subprocess.DEVNULL)
        started = True
        environment = dict(os.environ, KEHOACH_TEST_POSTGRESQL=f"postgresql://kehoach@127.0.0.1:{port}/postgres")
        return subprocess.run(command, env=environment).returncode
    except subprocess.CalledProcessError as error:
        log = os.path.join(folder, "server.log")
        if os.path.exists(log):
            with open(log, encoding="utf-8", errors="replace") as f:
                sys.stderr.write(f.read())
        print(f"tests on PostgreSQL: the private cluster did not start ({error}).", file=sys.stderr)
        return 1
    finally:
        if started:
            subprocess.run(as_owner([pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"]), stdout=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
