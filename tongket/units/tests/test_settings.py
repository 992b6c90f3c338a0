import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tongket.settings import envbool, envint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def _manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "TONGKET_TESTING",
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_envbool_fails_loudly_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        envbool("X_FLAG", "false")


def test_envint_fails_loudly_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("X_NUM", "mười")
    with pytest.raises(ImproperlyConfigured, match="X_NUM"):
        envint("X_NUM", "1")


def test_secret_key_is_required_when_debug_is_off():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_database_url_fails_loudly():
    result = _manage("check", DEBUG="true", DATABASE_URL="nonsense://x")
    assert result.returncode != 0


def test_check_deploy_is_clean_under_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 60 + "-production-secret-key-for-the-check-only",
        ALLOWED_HOSTS="tongket.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_responses_carry_a_content_security_policy(client, db):
    response = client.get("/dang-nhap/")
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_sqlite_named_by_database_url_gets_the_same_safe_write_options(tmp_path):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3",
    )
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout, result.stderr
    assert "'timeout': 20" in result.stdout
