#!/usr/bin/python3
"""Headless Jupyter tooling for the initlab notebooks (Java kernel: rapaio-jupyter-kernel).

Run it with the Debian Python (/usr/bin/python3); it needs only the standard library and the
Debian packages python3-nbclient (nbformat, jupyter_client) and, for `lab`, jupyter-notebook.

  install-kernel        write target/jupyter/kernels/initlab-java/kernel.json (project-local)
  execute NB.ipynb...   run notebooks headlessly; fail on a cell error or a chart cell without a PNG
  check NB.ipynb [K=V]  print the CHECK values of an executed notebook as JSON, optionally assert them
  startup-check -n 30   start the kernel repeatedly and report how many starts needed a retry
  lab                   open the notebooks in the browser (jupyter-notebook with the project kernel)

Conventions (see notebooks/README.md):
  * a code cell tagged "chart" must produce at least one image/png output;
  * a stdout line "CHECK key=value" publishes a value the test suite can assert on.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = NOTEBOOKS_DIR.parent
TARGET_DIR = PROJECT_DIR / "target"
JUPYTER_DIR = TARGET_DIR / "jupyter"  # the project-local JUPYTER_PATH entry
KERNEL_NAME = "initlab-java"
KERNEL_SPEC_DIR = JUPYTER_DIR / "kernels" / KERNEL_NAME
KERNEL_JAR = JUPYTER_DIR / "rapaio-jupyter-kernel.jar"
LOG_DIR = JUPYTER_DIR / "logs"
FAILED_DIR = JUPYTER_DIR / "failed"
RACE_FIX_SOURCE = NOTEBOOKS_DIR / "kernel-fix" / "LoopThread.java"
RACE_FIX_CLASSES = JUPYTER_DIR / "kernel-fix"
RACE_FIX_CLASS = "org/rapaio/jupyter/kernel/channels/LoopThread.class"
RACY_KERNEL_VERSIONS = {"3.0.1", "3.0.2", "3.0.3", "3.0.4"}  # kernel versions whose LoopThread the fix replaces

CHART_TAG = "chart"
CHECK_LINE = re.compile(r"^CHECK\s+(.+?)\s*$")
CHECK_PAIR = re.compile(r"^([A-Za-z0-9_.\-/]+)=(\S+)$")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

DEFAULT_CELL_TIMEOUT = 600  # seconds per cell
DEFAULT_STARTUP_TIMEOUT = 30  # seconds for a new kernel's first answer on any channel (slow JVM start)
DEFAULT_ATTEMPTS = 5  # kernel starts. With the race fix no start hung in 30; without it about one in three
HANG_GRACE = 5.0  # seconds a required channel may stay silent after another one of the same kernel answered


class RunnerError(Exception):
    """A failure reported as one line: `FAIL <what>: <why>`."""


# --------------------------------------------------------------------------------------------
# kernel spec


def find_java(explicit: str | None) -> str:
    candidates = [explicit] if explicit else []
    if not explicit and os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    if not explicit:
        candidates.append(shutil.which("java") or "")
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return str(Path(c).resolve())
    raise RunnerError(f"java executable not found (tried {candidates or ['PATH']}); pass --java")


def kernel_jar_info() -> tuple[str, str]:
    """(version, Main-Class) of the kernel jar."""
    with zipfile.ZipFile(KERNEL_JAR) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
        names = [n for n in jar.namelist() if n.endswith("rapaio-jupyter-kernel/pom.properties")]
        props = jar.read(names[0]).decode("utf-8", "replace") if names else ""
    version = re.search(r"^version=(\S+)", props, re.M)
    main = re.search(r"^Main-Class:\s*(\S+)", manifest, re.M)
    return (version.group(1) if version else "unknown", main.group(1) if main else "")


def build_race_fix(java: str) -> tuple[Path | None, str]:
    """Compile kernel-fix/LoopThread.java for a kernel version with the start-up race.
    Returns (classes dir or None, note)."""
    version, _ = kernel_jar_info()
    if version not in RACY_KERNEL_VERSIONS:
        return None, f"kernel {version}: no start-up race fix for this version (start-up retries only)"
    target = RACE_FIX_CLASSES / RACE_FIX_CLASS
    if target.exists() and target.stat().st_mtime >= RACE_FIX_SOURCE.stat().st_mtime:
        return RACE_FIX_CLASSES, f"kernel {version} with the start-up race fix"
    javac = Path(java).with_name("javac")
    if not os.access(javac, os.X_OK):
        return None, f"kernel {version}: {javac} not found (a JRE?), start-up race fix not built (retries only)"
    out = subprocess.run([str(javac), "--release", "17", "-nowarn", "-d", str(RACE_FIX_CLASSES), str(RACE_FIX_SOURCE)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RunnerError(f"install-kernel: cannot compile {RACE_FIX_SOURCE.name}: {_one_line(out.stderr)}")
    return RACE_FIX_CLASSES, f"kernel {version} with the start-up race fix (compiled)"


def kernel_spec(java: str, jvm_opts: list[str], race_fix: Path | None) -> dict:
    classpath = ";".join([str(TARGET_DIR / "classes"), str(TARGET_DIR / "dependency" / "*.jar")])
    if race_fix:  # the fixed LoopThread shadows the jar's own
        launch = ["-cp", os.pathsep.join([str(race_fix), str(KERNEL_JAR)]), kernel_jar_info()[1]]
    else:
        launch = ["-jar", str(KERNEL_JAR)]
    return {
        "argv": [java, "-Djava.awt.headless=true", *jvm_opts, *launch, "{connection_file}"],
        "display_name": "Java (initlab)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_CLASSPATH": classpath,
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            # the kernel's %dependency cache; its default is relative to the notebook folder
            "RJK_MIMA_CACHE": str(JUPYTER_DIR / "mima_cache"),
            "OMP_NUM_THREADS": "1",
            "INITLAB_PROJECT_DIR": str(PROJECT_DIR),
        },
        "metadata": {"generated_by": "notebooks/jupyter.py install-kernel"},
    }


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and os.replace: readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, mode)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def install_kernel(java: str | None = None, jvm_opts: list[str] | None = None, quiet: bool = False,
                   race_fix: bool = True) -> Path:
    missing = [p for p in (KERNEL_JAR, TARGET_DIR / "classes", TARGET_DIR / "dependency") if not p.exists()]
    if missing:
        raise RunnerError(
            f"install-kernel: missing {', '.join(str(p.relative_to(PROJECT_DIR)) for p in missing)}; "
            "build first: mvn -B process-test-classes"
        )
    java = find_java(java)
    fix_dir, note = build_race_fix(java) if race_fix else (None, "without the start-up race fix (--no-race-fix)")
    spec = kernel_spec(java, jvm_opts or [], fix_dir)
    path = KERNEL_SPEC_DIR / "kernel.json"
    text = json.dumps(spec, indent=2) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write_text(path, text)
    if not quiet:
        print(f"kernel spec {KERNEL_NAME}: {path} ({note})")
    return path


def jupyter_env(quick: bool = False) -> dict[str, str]:
    """Environment for Jupyter and the kernels: the project-local data dir first on JUPYTER_PATH,
    runtime (connection) files in target/jupyter/runtime, and INITLAB_NOTEBOOK_QUICK passed through
    (or set to 1 with quick=True)."""
    env = dict(os.environ)
    paths = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != str(JUPYTER_DIR)]
    env["JUPYTER_PATH"] = os.pathsep.join([str(JUPYTER_DIR), *paths])
    env.setdefault("JUPYTER_RUNTIME_DIR", str(JUPYTER_DIR / "runtime"))
    env["OMP_NUM_THREADS"] = "1"
    if quick:
        env["INITLAB_NOTEBOOK_QUICK"] = "1"
    return env


def use_project_jupyter_dirs() -> None:
    """Make jupyter_client, in this process, find the project kernel and keep its files in target/."""
    env = jupyter_env()
    for key in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR"):
        os.environ[key] = env[key]
    os.environ.setdefault("IPYTHONDIR", str(JUPYTER_DIR / "ipython"))  # the kernel spec search creates it
    Path(env["JUPYTER_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True)


# --------------------------------------------------------------------------------------------
# kernel start with retry
#
# rapaio-jupyter-kernel 3.0.1-3.0.4 has two start-up races that kill a channel's polling thread
# (LoopThread): the thread may test its `running` flag before start() sets it, and a message that
# arrives before Channels.connect() has created its handler map throws a NullPointerException in
# the loop. The process stays up, but its shell (no kernel_info_reply), control or heartbeat
# channel is dead: about one start in three. kernel-fix/LoopThread.java fixes both (see
# build_race_fix); in any case every new kernel is probed (probe_kernel) and, if it does not
# answer, killed and started again.

_LIVE_KERNELS: set[subprocess.Popen] = set()  # backstop: killed on exit, SIGTERM or a failed start


def _kill(process: subprocess.Popen | None) -> None:
    if process is not None:
        if process.poll() is None:  # poll() reaps an exited child, so the pid cannot have been reused
            process.kill()
            process.wait()
        _LIVE_KERNELS.discard(process)


def _kill_leftover_kernels() -> None:
    for process in list(_LIVE_KERNELS):
        _kill(process)


def _kernel_process(km) -> subprocess.Popen | None:
    return getattr(getattr(km, "provisioner", None), "process", None)


REQUIRED_CHANNELS = ("shell", "iopub")
FIRST_REQUEST_DELAY = 0.3  # seconds after the heartbeat echo before the first kernel_info_request
FIRST_REQUEST_LATEST = 5.0  # ... or this long after launch if the heartbeat stays silent


async def probe_kernel(km, kc, startup_timeout: float, grace: float) -> set[str]:
    """Wait until the new kernel answers on the channels the runner needs; raise TimeoutError if not.

    - heartbeat: one ping on a REQ socket, echoed as soon as the kernel has bound its sockets. Used
      as the go signal (see below), not required: nothing in the runner or the notebook server uses it;
    - shell: kernel_info_request, re-sent every 0.5 s until answered and IOPub delivers (as
      jupyter_client does). The first one waits for the heartbeat echo: the kernel's loops poll
      before its handler map exists, and without kernel-fix/LoopThread a message in that window
      kills the shell for good;
    - iopub: at least one message (e.g. the status messages of those requests).
    The control channel is not probed: rapaio answers control requests on the shell socket from the
    control thread, and jeromq sockets are not thread-safe (seen once: IndexOutOfBoundsException in
    the shell loop). With kernel-fix/LoopThread no loop thread can die, so it needs no probe.
    Once any channel has answered, a required channel silent for `grace` seconds is dead (the start-up
    race); `startup_timeout` only applies while nothing answers at all (slow JVM start).
    Returns the channels that answered.
    """
    import zmq
    import zmq.asyncio

    t0 = time.monotonic()
    answered: dict[str, float] = {}
    shell_ids: set[str] = set()
    last_shell_send = -1.0
    hb = zmq.asyncio.Context.instance().socket(zmq.REQ)
    hb.linger = 0
    try:
        hb.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
        await hb.send(b"initlab-ping")
        while True:
            now = time.monotonic()
            if "heartbeat" not in answered and await hb.poll(0):
                await hb.recv()
                answered["heartbeat"] = now
            go = now - answered.get("heartbeat", now) >= FIRST_REQUEST_DELAY or now - t0 >= FIRST_REQUEST_LATEST
            if go and ("shell" not in answered or "iopub" not in answered) and now - last_shell_send >= 0.5:
                shell_ids.add(kc.kernel_info())
                last_shell_send = now
            while await kc.shell_channel.msg_ready():
                reply = await kc.shell_channel.get_msg(timeout=0)
                if reply.get("parent_header", {}).get("msg_id") in shell_ids:
                    answered.setdefault("shell", now)
            while await kc.iopub_channel.msg_ready():
                await kc.iopub_channel.get_msg(timeout=0)
                answered.setdefault("iopub", now)
            missing = [c for c in REQUIRED_CHANNELS if c not in answered]
            since_first = now - min(answered.values()) if answered else 0.0
            if not missing and ("heartbeat" in answered or since_first > 1.0):
                return set(answered)
            if not await km.is_alive():
                raise RuntimeError("kernel process died during start-up")
            if missing and since_first > grace + FIRST_REQUEST_DELAY:
                first = min(answered, key=answered.get)
                raise TimeoutError(f"{'/'.join(missing)} silent {grace:.0f} s after {first} answered")
            if now - t0 > startup_timeout:
                raise TimeoutError(f"no answer on {'/'.join(missing or ['heartbeat'])} within {startup_timeout:.0f} s")
            await asyncio.sleep(0.05)
    finally:
        hb.close()


async def _stop_kernel(km, kc, now: bool) -> None:
    process = _kernel_process(km)
    try:
        if kc is not None:
            kc.stop_channels()
        if await km.is_alive():
            await km.shutdown_kernel(now=now)
    except Exception:  # noqa: BLE001 - best effort; the kill below is the backstop
        pass
    finally:
        try:
            await km.cleanup_resources()
        except Exception:  # noqa: BLE001
            pass
        _kill(process)


class StartedKernel:
    def __init__(self, km, kc, attempts: int, seconds: float, log: Path, failures: list[str], channels: set[str]):
        self.km, self.kc = km, kc
        self.attempts, self.seconds, self.log, self.failures = attempts, seconds, log, failures
        self.heartbeat_dead = "heartbeat" not in channels

    async def stop(self) -> None:
        await _stop_kernel(self.km, self.kc, now=False)


def loop_threads(pid: int) -> str:
    """Diagnostics: the kernel's channel loop threads alive, from jstack. A healthy kernel has three
    (Heartbeat-0 and two named Shell-0: shell and control); a hung one has fewer."""
    jstack = shutil.which("jstack")
    if not jstack:
        return "jstack not found"
    try:
        dump = subprocess.run([jstack, str(pid)], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"jstack failed: {e}"
    names = sorted(line.split('"')[1] for line in dump.splitlines()
                   if re.match(r'^"(Shell|Control|Heartbeat)-\d+"', line))
    return f"{len(names)} loop threads alive: {', '.join(names) or 'none'}"


async def start_kernel(cwd: Path, env: dict[str, str], startup_timeout: float, attempts: int,
                       label: str, diagnose: bool = False) -> StartedKernel:
    from jupyter_client import AsyncKernelManager

    LOG_DIR.mkdir(parents=True, exist_ok=True)
    for old in LOG_DIR.glob(f"{label}.kernel*.log"):
        old.unlink(missing_ok=True)
    failures: list[str] = []
    t0 = time.monotonic()
    for attempt in range(1, attempts + 1):
        log = LOG_DIR / f"{label}.kernel{attempt}.log"
        km = AsyncKernelManager(kernel_name=KERNEL_NAME)
        kc = None
        with open(log, "wb") as log_file:
            try:
                await km.start_kernel(cwd=str(cwd), env=env, stdout=log_file, stderr=subprocess.STDOUT)
            except Exception as e:  # noqa: BLE001 - e.g. kernel spec missing, java not executable
                raise RunnerError(f"cannot start kernel {KERNEL_NAME}: {e}") from e
        process = _kernel_process(km)
        pid = process.pid if process is not None else None
        if process is not None:
            _LIVE_KERNELS.add(process)
        try:
            kc = km.client()
            kc.start_channels()
            channels = await probe_kernel(km, kc, startup_timeout, HANG_GRACE)
            elapsed = time.monotonic() - t0
            kc.allow_stdin = False
            if diagnose and pid:
                print(f"[jupyter.py] {label}: accepted kernel ({'/'.join(sorted(channels))} answered): "
                      f"{loop_threads(pid)}", file=sys.stderr)
            return StartedKernel(km, kc, attempt, elapsed, log, failures, channels)
        except Exception as e:  # noqa: BLE001
            failures.append(f"attempt {attempt}: {e}" + (f" [{loop_threads(pid)}]" if diagnose and pid else ""))
            await _stop_kernel(km, kc, now=True)
            if not _alive_at_all(log):
                break  # the JVM itself failed (bad classpath, java...): retrying will not help
            print(f"[jupyter.py] {label}: kernel start {failures[-1]}; "
                  f"{'restarting' if attempt < attempts else 'giving up'}", file=sys.stderr)
    tail = _tail(log, 15)
    raise RunnerError(f"kernel did not start after {len(failures)} attempt(s): {'; '.join(failures)}"
                      + (f"\n--- {log} (tail) ---\n{tail}" if tail else ""))


def _alive_at_all(log: Path) -> bool:
    """Did the JVM get as far as binding its sockets? If not, the failure is not the start-up race."""
    try:
        return "Binding" in log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _tail(path: Path, n: int) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(line for line in lines[-n:] if "to classpath" not in line)


# --------------------------------------------------------------------------------------------
# execute


def _first_line(cell) -> str:
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()[:80]
    return ""


def _one_line(text: str, limit: int = 300) -> str:
    text = " | ".join(line.strip() for line in ANSI.sub("", text).splitlines() if line.strip())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _missing_loads(nb, cwd: Path) -> list[tuple[int, str]]:
    """`%load FILE` silently does nothing when FILE does not exist; catch that before running."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^\s*%load\s+(\S.*?)\s*$", line)
            if m and "${" not in m.group(1) and not (cwd / m.group(1)).is_file():
                out.append((i, m.group(1)))
    return out


