#!/usr/bin/env python3
"""The service scenarios of issue 20, run against a real `actornet serve` on loopback.

    scenarios.py --bin ACTORNET --scenario starvation|merge|cancel|jobs [--seconds N] [--heavy-workers N]

Each scenario starts its own server on a free 127.0.0.1 port, on a temporary workspace holding a
copy of graphs/ and a generated 10,000-actor, 50,000-relation network (`big`, made once by
`actornet generate --actors 10k --relations 50k --seed 7` and kept in the cache directory), prints
its figures and a verdict line per goal, and exits 1 if a goal is missed or a request failed.

- starvation: six heavy analyses kept in flight (betweenness on `big`, each asking something
  different so none is merged; a 503 with Retry-After is retried after it) while, for SECONDS, a
  cheap uncached GET (degree on the shipped network, a new `top` each time) and a small PUT (the
  shipped network) are each sent every 200 ms. Goal: p99 of both under 100 ms. The server runs with
  its default heavy workers (half the cores: one running, five queued) or --heavy-workers N (6:
  all six running at once, both cores busy at nice 10).
- merge: the server's CPU time (utime + stime from /proc) for one uncached closeness on `big`, then
  for four identical ones sent at once. Goal: the four cost at most 1.25 × the one.
- cancel: four clients ask for heavy work (two drawings and two betweenness on `big`) and give up
  after 5 s; then a server with --timeout 3 is asked for a drawing; then a drawing is running when
  the server gets SIGTERM. For each: how long Graphviz children and the server's CPU use outlive the
  request. Goal: at most 1 s. And the shipped cow-1946-1999 page answers 200.
- jobs: a betweenness on `big` submitted as a job, its progress polled, then cancelled; and a small
  job run to its result. Goal: the cancelled job's computation stops within 1 s.

Nothing but 127.0.0.1 is contacted. Linux only (/proc).
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRAPHVIZ = {"dot", "neato", "sfdp", "fdp", "twopi", "circo", "osage", "patchwork"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
failures = []


def say(text):
    print(f"load: {text}", file=sys.stderr, flush=True)


def verdict(goal, met, figure):
    print(f"{'MET  ' if met else 'UNMET'} {goal}: {figure}", flush=True)
    if not met:
        failures.append(goal)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """utime + stime of a process, in seconds (threads included)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid):
    """(pid, name) of the processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        ppid = int(text.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append((int(entry), name))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


class Server:
    def __init__(self, binary, workspace, *options):
        self.port = free_port()
        self.log = open(os.path.join(os.path.dirname(workspace), f"server-{self.port}.log"), "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workspace", workspace,
             "--log-level", "warning", *options],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"load: FAIL: the server exited at start-up (see {self.log.name})")
            try:
                if self.request("GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("load: FAIL: /healthz did not answer within 120 s")

    @property
    def pid(self):
        return self.process.pid

    def request(self, method, path, body=None, headers=None, timeout=300):
        """(status, headers dict, body bytes, seconds)."""
        start = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data, time.monotonic() - start
        finally:
            connection.close()

    def abandon(self, path, after):
        """Sends a GET and closes the socket after `after` seconds without reading the answer."""
        s = socket.create_connection(("127.0.0.1", self.port))
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        s.settimeout(after)
        try:
            s.recv(1)
            answered = True
        except socket.timeout:
            answered = False
        s.close()
        return answered

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def survival(server, since, window=0.2, limit=10.0, extra_children=()):
    """Seconds after `since` until the server has no child process left (and the given earlier
    children are gone) and its CPU use over `window` is under 10 %; `limit` if never."""
    children_gone = None
    cpu_quiet = None
    while time.monotonic() - since < limit:
        now = time.monotonic()
        if children_gone is None and not children(server.pid) and not any(alive(p) for p in extra_children):
            children_gone = now - since
        if cpu_quiet is None:
            before = cpu_seconds(server.pid)
            time.sleep(window)
            if cpu_seconds(server.pid) - before < 0.1 * window:
                cpu_quiet = time.monotonic() - window - since
        else:
            time.sleep(0.05)
        if children_gone is not None and cpu_quiet is not None:
            break
    return (children_gone if children_gone is not None else limit,
            max(0.0, cpu_quiet) if cpu_quiet is not None else limit)


def workspace(binary, cache):
    """A temporary workspace: graphs/ and the generated `big` network."""
    big = os.path.join(cache, "big-10k-50k.yaml")
    if not os.path.exists(big):
        say("generating big: 10,000 actors, 50,000 relations (seed 7)")
        subprocess.run([binary, "generate", "--actors", "10k", "--relations", "50k", "--seed", "7", "--format", "yaml", "-o", big + ".tmp"],
                       check=True, stdout=subprocess.DEVNULL)
        os.replace(big + ".tmp", big)
    directory = tempfile.mkdtemp(prefix="actornet-load-")
    space = os.path.join(directory, "workspace")
    shutil.copytree(os.path.join(ROOT, "graphs"), space)
    shutil.copy(big, os.path.join(space, "big.yaml"))
    return directory, space


def starvation(binary, space, seconds, heavy_workers=None):
    options = ["--timeout", "600"] + (["--heavy-workers", str(heavy_workers)] if heavy_workers else [])
    server = Server(binary, space, *options)
    stop = threading.Event()
    heavy = {"ok": 0, "503": 0, "other": 0, "stopped": 0}
    details = set()
    counter = iter(range(1, 10**9))
    lock = threading.Lock()

    def heavy_client():
        while not stop.is_set():
            with lock:
                top = next(counter)
            try:
                status, headers, body, _ = server.request("GET", f"/v1/networks/big/metrics?metric=betweenness&top={top}",
                                                          timeout=900)
            except OSError:
                return  # the server stopped
            with lock:
                if stop.is_set():
                    heavy["stopped"] += 1  # cut by the server's shutdown at the end
                else:
                    heavy["ok" if status == 200 else "503" if status == 503 else "other"] += 1
                    if status != 200:
                        details.add(f"{status} {json.loads(body).get('detail', '')[:120]}")
            if status == 503:
                stop.wait(min(5.0, float(headers.get("retry-after", "1"))))

    shipped = open(os.path.join(space, "russia-iran.yaml"), "rb").read()
    light = {"get": [], "put": []}
    bad = []

    def light_get():
        top = 1
        while not stop.is_set():
            status, _, _, took = server.request("GET", f"/v1/networks/russia-iran/metrics?metric=degree&top={top}", timeout=60)
            light["get"].append(took)
            if status != 200:
                bad.append(f"GET {status}")
            top += 1
            stop.wait(0.2)

    def light_put():
        while not stop.is_set():
            status, _, _, took = server.request("PUT", "/v1/networks/small", body=shipped,
                                                headers={"Content-Type": "application/yaml"}, timeout=60)
            light["put"].append(took)
            if status not in (200, 201):
                bad.append(f"PUT {status}")
            stop.wait(0.2)

    heavies = [threading.Thread(target=heavy_client, daemon=True) for _ in range(6)]
    for t in heavies:
        t.start()
    # Until the six are running or queued (the first ones load `big`).
    time.sleep(3)
    say(f"starvation: 6 heavy betweenness in flight on big; light GET and PUT every 200 ms for {seconds} s")
    lights = [threading.Thread(target=light_get, daemon=True), threading.Thread(target=light_put, daemon=True)]
    for t in lights:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in lights:
        t.join()
    server.stop()
    workers = f"--heavy-workers {heavy_workers}" if heavy_workers else "default heavy workers"
    print(f"\nstarvation ({seconds} s, {workers}; heavy answers: {heavy['ok']} done, {heavy['503']} 503, {heavy['other']} other, "
          f"{heavy['stopped']} cut by the shutdown at the end)")
    for detail in sorted(details):
        print(f"  heavy answer: {detail}")
    print(f"{'request':<34} {'n':>6} {'p50_ms':>8} {'p99_ms':>8} {'max_ms':>8}")
    for label, key in (("GET …/metrics?metric=degree (new)", "get"), ("PUT /v1/networks/small (49 kB)", "put")):
        values = light[key]
        print(f"{label:<34} {len(values):>6} {percentile(values, 50) * 1000:>8.1f} {percentile(values, 99) * 1000:>8.1f} "
              f"{(max(values) if values else float('nan')) * 1000:>8.1f}")
    for key in ("get", "put"):
        p99 = percentile(light[key], 99) * 1000
        verdict(f"light {key.upper()} p99 < 100 ms with 6 heavy analyses in flight", p99 < 100, f"{p99:.1f} ms")
    verdict("every light request answered 2xx", not bad, ", ".join(sorted(set(bad))) or "all 2xx")


def merge(binary, space, _seconds):
    server = Server(binary, space, "--timeout", "600")
    server.request("GET", "/v1/networks/big", timeout=600)  # parsed once before measuring
    before = cpu_seconds(server.pid)
    status, _, _, one_took = server.request("GET", "/v1/networks/big/metrics?metric=closeness&top=101", timeout=900)
    one = cpu_seconds(server.pid) - before
    statuses = []

    def ask():
        statuses.append(server.request("GET", "/v1/networks/big/metrics?metric=closeness&top=102", timeout=900)[0])

    before = cpu_seconds(server.pid)
    start = time.monotonic()
    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    four_took = time.monotonic() - start
    four = cpu_seconds(server.pid) - before
    server.stop()
    print(f"\nmerge: one closeness on big: {one:.2f} s CPU ({one_took:.2f} s wall); "
          f"4 identical at once: {four:.2f} s CPU ({four_took:.2f} s wall); ratio {four / one:.2f}")
    verdict("4 identical heavy requests cost the CPU of one (≤ 1.25 ×)", status == 200 and four <= 1.25 * one
            and statuses == [200] * 4, f"{four / one:.2f} ×, statuses {status} / {statuses}")


def cancel(binary, space, _seconds):
    server = Server(binary, space, "--timeout", "600")
    server.request("GET", "/v1/networks/big", timeout=600)
    paths = ["/v1/networks/big/render.svg?layout=neato", "/v1/networks/big/render.svg?layout=sfdp",
             "/v1/networks/big/metrics?metric=betweenness&top=201", "/v1/networks/big/metrics?metric=betweenness&top=202"]
    # One heavy worker (the default on 2 cores): the first drawing runs, the others wait.
    threads = [threading.Thread(target=server.abandon, args=(p, 5.0)) for p in paths]
    for t in threads:
        t.start()
    time.sleep(4.8)
    running = [p for p, name in children(server.pid) if name in GRAPHVIZ]
    for t in threads:
        t.join()
    gave_up = time.monotonic()
    kids, cpu = survival(server, gave_up, extra_children=running)
    print(f"\ncancel: 4 clients gave up after 5 s ({len(running)} Graphviz running then): "
          f"children gone after {kids:.2f} s, CPU quiet after {cpu:.2f} s")
    verdict("work of clients that left stops within 1 s", kids <= 1 and cpu <= 1, f"children {kids:.2f} s, CPU {cpu:.2f} s")
    status, _, body, took = server.request("GET", "/networks/cow-1946-1999", timeout=120)
    print(f"cancel: GET /networks/cow-1946-1999: {status} in {took:.2f} s ({len(body)} bytes)")
    verdict("the cow-1946-1999 page answers", status == 200, f"{status} in {took:.2f} s")
    server.stop()

    server = Server(binary, space, "--timeout", "3")
    server.request("GET", "/v1/networks/big", timeout=600)
    status, _, _, took = server.request("GET", "/v1/networks/big/render.svg?layout=neato&splines=spline", timeout=120)
    answered = time.monotonic()
    kids, cpu = survival(server, answered)
    print(f"cancel: --timeout 3, a drawing of big: {status} after {took:.2f} s; children gone after {kids:.2f} s, "
          f"CPU quiet after {cpu:.2f} s")
    verdict("one deadline: --timeout 3 answers 503 within 4 s", status == 503 and took <= 4, f"{status} after {took:.2f} s")
    verdict("a drawing past its deadline stops within 1 s", kids <= 1 and cpu <= 1, f"children {kids:.2f} s, CPU {cpu:.2f} s")
    server.stop()

    server = Server(binary, space, "--timeout", "600")
    server.request("GET", "/v1/networks/big", timeout=600)
    t = threading.Thread(target=server.abandon, args=("/v1/networks/big/render.svg?layout=neato", 30.0), daemon=True)
    t.start()
    running = []
    for _ in range(100):
        running = [p for p, name in children(server.pid) if name in GRAPHVIZ]
        if running:
            break
        time.sleep(0.1)
    signalled = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(30)
    gone = next((time.monotonic() - signalled for _ in range(200) if not any(alive(p) for p in running)
                 or time.sleep(0.05)), 10.0)
    server.log.close()
    print(f"cancel: SIGTERM while Graphviz draws ({len(running)} running): server exited "
          f"{server.process.returncode}, Graphviz gone after {gone:.2f} s")
    verdict("shutdown ends Graphviz within 1 s", bool(running) and gone <= 1 and server.process.returncode == 0,
            f"{len(running)} running, gone after {gone:.2f} s, exit {server.process.returncode}")


def jobs(binary, space, _seconds):
    server = Server(binary, space, "--timeout", "600")
    server.request("GET", "/v1/networks/big", timeout=600)
    body = json.dumps({"route": "metrics", "query": {"metric": "betweenness", "top": "301"}}).encode()
    status, headers, _, took = server.request("POST", "/v1/networks/big/jobs", body=body,
                                              headers={"Content-Type": "application/json"})
    location = headers.get("location", "")
    print(f"\njobs: POST …/jobs (betweenness on big): {status} in {took * 1000:.1f} ms, Location {location}")
    verdict("a job is accepted at once", status == 202 and location.startswith("/v1/jobs/"), f"{status} in {took * 1000:.1f} ms")
    if status != 202:
        server.stop()
        return
    progress = []
    for _ in range(40):
        s, _, data, _ = server.request("GET", location)
        state = json.loads(data)
        progress.append(state.get("progress"))
        if state.get("state") == "running" and isinstance(state.get("progress"), (int, float)) and state["progress"] > 0:
            break
        time.sleep(0.25)
    print(f"jobs: progress seen {[p for p in progress if p is not None][-3:]}")
    status, _, _, _ = server.request("DELETE", location)
    cancelled = time.monotonic()
    kids, cpu = survival(server, cancelled)
    _, _, data, _ = server.request("GET", location)
    state = json.loads(data).get("state")
    print(f"jobs: DELETE {location}: {status}; state {state}; CPU quiet after {cpu:.2f} s")
    verdict("a cancelled job stops within 1 s", status in (200, 202, 204) and state == "cancelled" and cpu <= 1,
            f"{status}, {state}, CPU {cpu:.2f} s")
    body = json.dumps({"route": "metrics", "query": {"metric": "degree"}}).encode()
    status, headers, _, _ = server.request("POST", "/v1/networks/russia-iran/jobs", body=body,
                                           headers={"Content-Type": "application/json"})
    location = headers.get("location", "")
    state = {}
    for _ in range(100):
        state = json.loads(server.request("GET", location)[2])
        if state.get("state") in ("done", "failed", "cancelled"):
            break
        time.sleep(0.1)
    result = server.request("GET", f"{location}/result")
    verdict("a small job runs to its result", state.get("state") == "done" and result[0] == 200
            and b'"actors"' in result[2], f"{state.get('state')}, result {result[0]}")
    server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--scenario", action="append", required=True,
                        choices=["starvation", "merge", "cancel", "jobs"])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--heavy-workers", type=int, help="starvation: the server's --heavy-workers (default: its own)")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "actornet-load-cache"))
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    directory, space = workspace(args.bin, args.cache)
    try:
        for name in args.scenario:
            if name == "starvation":
                starvation(args.bin, space, args.seconds, args.heavy_workers)
            else:
                {"merge": merge, "cancel": cancel, "jobs": jobs}[name](args.bin, space, args.seconds)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    if failures:
        print(f"\nload: {len(failures)} goal(s) unmet: " + "; ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
