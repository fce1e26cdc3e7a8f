#!/usr/bin/env python3
"""Measure Vitrine and Chromium (kiosk mode, TimelineJS page) on one machine and
print a Markdown table. Started by run.sh, which prepares everything it needs
(the build, TimelineJS, the page, Xvfb); see README.md in this folder.

Per launch (RUNS launches of each, medians reported):
  start   process launch -> first rendered exhibit. Vitrine: its `vitrine-stats:
          first_frame_ms=` line appears on stderr. Chromium: the page requests
          /ready from the loopback server below (TimelineJS `loaded`, title image
          decoded, two animation frames).
  cpu     utime+stime (+cutime+cstime) from /proc/PID/stat summed over the process
          tree, at the ready signal and IDLE seconds later; the difference.
  pss     Pss from /proc/PID/smaps_rollup summed over the tree at the end of the
          idle window.
The harness makes itself a child subreaper, so the tree is "every descendant of
the harness": processes that Chromium double-forks stay in it.
"""
import argparse
import ctypes
import http.server
import os
import re
import shutil
import signal
import socketserver
import statistics
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
ME = os.getpid()


# ---------------------------------------------------------------- /proc helpers
def children_map():
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
        except OSError:
            continue
        ppid = int(s[s.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def tree(root=ME):
    kids = children_map()
    out, todo = [], list(kids.get(root, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return 0
    fields = s[s.rindex(")") + 2:].split()
    # fields[0] is state (field 3); utime=14, stime=15, cutime=16, cstime=17
    return sum(int(fields[i - 3]) for i in (14, 15, 16, 17))


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_cpu_ms(pids):
    return sum(cpu_ticks(p) for p in pids) * 1000.0 / CLK_TCK


def kill_tree(proc):
    pids = tree()
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for p in pids:
            try:
                os.kill(p, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            # reap whatever was reparented to us
            try:
                while os.waitpid(-1, os.WNOHANG)[0] > 0:
                    pass
            except ChildProcessError:
                pass
            pids = tree()
            if not pids:
                return
            time.sleep(0.05)
    if proc.poll() is None:
        proc.kill()


# ---------------------------------------------------------------- ready server
class ReadyServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(site):
    event = threading.Event()
    state = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=site, **kw)

        def do_GET(self):
            if self.path.startswith("/ready"):
                state["t"] = time.monotonic()
                state["page_ms"] = self.path.split("t=")[-1]
                event.set()
                self.send_response(204)
                self.end_headers()
                return
            super().do_GET()

        def log_message(self, *a):
            pass

    srv = ReadyServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, event, state


# ---------------------------------------------------------------- one launch
def as_user(cmd, user):
    if user is None:
        return cmd
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--"] + cmd


def measure_vitrine(a, env):
    cmd = as_user([a.vitrine, "--pack", a.pack, "--config", a.config,
                   "--windowed", a.size, "--stats"], a.uid)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    got = threading.Event()
    info = {}

    def reader():
        for line in proc.stderr:
            m = re.search(r"vitrine-stats: first_frame_ms=([0-9.]+)", line)
            if m and not got.is_set():
                info["t"] = time.monotonic()
                info["self_ms"] = float(m.group(1))
                got.set()
            info.setdefault("lines", []).append(line.rstrip())

    threading.Thread(target=reader, daemon=True).start()
    if not got.wait(a.timeout):
        kill_tree(proc)
        sys.exit("measure: vitrine printed no first_frame_ms line in time:\n" + "\n".join(info.get("lines", [])))
    return idle_and_stop(a, proc, t0, info["t"], {"self_ms": info["self_ms"]})


def measure_chromium(a, env, srv, event, state, profile):
    event.clear()
    state.clear()
    # localhost, not 127.0.0.1: "MAP * ~NOTFOUND" also maps IP literals
    url = f"http://localhost:{srv.server_address[1]}/index.html"
    cmd = as_user([a.chromium, "--kiosk", "--no-first-run", "--no-default-browser-check",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-features=Translate,MediaRouter,OptimizationHints",
                   "--disable-domain-reliability", "--metrics-recording-only", "--no-pings",
                   f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
                   "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                   f"--window-size={a.size.replace('x', ',')}", "--window-position=0,0",
                   *a.chromium_extra, url], a.uid)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(a.work, "chromium.log"), "a"),
                            start_new_session=True)
    if not event.wait(a.timeout):
        kill_tree(proc)
        sys.exit(f"measure: the page never reported ready (see {a.work}/chromium.log)")
    return idle_and_stop(a, proc, t0, state["t"], {"page_ms": float(state["page_ms"])})


def idle_and_stop(a, proc, t0, t_ready, extra):
    xvfb0 = cpu_ticks(a.xvfb_pid)
    pids0 = tree()
    c0 = tree_cpu_ms(pids0)
    time.sleep(a.idle)
    pids1 = tree()
    c1 = tree_cpu_ms(pids1)
    xvfb1 = cpu_ticks(a.xvfb_pid)
    pss = sum(pss_kib(p) for p in pids1)
    # processes alive at the start but gone at the end: their ticks are lost
    # unless their parent reaped them (cutime/cstime); note how many.
    gone = len(set(pids0) - set(pids1))
    r = {"start_ms": (t_ready - t0) * 1000, "pss_kib": pss, "cpu_ms": c1 - c0, "procs": len(pids1),
         "xvfb_cpu_ms": (xvfb1 - xvfb0) * 1000.0 / CLK_TCK, "gone": gone, **extra}
    kill_tree(proc)
    return r


# ---------------------------------------------------------------- disk footprint
def apt_closure(roots):
    """Depends/PreDepends closure (first alternative; a virtual package's first
    provider), as apt-cache depends reports it."""
    seen, todo = set(), list(roots)
    while todo:
        batch = [p for p in dict.fromkeys(todo) if p not in seen]
        todo = []
        if not batch:
            break
        seen.update(batch)
        out = subprocess.run(["apt-cache", "depends", "--important", *batch],
                             capture_output=True, text=True).stdout.splitlines()
        i = 0
        while i < len(out):
            line = out[i]
            m = re.match(r"\s+(\|?)(Pre)?Depends: (.*)", line)
            if not m:
                i += 1
                continue
            # take the first alternative of a group, skip the others
            name = m.group(3).strip()
            alt = m.group(1) == "|"
            i += 1
            providers = []
            while i < len(out) and re.match(r"\s{4}\S", out[i]):
                providers.append(out[i].strip())
                i += 1
            if name.startswith("<"):
                name = providers[0] if providers else None
            if name:
                todo.append(name.split(":")[0])
            while alt and i < len(out):
                m2 = re.match(r"\s+(\|?)(Pre)?Depends: ", out[i])
                if not m2:
                    break
                alt = m2.group(1) == "|"
                i += 1
                while i < len(out) and re.match(r"\s{4}\S", out[i]):
                    i += 1
    return seen


def pkg_fields(names):
    out = subprocess.run(["apt-cache", "show", "--no-all-versions", *sorted(names)],
                         capture_output=True, text=True).stdout
    info = {}
    for block in out.split("\n\n"):
        f = dict(re.findall(r"^([A-Za-z-]+): (.*)$", block, re.M))
        if "Package" in f:
            info[f["Package"]] = (int(f.get("Installed-Size", 0)), f.get("Priority", "optional"))
    return info


def footprint(roots, exclude=()):
    names = apt_closure(roots) - set(exclude)
    info = pkg_fields(names)
    extra = {n: v for n, v in info.items() if v[1] != "required"}
    return sum(v[0] for v in extra.values()), len(extra), extra


def du_kib(*paths):
    out = subprocess.run(["du", "-sLck", *paths], capture_output=True, text=True).stdout.splitlines()
    return int(out[-1].split()[0])


# ---------------------------------------------------------------- instructions
def insn_count(qemu, root, plugin, binary, a):
    cmd = [qemu, "-L", root, "-plugin", plugin, binary, "--pack", a.pack, "--config", a.config,
           "--headless", "--size", a.size, "--screenshot", os.path.join(a.work, "insn.png")]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    m = re.search(r"insn-count: (\d+)", r.stderr)
    if r.returncode != 0 or not m:
        return None, (r.stderr.strip().splitlines() or ["no output"])[-1]
    return int(m.group(1)), None


# ---------------------------------------------------------------- main
def fmt_mib(kib):
    return f"{kib / 1024:.1f} MiB"


def ratio(c, v):
    return f"{c / v:.1f}×" if v else "—"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vitrine", required=True)
    ap.add_argument("--vitrine-arm64")
    ap.add_argument("--deb")
    ap.add_argument("--pack", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--tl-dist", required=True)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromium-extra", nargs="*", default=[])
    ap.add_argument("--xvfb-pid", type=int, required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--idle", type=float, default=10)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--uid", help="run both programs as this uid (and its gid)")
    ap.add_argument("--plugin")
    ap.add_argument("--meta", action="append", default=[], help="KEY=VALUE lines for the header")
    a = ap.parse_args()

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER

    env = {k: v for k, v in os.environ.items() if k in ("PATH", "DISPLAY", "LANG", "TZ")}
    env["HOME"] = os.path.join(a.work, "home")
    env["XDG_CONFIG_HOME"] = os.path.join(a.work, "home", ".config")
    env["XDG_CACHE_HOME"] = os.path.join(a.work, "home", ".cache")
    env["XDG_RUNTIME_DIR"] = os.path.join(a.work, "home", "run")
    for d in (env["HOME"], env["XDG_CONFIG_HOME"], env["XDG_CACHE_HOME"], env["XDG_RUNTIME_DIR"]):
        os.makedirs(d, exist_ok=True)
    profile = os.path.join(a.work, "chromium-profile")
    shutil.rmtree(profile, ignore_errors=True)
    os.makedirs(profile)
    if a.uid:
        for d in (env["HOME"], env["XDG_CONFIG_HOME"], env["XDG_CACHE_HOME"], env["XDG_RUNTIME_DIR"], profile):
            os.chown(d, int(a.uid), int(a.uid))
        os.chmod(env["XDG_RUNTIME_DIR"], 0o700)

    srv, event, state = make_server(a.site)

    def on_signal(signum, frame):
        kill_tree(subprocess.Popen(["true"]))
        sys.exit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    # One launch of each first, not counted: warms the page cache for both and
    # lets Chromium create its profile (a kiosk starts with an existing one).
    print("measure: warm-up launch of each (not counted)", file=sys.stderr)
    measure_vitrine(a, env)
    measure_chromium(a, env, srv, event, state, profile)

    vit, chr_ = [], []
    for i in range(a.runs):
        vit.append(measure_vitrine(a, env))
        print(f"measure: vitrine  run {i + 1}: {vit[-1]}", file=sys.stderr)
        chr_.append(measure_chromium(a, env, srv, event, state, profile))
        print(f"measure: chromium run {i + 1}: {chr_[-1]}", file=sys.stderr)
    srv.shutdown()

    med = lambda rs, k: statistics.median(r[k] for r in rs)

    # disk footprint
    vit_roots = []
    vit_deb_kib = None
    if a.deb and os.path.exists(a.deb):
        dep = subprocess.run(["dpkg-deb", "-f", a.deb, "Depends"], capture_output=True, text=True).stdout
        vit_roots = [d.split("|")[0].split("(")[0].strip() for d in dep.split(",") if d.strip()]
        vit_deb_kib = int(subprocess.run(["dpkg-deb", "-f", a.deb, "Installed-Size"],
                                         capture_output=True, text=True).stdout.strip() or 0)
    # what SDL opens at run time (dlopen, so not in the shlibs): GL/EGL through Mesa
    vit_roots += ["libegl1", "libgles2", "libgl1-mesa-dri"]
    v_deps_kib, v_deps_n, v_pkgs = footprint(vit_roots)
    c_deps_kib, c_deps_n, c_pkgs = footprint(["chromium"])
    page_kib = du_kib(a.site, a.tl_dist)
    vit_self_kib = vit_deb_kib if vit_deb_kib else du_kib(a.vitrine, a.pack)
    v_total = vit_self_kib + v_deps_kib
    c_total = c_deps_kib + page_kib
    common = set(v_pkgs) & set(c_pkgs)
    common_kib = sum(v_pkgs[n][0] for n in common)
    fonts_kib = sum(v for n, (v, _) in v_pkgs.items() if n.startswith("fonts-"))
    du_vit = du_kib(a.vitrine, a.pack)
    du_chr = du_kib("/usr/lib/chromium") + page_kib

    # instruction counts (qemu-user with a tiny TCG plugin, see insn_count.c)
    insn = {}
    if a.plugin:
        if a.vitrine_arm64 and os.path.exists(a.vitrine_arm64):
            insn["arm64"] = insn_count("qemu-aarch64", "/", a.plugin, a.vitrine_arm64, a)
        else:
            insn["arm64"] = (None, "no arm64 build (cmake --preset arm64)")
        insn["x86-64"] = insn_count("qemu-x86_64", "/", a.plugin, a.vitrine, a)

    # ------------------------------------------------------------ the table
    meta = dict(m.split("=", 1) for m in a.meta)
    p = print
    p(f"## Vitrine vs Chromium + TimelineJS, {meta.get('date', '')}\n")
    for k in ("machine", "cpu", "os", "chromium", "timelinejs", "vitrine", "display", "gl"):
        if k in meta:
            p(f"- {k}: {meta[k]}")
    p(f"- runs: {a.runs} launches of each after one uncounted warm-up of each; medians; "
      f"idle window {a.idle:g} s; window {a.size}; both run as uid {a.uid or os.getuid()}")
    p("")
    p("| measure | Vitrine | Chromium + TimelineJS | Chromium / Vitrine |")
    p("|---|---|---|---|")
    vs, cs = med(vit, "start_ms"), med(chr_, "start_ms")
    p(f"| cold start to first rendered exhibit (launch → ready), median | {vs:.0f} ms | {cs:.0f} ms | {ratio(cs, vs)} |")
    each_v = ", ".join("%.0f" % r["start_ms"] for r in vit)
    each_c = ", ".join("%.0f" % r["start_ms"] for r in chr_)
    p(f"| … each run | {each_v} ms | {each_c} ms | |")
    p(f"| … as the program itself timed it (Vitrine: main → first frame; page: navigation → ready) | "
      f"{med(vit, 'self_ms'):.0f} ms | {med(chr_, 'page_ms'):.0f} ms | |")
    vp, cp = med(vit, "pss_kib"), med(chr_, "pss_kib")
    p(f"| PSS summed over the process tree, after the idle window | {fmt_mib(vp)} | {fmt_mib(cp)} | {ratio(cp, vp)} |")
    p(f"| processes in the tree | {med(vit, 'procs'):.0f} | {med(chr_, 'procs'):.0f} | |")
    vc, cc = med(vit, "cpu_ms"), med(chr_, "cpu_ms")
    p(f"| CPU time (user+sys) over {a.idle:g} s idle after the first render | {vc:.0f} ms | {cc:.0f} ms | "
      f"{ratio(cc, vc) if vc >= 10 else ('—' if not cc else f'≥ {cc / 10:.0f}× (Vitrine < 10 ms, the clock tick)')} |")
    p(f"| … Xvfb's CPU in the same window (not in the sums above) | {med(vit, 'xvfb_cpu_ms'):.0f} ms | "
      f"{med(chr_, 'xvfb_cpu_ms'):.0f} ms | |")
    p(f"| disk: package + dependencies beyond `Priority: required` (apt-cache closure) | "
      f"{fmt_mib(v_total)} ({v_deps_n} packages) | {fmt_mib(c_total)} ({c_deps_n} packages) | {ratio(c_total, v_total)} |")
    p(f"| … of which fonts-* (Vitrine's bundled-font dependency) | {fmt_mib(fonts_kib)} | "
      f"{fmt_mib(sum(v for n, (v, _) in c_pkgs.items() if n.startswith('fonts-')))} | |")
    p(f"| … packages both need (counted on both sides) | {fmt_mib(common_kib)} ({len(common)}) | "
      f"{fmt_mib(common_kib)} ({len(common)}) | |")
    p(f"| disk: program + content only (du: vitrine binary + pack / /usr/lib/chromium + page + TimelineJS) | "
      f"{fmt_mib(du_vit)} | {fmt_mib(du_chr)} | {ratio(du_chr, du_vit)} |")
    for arch, (n, why) in insn.items():
        p(f"| Vitrine {arch} instructions, headless first frame {a.size} with PNG written (qemu-user + TCG plugin) | "
          f"{('%.2f ×10⁹' % (n / 1e9)) if n else 'unavailable: ' + why} | — | |")
    p("")
    p("Methods: start = time.monotonic() before fork/exec to the ready signal (Vitrine's "
      "`vitrine-stats: first_frame_ms` line on stderr; the page's request to /ready on the "
      "harness's loopback server after TimelineJS `loaded`, the title photo decoded and two "
      "animation frames). CPU = Σ utime+stime+cutime+cstime from /proc/PID/stat over every "
      "descendant of the harness (a child subreaper) at ready and after the idle window. "
      "PSS = Σ Pss of /proc/PID/smaps_rollup over the same tree at the end of the window. "
      "Disk = Installed-Size of the program's package (Vitrine: its .deb; Chromium: chromium) "
      "plus the Depends/PreDepends closure (first alternative, no Recommends) minus packages of "
      "Priority required; Vitrine's roots add libegl1, libgles2, libgl1-mesa-dri, which SDL "
      "dlopens; Chromium's side adds the page, its photo and TimelineJS's dist/. No X server "
      "on either side.")
    if sum(r["gone"] for r in vit + chr_):
        p(f"\nNote: {sum(r['gone'] for r in chr_)} Chromium / {sum(r['gone'] for r in vit)} Vitrine "
          "processes exited during idle windows; their CPU counts only if a parent reaped them.")


if __name__ == "__main__":
    main()
