"""gunicorn on a free loopback port with the bench settings, and what a client does over HTTP:
sign in through the login form (CSRF token and all, so django-axes sees a real attempt), and
check that a page answers 200 itself rather than a redirect to the login page."""

from __future__ import annotations

import http.client
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

WORKERS = 3
LOGIN_PATH = "/dang-nhap/"
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class BenchError(RuntimeError):
    """The bench cannot go on (the server did not start, a sign-in or a page failed)."""


def _newest_static_source() -> float:
    newest = 0.0
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            newest = max(newest, os.path.getmtime(storage.path(path)))
    return newest


def collect_static(stdout) -> bool:
    """Production's static files (hashed names, compressed copies) as the served pages link
    them; collected again only when a source file is newer than the manifest, since that
    takes minutes on a loaded machine. Returns whether it collected."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists() and _newest_static_source() <= manifest.stat().st_mtime:
        return False
    stdout.write("Gom các tệp tĩnh (collectstatic), chỉ lần đầu hoặc khi tệp nguồn đổi…")
    call_command("collectstatic", interactive=False, verbosity=0)
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(process: subprocess.Popen, port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn dừng ngay khi khởi động (mã {process.returncode}).")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"gunicorn không mở cổng {port} sau {seconds:.0f} giây.")


@contextmanager
def gunicorn(workers: int = WORKERS) -> Iterator[str]:
    """Serve this process's settings module with `workers` sync workers on a free loopback
    port; yields the base URL and stops the server (the process it started) afterwards."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "tongket.wsgi:application",
        f"--workers={workers}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--timeout=120",
        "--log-level=warning",
    ]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
    process = subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR)
    try:
        _wait_ready(process, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_in(base: str, username: str, password: str) -> str:
    """Sign in through the login form as a browser does; returns the session cookie's value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + LOGIN_PATH, timeout=30) as response:
        page = response.read().decode()
    found = _CSRF_FIELD.search(page)
    if found is None:
        raise BenchError("Trang đăng nhập không có mã CSRF.")
    form = {"csrfmiddlewaretoken": found.group(1), "username": username, "password": password}
    request = urllib.request.Request(
        base + LOGIN_PATH,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": base + LOGIN_PATH},
    )
    with opener.open(request, timeout=60) as response:
        landed = urllib.parse.urlsplit(response.url).path
    session = {cookie.name: cookie.value for cookie in jar}.get(settings.SESSION_COOKIE_NAME)
    if landed == LOGIN_PATH or not session:
        raise BenchError(f"Không đăng nhập được bằng tài khoản {username} qua HTTP.")
    return session


def check_page(base: str, path: str, headers: dict[str, str]) -> int:
    """GET `path` without following redirects; a page the bench drives must answer 200
    (a redirect to the login page would be measured as a fast page). Returns its size."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(f"{path} trả về {response.status} thay vì 200.")
    return len(body)