def cell_stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def _parse_value(raw: str):
    try:
        value = float(raw)
    except ValueError:
        return raw
    if not math.isfinite(value):
        return raw  # keep NaN/Infinity as strings: they are not valid JSON numbers
    return int(value) if re.fullmatch(r"[+-]?\d+", raw) else value


def extract_checks(nb) -> dict:
    """All `CHECK key=value [key=value...]` lines printed on stdout, in cell order (last one wins)."""
    checks: dict = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for line in cell_stdout(cell).splitlines():
            m = CHECK_LINE.match(line.strip())
            if not m:
                continue
            for pair in m.group(1).split():
                kv = CHECK_PAIR.match(pair)
                if not kv:
                    raise RunnerError(f"cell {index}: malformed CHECK line {line.strip()!r}")
                checks[kv.group(1)] = _parse_value(kv.group(2))
    return checks


def verify_outputs(nb) -> None:
    """Errors the kernel published without failing the execute_reply, and chart cells without a PNG."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                detail = out.get("evalue") or "\n".join(out.get("traceback", []))
                raise RunnerError(f"cell {index} ({_first_line(cell)}): {out.get('ename', 'error')}: "
                                  f"{_one_line(detail)}")
        if CHART_TAG in cell.metadata.get("tags", []):
            if not any("image/png" in out.get("data", {}) for out in cell.get("outputs", [])):
                raise RunnerError(f"cell {index} ({_first_line(cell)}): tagged '{CHART_TAG}' but produced "
                                  "no image/png output (display a chart with show(chart))")


def write_notebook(nb, path: Path) -> None:
    import nbformat

    nbformat.validate(nb)
    atomic_write_text(path, nbformat.writes(nb) + "\n")


def label_for(path: Path) -> str:
    """Name of a notebook's kernel logs: target/jupyter/logs/<label>.kernel<attempt>.log."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem)


