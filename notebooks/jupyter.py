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
from pathlib import Path
from queue import Empty

NOTEBOOKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = NOTEBOOKS_DIR.parent
TARGET_DIR = PROJECT_DIR / "target"
JUPYTER_DIR = TARGET_DIR / "jupyter"  # the project-local JUPYTER_PATH entry
KERNEL_NAME = "initlab-java"
KERNEL_SPEC_DIR = JUPYTER_DIR / "kernels" / KERNEL_NAME
KERNEL_JAR = JUPYTER_DIR / "rapaio-jupyter-kernel.jar"
LOG_DIR = JUPYTER_DIR / "logs"
FAILED_DIR = JUPYTER_DIR / "failed"

CHART_TAG = "chart"
CHECK_LINE = re.compile(r"^CHECK\s+(.+?)\s*$")
CHECK_PAIR = re.compile(r"^([A-Za-z0-9_.\-/]+)=(\S+)$")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

DEFAULT_CELL_TIMEOUT = 600  # seconds per cell
DEFAULT_STARTUP_TIMEOUT = 30  # seconds for a started kernel to answer on shell, control and heartbeat
DEFAULT_ATTEMPTS = 3


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


def kernel_spec(java: str, jvm_opts: list[str]) -> dict:
    classpath = ";".join([str(TARGET_DIR / "classes"), str(TARGET_DIR / "dependency" / "*.jar")])
    return {
        "argv": [java, "-Djava.awt.headless=true", *jvm_opts, "-jar", str(KERNEL_JAR), "{connection_file}"],
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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def install_kernel(java: str | None = None, jvm_opts: list[str] | None = None, quiet: bool = False) -> Path:
    missing = [p for p in (KERNEL_JAR, TARGET_DIR / "classes", TARGET_DIR / "dependency") if not p.exists()]
    if missing:
        raise RunnerError(
            f"install-kernel: missing {', '.join(str(p.relative_to(PROJECT_DIR)) for p in missing)}; "
            "build first: mvn -B process-test-classes"
        )
    spec = kernel_spec(find_java(java), jvm_opts or [])
    path = KERNEL_SPEC_DIR / "kernel.json"
    text = json.dumps(spec, indent=2) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write_text(path, text)
    if not quiet:
        print(f"kernel spec {KERNEL_NAME}: {path}")
    return path


def jupyter_env(quick: bool | None = None) -> dict[str, str]:
    """Environment for the Jupyter side: the project-local data dir first, runtime files in target/."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(JUPYTER_DIR), env.get("JUPYTER_PATH")]))
    env["OMP_NUM_THREADS"] = "1"
    if quick is not None:
        env["INITLAB_NOTEBOOK_QUICK"] = "1" if quick else "0"
    return env


def use_project_jupyter_dirs() -> None:
    """Make jupyter_client, in this process, find the project kernel and keep its files in target/."""
    os.environ["JUPYTER_PATH"] = jupyter_env()["JUPYTER_PATH"]
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", str(JUPYTER_DIR / "runtime"))
    Path(os.environ["JUPYTER_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True)


# --------------------------------------------------------------------------------------------
# kernel start with retry
#
# rapaio-jupyter-kernel 3.0.1-3.0.4 has a start-up race: each channel's LoopThread sets
# `running = true` only after Thread.start(), so a polling thread that runs first sees `false`
# and exits at once. The process stays up, but its shell (no kernel_info_reply), control
# (no interrupt or shutdown) or heartbeat channel is dead. We probe all three and restart.

_LIVE_KERNEL_PIDS: set[int] = set()


def _kill_leftover_kernels() -> None:
    for pid in list(_LIVE_KERNEL_PIDS):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        _LIVE_KERNEL_PIDS.discard(pid)


def _kernel_pid(km) -> int | None:
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    return getattr(process, "pid", None)


async def _probe_control(kc, timeout: float) -> None:
    """kernel_info_request on the control channel. The kernel answers on the shell socket, so accept
    the reply (matched by parent msg_id) from either channel: what we test is that control reads."""
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for channel in (kc.control_channel, kc.shell_channel):
            try:
                reply = await channel.get_msg(timeout=0.1)
            except Empty:
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg["header"]["msg_id"]:
                return
    raise TimeoutError(f"control channel did not answer kernel_info within {timeout:.0f} s")


async def _probe_heartbeat(km, timeout: float) -> None:
    import zmq
    import zmq.asyncio

    ctx = zmq.asyncio.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.linger = 0
    try:
        sock.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
        await sock.send(b"initlab-ping")
        if not await sock.poll(timeout * 1000):
            raise TimeoutError(f"heartbeat did not echo within {timeout:.0f} s")
        await sock.recv()
    finally:
        sock.close()


async def _stop_kernel(km, kc, now: bool) -> None:
    pid = _kernel_pid(km)
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
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            _LIVE_KERNEL_PIDS.discard(pid)


class StartedKernel:
    def __init__(self, km, kc, attempts: int, seconds: float, log: Path, failures: list[str]):
        self.km, self.kc = km, kc
        self.attempts, self.seconds, self.log, self.failures = attempts, seconds, log, failures

    async def stop(self) -> None:
        await _stop_kernel(self.km, self.kc, now=False)


async def start_kernel(cwd: Path, env: dict[str, str], startup_timeout: float, attempts: int,
                       label: str) -> StartedKernel:
    from jupyter_client import AsyncKernelManager

    LOG_DIR.mkdir(parents=True, exist_ok=True)
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
        pid = _kernel_pid(km)
        if pid is not None:
            _LIVE_KERNEL_PIDS.add(pid)
        try:
            kc = km.client()
            kc.start_channels()
            await kc.wait_for_ready(timeout=startup_timeout)  # shell + iopub
            await _probe_control(kc, startup_timeout)
            await _probe_heartbeat(km, startup_timeout)
            kc.allow_stdin = False
            return StartedKernel(km, kc, attempt, time.monotonic() - t0, log, failures)
        except Exception as e:  # noqa: BLE001
            failures.append(f"attempt {attempt}: {e}")
            await _stop_kernel(km, kc, now=True)
            if not await _alive_at_all(log):
                break  # the JVM itself failed (bad classpath, java...): retrying will not help
            print(f"[jupyter.py] {label}: kernel start attempt {attempt} failed ({e}); "
                  f"{'restarting' if attempt < attempts else 'giving up'}", file=sys.stderr)
    tail = _tail(log, 15)
    raise RunnerError(f"kernel did not start after {len(failures)} attempt(s): {'; '.join(failures)}"
                      + (f"\n--- {log} (tail) ---\n{tail}" if tail else ""))


async def _alive_at_all(log: Path) -> bool:
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
    return re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem) + f".{os.getpid()}"


async def execute_notebook(path: Path, args) -> dict:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    cwd = Path(args.cwd).resolve() if args.cwd else path.parent
    for index, target in _missing_loads(nb, cwd):
        raise RunnerError(f"cell {index}: %load {target}: no such file in {cwd}")

    env = jupyter_env(quick=True if args.quick else None)
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
            raise RunnerError(f"{where}: {e.ename}: {_one_line(e.evalue or e.traceback)}") from None
        if isinstance(e, CellTimeoutError):
            raise RunnerError(f"{where}: timed out after {args.timeout} s (--timeout)") from None
        raise RunnerError(f"{where}: kernel died ({e}); kernel log: {kernel.log}") from None
    except RunnerError:
        _save_failed(nb, path)
        raise
    finally:
        await kernel.stop()

    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (initlab)", "language": "java"}
    if args.inplace:
        write_notebook(nb, path)
    checks = extract_checks(nb)
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


def _save_failed(nb, path: Path) -> None:
    try:
        write_notebook(nb, FAILED_DIR / path.name)
        print(f"[jupyter.py] partially executed notebook saved to {FAILED_DIR / path.name}", file=sys.stderr)
    except Exception:  # noqa: BLE001 - diagnostics only
        pass


def cmd_execute(args) -> int:
    install_kernel(args.java, args.jvm_opt, quiet=True)
    use_project_jupyter_dirs()
    results = []
    for name in args.notebooks:
        path = Path(name).resolve()
        try:
            if not path.is_file():
                raise RunnerError("no such notebook")
            result = asyncio.run(execute_notebook(path, args))
        except RunnerError as e:
            _kill_leftover_kernels()
            message = str(e)
            if "\n" in message:  # details first, the one-line verdict last
                head, details = message.split("\n", 1)
                print(details, file=sys.stderr)
                message = head
            print(f"FAIL {_display_path(path)}: {message}", file=sys.stderr)
            if args.checks_json:
                atomic_write_text(Path(args.checks_json),
                                  json.dumps({"notebook": str(path), "ok": False, "error": message}, indent=2) + "\n")
            return 1
        finally:
            _kill_leftover_kernels()
        results.append(result)
        checks = " ".join(f"{k}={v}" for k, v in result["checks"].items())
        retry = f", {result['kernel_start_attempts']} kernel start attempts" if result["kernel_start_attempts"] > 1 else ""
        print(f"OK {_display_path(path)}: {result['code_cells']} code cells, {result['chart_cells']} chart cells "
              f"in {result['seconds']} s (kernel start {result['kernel_start_seconds']} s{retry})"
              + (f"; CHECK {checks}" if checks else "") + ("; written in place" if args.inplace else ""))
        if args.checks_json:
            atomic_write_text(Path(args.checks_json), json.dumps(result, indent=2) + "\n")
    return 0


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
        kernel = await start_kernel(NOTEBOOKS_DIR, env, args.startup_timeout, args.attempts, f"startup-check.{i}")
        rows.append({"start": i, "attempts": kernel.attempts, "seconds": round(kernel.seconds, 2),
                     "failures": kernel.failures})
        t = time.monotonic()
        await kernel.stop()
        rows[-1]["shutdown_seconds"] = round(time.monotonic() - t, 2)
        mark = f"retried: {'; '.join(kernel.failures)}" if kernel.failures else "ok"
        print(f"start {i:3d}: {kernel.seconds:6.2f} s, attempts {kernel.attempts} ({mark})", flush=True)
    healthy = [r["seconds"] for r in rows if r["attempts"] == 1]
    return {
        "starts": len(rows),
        "needed_retry": sum(1 for r in rows if r["attempts"] > 1),
        "failed_attempts": sum(len(r["failures"]) for r in rows),
        "max_attempts": max(r["attempts"] for r in rows),
        "healthy_start_seconds_median": sorted(healthy)[len(healthy) // 2] if healthy else None,
        "startup_timeout": args.startup_timeout,
        "rows": rows,
    }


def cmd_startup_check(args) -> int:
    install_kernel(args.java, args.jvm_opt, quiet=True)
    use_project_jupyter_dirs()
    try:
        summary = asyncio.run(_startup_check(args))
    except RunnerError as e:
        print(f"FAIL startup-check: {e}", file=sys.stderr)
        return 1
    finally:
        _kill_leftover_kernels()
    print(f"{summary['starts']} starts: {summary['needed_retry']} needed a retry "
          f"({summary['failed_attempts']} hung attempts), max attempts {summary['max_attempts']}, "
          f"median healthy start {summary['healthy_start_seconds_median']} s")
    if args.json:
        atomic_write_text(Path(args.json), json.dumps(summary, indent=2) + "\n")
    return 0


# --------------------------------------------------------------------------------------------
# lab


def cmd_lab(args) -> int:
    install_kernel(args.java, args.jvm_opt)
    exe = shutil.which("jupyter-notebook") or "/usr/bin/jupyter-notebook"
    if not os.access(exe, os.X_OK):
        print("FAIL lab: jupyter-notebook not found; install it: sudo apt-get install -y jupyter-notebook",
              file=sys.stderr)
        return 1
    env = jupyter_env(quick=True if args.quick else None)
    argv = [exe, f"--notebook-dir={NOTEBOOKS_DIR}", f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}",
            *args.notebook_args]
    print("JUPYTER_PATH=" + env["JUPYTER_PATH"] + " " + " ".join(argv), flush=True)
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

    def start_opts(p):
        p.add_argument("--startup-timeout", type=float, default=DEFAULT_STARTUP_TIMEOUT, metavar="S",
                       help=f"seconds a new kernel has to answer on shell/control/heartbeat (default {DEFAULT_STARTUP_TIMEOUT})")
        p.add_argument("--attempts", type=int, default=DEFAULT_ATTEMPTS,
                       help=f"kernel starts before giving up (default {DEFAULT_ATTEMPTS})")

    p = sub.add_parser("install-kernel", help="write the project-local kernel spec")
    kernel_opts(p)
    p.set_defaults(func=lambda a: (install_kernel(a.java, a.jvm_opt), 0)[1])

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
