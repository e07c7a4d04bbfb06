#!/usr/bin/env python3
"""Load check of the program office (issue 29): `fellowmatch serve` on a free
loopback port over two generated 1,000-fellow intakes; 20 coordinators'
sessions browse at once while runs are under way (two intakes solving at the
same time, and a second press on one of them that must wait its turn).
Bounded: each session makes a fixed number of requests and the whole check
stops after a time limit.

    python3 Tests/Load/load_check.py BIN [--sessions 20] [--requests 40] [--fellows 1000]

Prints every error response (there must be none) and the median and p99 page
times, and exits 1 on an error or when the runs did not end in time.
"""
import argparse
import concurrent.futures
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    """One coordinator's browser: cookies, and the time of every page."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.times, self.errors, self.paths = [], [], []

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=data, timeout=120) as r:
                body = r.read().decode("utf-8", "replace")
                status = r.status
        except urllib.error.HTTPError as e:
            body, status = e.read().decode("utf-8", "replace"), e.code
        except OSError as e:
            body, status = str(e), 0
        self.times.append(time.perf_counter() - start)
        self.paths.append(path)
        if status == 0 or status >= 400:
            self.errors.append(f"{status} {path}: {body[:200]}")
        return body

    def csrf(self, body):
        m = re.search(r'name="_csrf" value="([^"]*)"', body)
        return m.group(1) if m else ""

    def sign_in(self, name):
        page = self.request("/login")
        self.request("/login", {"_csrf": self.csrf(page), "name": name, "password": PASSWORD})


def press(session, intakes):
    for intake in intakes:
        page = session.request(f"/p/{intake}")
        session.request(f"/p/{intake}/run", {"_csrf": session.csrf(page)})


def wait_runs(watcher, started, limit, since=None):
    """Seconds from `since` until each intake's runs ended (its page stops refreshing itself)."""
    since = since or time.time()
    done = {}
    while time.time() - started < limit and len(done) < 2:
        for intake in ("intake-a", "intake-b"):
            page = watcher.request(f"/p/{intake}")
            if "Latest run: done" in page and 'http-equiv="refresh"' not in page:
                done.setdefault(intake, time.time() - since)
        time.sleep(1)
    return done


def browse(session, intake, count):
    pages = ["/", f"/p/{intake}", f"/p/{intake}/files/run/placements.csv", f"/p/{intake}/files/run/report.html"]
    for i in range(count):
        session.request(pages[i % len(pages)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--fellows", type=int, default=1000)
    parser.add_argument("--limit", type=float, default=900, help="seconds the whole check may take")
    parser.add_argument("--work", default=".build/load-check")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for name, seed in (("intake-a", "1"), ("intake-b", "2")):
        subprocess.run([binary, "generate", "--fellows", str(args.fellows), "--seed", seed,
                        "--out", os.path.join(work, name)], check=True, stdout=subprocess.DEVNULL)
    names = [f"Coordinator {i}" for i in range(args.sessions)]
    for name in names:
        subprocess.run([binary, "user", "add", name, "--folder", work, "--password-stdin"],
                       input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", work, "--port", str(port)], stdout=log, stderr=log)
    try:
        ok = check(base, names, args)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
    sys.exit(0 if ok else 1)


def check(base, names, args):
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    started = time.time()
    sessions = [Session(base) for _ in names]
    for s, name in zip(sessions, names):
        s.sign_in(name)
    watcher = Session(base)
    watcher.sign_in(names[0])
    # First runs, so the files the sessions read exist.
    press(sessions[0], ("intake-a", "intake-b"))
    if len(wait_runs(watcher, started, args.limit)) < 2:
        print("load check: the first runs did not end in time")
        return False
    for s in sessions:
        s.times, s.errors, s.paths = [], [], []
    # Then, while 20 sessions browse: two intakes run at once, and a second
    # press on intake-a waits its turn.
    run_started = time.time()
    press(sessions[1], ("intake-a", "intake-b"))
    press(sessions[2], ("intake-a",))
    with concurrent.futures.ThreadPoolExecutor(len(sessions)) as pool:
        intakes = ["intake-a", "intake-b"]
        list(pool.map(lambda i: browse(sessions[i], intakes[i % 2], args.requests), range(len(sessions))))
    browsed = time.time()
    done = wait_runs(watcher, started, args.limit, since=run_started)
    times = sorted(t for s in sessions for t in s.times)
    errors = [e for s in sessions + [watcher] for e in s.errors]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"load check: {len(sessions)} sessions, {len(times)} requests while 2 intakes of "
          f"{args.fellows} new fellows ran ({browsed - run_started:.1f} s of browsing)")
    print(f"  page time: median {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
          f"max {times[-1] * 1000:.0f} ms")
    by_page = {}
    for s in sessions:
        for path, t in zip(s.paths, s.times):
            kind = re.sub(r"intake-[ab]", "INTAKE", path)
            by_page.setdefault(kind, []).append(t)
    for kind, ts in sorted(by_page.items()):
        ts.sort()
        print(f"  {kind}: {len(ts)} requests, median {statistics.median(ts) * 1000:.0f} ms, "
              f"p99 {ts[min(len(ts) - 1, int(len(ts) * 0.99))] * 1000:.0f} ms")
    print(f"  machine load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for intake in ("intake-a", "intake-b"):
        print(f"  {intake}: " + (f"runs ended {done[intake]:.1f} s after pressing" if intake in done
                                  else "runs did not end in time"))
    for e in errors:
        print("  error: " + e)
    return not errors and len(done) == 2


if __name__ == "__main__":
    main()
