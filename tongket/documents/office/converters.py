"""A pool of LibreOffice converters kept running on loopback, so a PDF costs a conversion and
not a LibreOffice start-up.

Each slot of the pool is one unoserver process (PyPI `unoserver`, run by the system Python
that has Debian's python3-uno: settings.PDF_CONVERTER_PYTHON) with its own LibreOffice and
profile, answering XML-RPC on a free loopback port. Every process of tongket (web workers,
Celery workers, management commands) shares the pool through files in
settings.PDF_CONVERTER_DIR: `slot-N.json` (pid, ports, ready), `slot-N.start` (held while a
process starts or restarts the slot) and `slot-N.busy` (held during a conversion, so one
LibreOffice converts one document at a time).

Supervision is lazy: a conversion that finds its slot missing or dead starts it in the
background and returns None, and the caller converts with one-shot soffice meanwhile; a
conversion that fails on a live slot stops it (it is started again on the next call).
`manage.py pdf_converters start|stop|status` does the same by hand.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import signal
import socket
import subprocess
import time
import xmlrpc.client
from pathlib import Path

from django.conf import settings

from .pdf import soffice_path

logger = logging.getLogger(__name__)

READY_PROBE_SECONDS = 1.0
START_WAIT_SECONDS = 90.0


def slots() -> int:
    return max(0, int(getattr(settings, "PDF_CONVERTERS", 0)))


def state_dir() -> Path:
    path = Path(settings.PDF_CONVERTER_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def python_path() -> str | None:
    """The Python that runs unoserver, or None when it is not installed (no pool then)."""
    configured = str(getattr(settings, "PDF_CONVERTER_PYTHON", "") or "")
    return configured if configured and os.path.exists(configured) else None


def available() -> bool:
    return slots() > 0 and python_path() is not None and soffice_path() is not None


# State of a slot ---------------------------------------------------------------------------


def _state_file(index: int) -> Path:
    return state_dir() / f"slot-{index}.json"


def read_state(index: int) -> dict | None:
    try:
        return json.loads(_state_file(index).read_text())
    except (OSError, ValueError):
        return None


def _write_state(index: int, state: dict | None) -> None:
    path = _state_file(index)
    if state is None:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state))
    temporary.replace(path)


def alive(pid: int | None) -> bool:
    """Whether `pid` is a running unoserver (not a zombie, not a reused pid)."""
    if not pid:
        return False
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child that exited: reaped now
            return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z" and b"unoserver" in command


@contextlib.contextmanager
def _flock(path: Path, *, blocking: bool = True):
    """An exclusive lock on `path` shared by every process; yields False when not blocking
    and someone else holds it."""
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _proxy(port: int, timeout: float) -> xmlrpc.client.ServerProxy:
    class Transport(xmlrpc.client.Transport):
        def make_connection(self, host):
            connection = super().make_connection(host)
            connection.timeout = timeout
            return connection

    return xmlrpc.client.ServerProxy(
        f"http://127.0.0.1:{port}", allow_none=True, transport=Transport()
    )


def _answers(state: dict) -> bool:
    try:
        _proxy(state["port"], READY_PROBE_SECONDS).system.listMethods()
    except (OSError, xmlrpc.client.Error):
        return False
    return True


# Starting and stopping ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _spawn(index: int) -> dict:
    """Start slot `index` detached (its own session, so it outlives the process that started
    it and its whole process group can be stopped at once) and record it."""
    folder = state_dir()
    profile = folder / f"profile-{index}"
    (profile / ".lock").unlink(missing_ok=True)  # left by a LibreOffice that was killed
    port, uno_port = _free_port(), _free_port()
    command = [
        python_path(),
        "-m",
        "unoserver.server",
        "--interface=127.0.0.1",
        f"--port={port}",
        "--uno-interface=127.0.0.1",
        f"--uno-port={uno_port}",
        f"--user-installation={profile}",
        f"--executable={soffice_path()}",
        f"--conversion-timeout={int(settings.PDF_CONVERTER_TIMEOUT)}",
    ]
    with open(folder / f"slot-{index}.log", "ab") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            env={**os.environ, "HOME": str(folder)},
        )
    state = {"pid": process.pid, "port": port, "uno_port": uno_port, "ready": False}
    state["started_at"] = time.time()
    _write_state(index, state)
    logger.info("PDF converter %s started: pid %s, port %s", index, process.pid, port)
    return state


def _kill_group(pid: int, wait: float = 10.0) -> None:
    """Stop a slot's process group (unoserver and its LibreOffice): TERM, then KILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        deadline = time.monotonic() + (wait if sig == signal.SIGTERM else 5.0)
        while time.monotonic() < deadline:
            alive(pid)  # reaps our own child
            try:
                os.killpg(pid, 0)
            except (ProcessLookupError, PermissionError):
                return
            time.sleep(0.1)