async def execute_notebook(path: Path, args) -> dict:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    cwd = Path(args.cwd).resolve() if args.cwd else path.parent
    for index, target in _missing_loads(nb, cwd):
        raise RunnerError(f"cell {index}: %load {target}: no such file in {cwd}")

    env = jupyter_env(quick=args.quick)
    t0 = time.monotonic()
    kernel = await start_kernel(cwd, env, args.startup_timeout, args.attempts, label_for(path))
    state = {"cell": None}

    def on_cell_start(cell, cell_index):
        state["cell"] = cell_index

    client = NotebookClient(nb, km=kernel.km, kernel_name=KERNEL_NAME, timeout=args.timeout,
                            startup_timeout=args.startup_timeout, allow_errors=False,
                            record_timing=False, on_cell_start=on_cell_start,
                            resources={"metadata": {"path": str(cwd)}})
    client.kc = kernel.kc
    try:
        await client.async_execute()
        verify_outputs(nb)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        _save_failed(nb, path)
        where = f"cell {state['cell']}" if state["cell"] is not None else "kernel"
        if state["cell"] is not None:
            where += f" ({_first_line(nb.cells[state['cell']])})"
        if isinstance(e, CellExecutionError):
            print(ANSI.sub("", e.traceback), file=sys.stderr)
            raise RunnerError(f"{where}: {e.ename}: {_error_summary(nb, state['cell'], e)}") from None
        if isinstance(e, CellTimeoutError):
            raise RunnerError(f"{where}: timed out after {args.timeout} s (--timeout)") from None
        raise RunnerError(f"{where}: kernel died ({e}); kernel log: {kernel.log}") from None
    except RunnerError:
        _save_failed(nb, path)
        raise
    finally:
        await kernel.stop()

    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (initlab)", "language": "java"}
    checks = extract_checks(nb)
    if args.inplace:
        write_notebook(nb, path)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    charts = sum(1 for c in nb.cells if CHART_TAG in c.metadata.get("tags", []))
    return {
        "notebook": str(path),
        "ok": True,
        "seconds": round(time.monotonic() - t0, 2),
        "kernel_start_seconds": round(kernel.seconds, 2),
        "kernel_start_attempts": kernel.attempts,
        "code_cells": code_cells,
        "chart_cells": charts,
        "quick": env.get("INITLAB_NOTEBOOK_QUICK") == "1",
        "checks": checks,
    }


def _error_summary(nb, index: int | None, e) -> str:
    """evalue if the kernel gave one; else (compile errors) the kernel's own traceback lines."""
    if e.evalue:
        return _one_line(e.evalue)
    outputs = nb.cells[index].get("outputs", []) if index is not None else []
    for out in outputs:
        if out.get("output_type") == "error" and out.get("traceback"):
            return _one_line("\n".join(out["traceback"]))
    return _one_line(e.traceback)


def _save_failed(nb, path: Path) -> None:
    try:
        write_notebook(nb, FAILED_DIR / path.name)
        print(f"[jupyter.py] partially executed notebook saved to {FAILED_DIR / path.name}", file=sys.stderr)
    except Exception:  # noqa: BLE001 - diagnostics only
        pass


def cmd_execute(args) -> int:
    if args.checks_json and len(args.notebooks) > 1:
        raise RunnerError("--checks-json takes one notebook at a time")
    install_kernel(args.java, args.jvm_opt, quiet=True, race_fix=args.race_fix)
    use_project_jupyter_dirs()
    failed = 0
    for name in args.notebooks:  # all of them, each with its own kernel; exit 1 if any failed
        path = Path(name).resolve()
        try:
            if not path.is_file():
                raise RunnerError("no such notebook")
            result = asyncio.run(execute_notebook(path, args))
        except RunnerError as e:
            failed += 1
            message = str(e)
            if "\n" in message:  # details first, the one-line verdict last
                head, details = message.split("\n", 1)
                print(details, file=sys.stderr)
                message = head
            print(f"FAIL {_display_path(path)}: {message}", file=sys.stderr, flush=True)
            if args.checks_json:
                atomic_write_text(Path(args.checks_json),
                                  json.dumps({"notebook": str(path), "ok": False, "error": message}, indent=2) + "\n")
            continue
        finally:
            _kill_leftover_kernels()
        checks = " ".join(f"{k}={v}" for k, v in result["checks"].items())
        retry = f", {result['kernel_start_attempts']} kernel start attempts" if result["kernel_start_attempts"] > 1 else ""
        print(f"OK {_display_path(path)}: {result['code_cells']} code cells, {result['chart_cells']} chart cells "
              f"in {result['seconds']} s (kernel start {result['kernel_start_seconds']} s{retry})"
              + (f"; CHECK {checks}" if checks else "") + ("; written in place" if args.inplace else ""), flush=True)
        if args.checks_json:
            atomic_write_text(Path(args.checks_json), json.dumps(result, indent=2) + "\n")
    return 1 if failed else 0