def ensure(index: int, *, wait: bool = False) -> dict | None:
    """The slot's state when it answers; otherwise start it (unless it is starting) and
    return None at once, or with `wait`, once it answers (None if it never does)."""
    deadline = time.monotonic() + START_WAIT_SECONDS
    while True:
        with _flock(state_dir() / f"slot-{index}.start"):
            state = read_state(index)
            if state is None or not alive(state.get("pid")):
                if state is not None:
                    _kill_group(state["pid"])
                state = _spawn(index)
            elif not state.get("ready") and _answers(state):
                state["ready"] = True
                _write_state(index, state)
        if state.get("ready") or not wait or time.monotonic() > deadline:
            return state if state.get("ready") else None
        time.sleep(0.5)


def stop(index: int) -> bool:
    """Stop slot `index`; True if it was running."""
    with _flock(state_dir() / f"slot-{index}.start"):
        state = read_state(index)
        _write_state(index, None)
    if state and alive(state.get("pid")):
        _kill_group(state["pid"])
        return True
    return False


def start_all(*, wait: bool = True) -> list[dict | None]:
    """Start every slot (side by side), then with `wait` wait until each answers."""
    states = [ensure(index) for index in range(slots())]
    return [ensure(index, wait=True) for index in range(slots())] if wait else states


def stop_all() -> int:
    return sum(stop(index) for index in range(slots()))


def status() -> list[dict]:
    """One row per slot: index, pid, port, whether it runs and answers."""
    rows = []
    for index in range(slots()):
        state = read_state(index) or {}
        running = alive(state.get("pid"))
        rows.append(
            {
                "slot": index,
                "pid": state.get("pid"),
                "port": state.get("port"),
                "running": running,
                "ready": running and _answers(state),
            }
        )
    return rows


# Converting --------------------------------------------------------------------------------


def convert_with(port: int, docx_bytes: bytes, timeout: float) -> bytes:
    """One DOCX → PDF conversion by the converter on `port` (the floor the bench compares to)."""
    result = _proxy(port, timeout).convert(
        None, xmlrpc.client.Binary(docx_bytes), None, "pdf", "writer_pdf_Export", [], True
    )
    return result.data


def convert(docx_bytes: bytes, *, timeout: float) -> bytes | None:
    """The PDF from a converter of the pool, or None when the pool cannot convert now (not
    installed, starting, or its converter just failed and is being replaced). A free
    converter that answers is taken first; when every one that answers is busy, the call
    queues behind one of them."""
    if not available():
        return None
    waiting = []
    for index in range(slots()):
        with _busy(index, blocking=False) as held:
            if not held:
                waiting.append(index)
                continue
            state = ensure(index)
            converted = state and _convert_on(index, state, docx_bytes, timeout)
            if converted is not None:
                return converted
    for index in waiting:
        if (read_state(index) or {}).get("ready"):
            with _busy(index, blocking=True):
                state = ensure(index)
                return None if state is None else _convert_on(index, state, docx_bytes, timeout)
    return None


def _convert_on(index: int, state: dict, docx_bytes: bytes, timeout: float) -> bytes | None:
    try:
        return convert_with(state["port"], docx_bytes, timeout)
    except (OSError, xmlrpc.client.Error) as exc:
        logger.warning("PDF converter %s failed (%s): restarting it", index, exc)
        stop(index)
        ensure(index)
        return None


@contextlib.contextmanager
def _busy(index: int, *, blocking: bool):
    with _flock(state_dir() / f"slot-{index}.busy", blocking=blocking) as held:
        yield held