def _display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------------------------
# check


def cmd_check(args) -> int:
    import nbformat

    path = Path(args.notebook)
    try:
        checks = extract_checks(nbformat.read(path, as_version=4))
        problems = []
        for expectation in args.expect:
            key, sep, raw = expectation.partition("=")
            if not sep:
                raise RunnerError(f"expectation {expectation!r} is not KEY=VALUE")
            if key not in checks:
                problems.append(f"{key}: missing (notebook printed {sorted(checks) or 'no CHECK lines'})")
                continue
            actual, expected = checks[key], _parse_value(raw)
            if isinstance(actual, (int, float)) and isinstance(expected, (int, float)):
                ok = math.isclose(actual, expected, rel_tol=args.rtol, abs_tol=args.atol)
            else:
                ok = str(actual) == raw
            if not ok:
                problems.append(f"{key}: expected {raw}, got {actual}")
    except RunnerError as e:
        print(f"FAIL {path}: {e}", file=sys.stderr)
        return 1
    print(json.dumps({"notebook": str(path), "checks": checks}, indent=2))
    if problems:
        print(f"FAIL {path}: CHECK mismatch: {'; '.join(problems)}", file=sys.stderr)
        return 1
    return 0


# --------------------------------------------------------------------------------------------
# startup-check


async def _startup_check(args) -> dict:
    env = jupyter_env()
    rows = []
    for i in range(1, args.n + 1):
        t = time.monotonic()
        try:
            kernel = await start_kernel(NOTEBOOKS_DIR, env, args.startup_timeout, args.attempts,
                                        f"startup-check.{i}", diagnose=args.jstack)
        except RunnerError as e:
            rows.append({"start": i, "ok": False, "attempts": args.attempts, "seconds": round(time.monotonic() - t, 2),
                         "failures": [str(e).split("\n")[0]], "heartbeat_dead": None})
            print(f"start {i:3d}: FAILED after {args.attempts} attempts: {rows[-1]['failures'][0]}", flush=True)
            continue
        rows.append({"start": i, "ok": True, "attempts": kernel.attempts, "seconds": round(kernel.seconds, 2),
                     "failures": kernel.failures, "heartbeat_dead": kernel.heartbeat_dead})
        await kernel.stop()
        notes = [f"retried: {'; '.join(kernel.failures)}"] if kernel.failures else []
        notes += ["accepted with a dead heartbeat"] if kernel.heartbeat_dead else []
        print(f"start {i:3d}: {kernel.seconds:6.2f} s, attempts {kernel.attempts} ({'; '.join(notes) or 'ok'})",
              flush=True)
    hung = [f for r in rows for f in r["failures"] if f.startswith("attempt")]
    first_try = sorted(r["seconds"] for r in rows if r["ok"] and r["attempts"] == 1)
    return {
        "starts": len(rows),
        "failed_starts": sum(1 for r in rows if not r["ok"]),
        "needed_retry": sum(1 for r in rows if r["attempts"] > 1),
        "hung_attempts": len(hung),
        "hung_by_channel": {c: sum(1 for f in hung if c in _silent_channels(f)) for c in REQUIRED_CHANNELS},
        "accepted_with_dead_heartbeat": sum(1 for r in rows if r["heartbeat_dead"]),
        "max_attempts": max(r["attempts"] for r in rows),
        "first_try_start_seconds_median": first_try[len(first_try) // 2] if first_try else None,
        "startup_timeout": args.startup_timeout,
        "hang_grace": HANG_GRACE,
        "attempts_allowed": args.attempts,
        "rows": rows,
    }


def _silent_channels(failure: str) -> list[str]:
    m = re.search(r"([a-z/]+) silent \d+ s after|no answer on ([a-z/]+) within", failure)
    return (m.group(1) or m.group(2)).split("/") if m else []


def cmd_startup_check(args) -> int:
    install_kernel(args.java, args.jvm_opt, race_fix=args.race_fix)
    use_project_jupyter_dirs()
    try:
        s = asyncio.run(_startup_check(args))
    finally:
        _kill_leftover_kernels()
    print(f"{s['starts']} starts: {s['needed_retry']} needed a retry ({s['hung_attempts']} hung attempts: "
          + ", ".join(f"{c} {n}" for c, n in s["hung_by_channel"].items())
          + f"), {s['failed_starts']} failed after {s['attempts_allowed']} attempts, "
          f"{s['accepted_with_dead_heartbeat']} accepted with a dead heartbeat; max attempts {s['max_attempts']}, "
          f"median first-try start {s['first_try_start_seconds_median']} s")
    if args.json:
        atomic_write_text(Path(args.json), json.dumps(s, indent=2) + "\n")
    return 1 if s["failed_starts"] else 0


# --------------------------------------------------------------------------------------------
# lab


def cmd_lab(args) -> int:
    install_kernel(args.java, args.jvm_opt, race_fix=args.race_fix)
    exe = shutil.which("jupyter-notebook") or "/usr/bin/jupyter-notebook"
    if not os.access(exe, os.X_OK):
        print("FAIL lab: jupyter-notebook not found; install it: sudo apt-get install -y jupyter-notebook",
              file=sys.stderr)
        return 1
    env = jupyter_env(quick=args.quick)  # also keeps the server's runtime files out of $HOME
    argv = [exe, f"--notebook-dir={NOTEBOOKS_DIR}", f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # containers; the notebook server refuses root otherwise
    argv += args.notebook_args
    print("JUPYTER_PATH=" + env["JUPYTER_PATH"] + " " + " ".join(argv), flush=True)
    os.chdir(NOTEBOOKS_DIR)  # kernels started without a notebook path also run in notebooks/
    os.execve(exe, argv, env)
    return 0  # not reached


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="notebooks/jupyter.py", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    def kernel_opts(p):
        p.add_argument("--java", help="java executable for the kernel (default: $JAVA_HOME/bin/java or PATH)")
        p.add_argument("--jvm-opt", action="append", default=[], metavar="OPT",
                       help="extra JVM option for the kernel, e.g. --jvm-opt=-Xmx4g (repeatable)")
        p.add_argument("--no-race-fix", dest="race_fix", action="store_false",
                       help="launch the kernel jar as is, without kernel-fix/LoopThread (to measure the race)")

    def start_opts(p):
        p.add_argument("--startup-timeout", type=float, default=DEFAULT_STARTUP_TIMEOUT, metavar="S",
                       help=f"seconds for a new kernel's first answer (default {DEFAULT_STARTUP_TIMEOUT})")
        p.add_argument("--attempts", type=int, default=DEFAULT_ATTEMPTS,
                       help=f"kernel starts before giving up (default {DEFAULT_ATTEMPTS})")

    p = sub.add_parser("install-kernel", help="write the project-local kernel spec")
    kernel_opts(p)
    p.set_defaults(func=lambda a: (install_kernel(a.java, a.jvm_opt, race_fix=a.race_fix), 0)[1])

    p = sub.add_parser("execute", help="execute notebooks headlessly")
    p.add_argument("notebooks", nargs="+", metavar="NB.ipynb")
    p.add_argument("--inplace", action="store_true", help="write the executed notebook back (only on success)")
    p.add_argument("--timeout", type=int, default=DEFAULT_CELL_TIMEOUT, metavar="S",
                   help=f"seconds per cell (default {DEFAULT_CELL_TIMEOUT})")
    p.add_argument("--cwd", help="kernel working directory (default: the notebook's folder)")
    p.add_argument("--quick", action="store_true", help="set INITLAB_NOTEBOOK_QUICK=1 for the kernel")
    p.add_argument("--checks-json", metavar="FILE", help="write the result and CHECK values as JSON")
    kernel_opts(p)
    start_opts(p)
    p.set_defaults(func=cmd_execute)

    p = sub.add_parser("check", help="print (and assert) the CHECK values of an executed notebook")
    p.add_argument("notebook", metavar="NB.ipynb")
    p.add_argument("expect", nargs="*", metavar="KEY=VALUE")
    p.add_argument("--rtol", type=float, default=1e-9)
    p.add_argument("--atol", type=float, default=0.0)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("startup-check", help="start the kernel N times; report hangs and retries")
    p.add_argument("-n", type=int, default=30)
    p.add_argument("--json", metavar="FILE", help="write the per-start figures as JSON")
    p.add_argument("--jstack", action="store_true",
                   help="diagnostics: count the kernel's channel loop threads (jstack) of each start")
    kernel_opts(p)
    start_opts(p)
    p.set_defaults(func=cmd_startup_check)

    p = sub.add_parser("lab", help="open the notebooks in the browser (jupyter-notebook)")
    p.add_argument("--quick", action="store_true", help="set INITLAB_NOTEBOOK_QUICK=1 for the kernels")
    p.add_argument("notebook_args", nargs=argparse.REMAINDER,
                   help="passed to jupyter-notebook after --, e.g. -- --no-browser --port 8899")
    kernel_opts(p)
    p.set_defaults(func=cmd_lab)

    args = parser.parse_args(argv)
    if getattr(args, "notebook_args", None) and args.notebook_args[0] == "--":
        args.notebook_args = args.notebook_args[1:]
    signal.signal(signal.SIGTERM, lambda *_: (_kill_leftover_kernels(), os._exit(143)))
    try:
        return args.func(args)
    except RunnerError as e:
        print(f"FAIL {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _kill_leftover_kernels()
        return 130


if __name__ == "__main__":
    sys.exit(main())
