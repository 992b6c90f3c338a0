"""Issue 15, item 7: bench accounts sign in with production's hasher, and work handed to
threads is counted without the loop that waits for it."""

import threading

import pytest
from django.conf import global_settings
from django.contrib.auth.hashers import check_password
from django.db import connection
from django.test import override_settings

from tongket.units.benchmark import QueryCounter, measure, not_counted, served_password_hash


def test_bench_passwords_carry_productions_hash_computed_once():
    encoded = served_password_hash("Bench-Tongket-2026")
    assert encoded.startswith("pbkdf2_sha256$")
    assert served_password_hash("Bench-Tongket-2026") is encoded
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        assert check_password("Bench-Tongket-2026", encoded)
        assert not check_password("md5", encoded)


@pytest.mark.django_db
def test_national_bench_accounts_get_productions_hash_even_when_made_by_the_tests():
    from tongket.targets import national
    from tongket.units.models import User

    old = User.objects.create_user("qgn_tinh", "", national.PASSWORD)
    assert old.password.startswith("md5$")  # what TONGKET_TESTING's hasher makes
    national.ensure_user("qgn_tinh", None, None)
    new = national.ensure_user("qgn_admin", None, None, superuser=True)
    assert User.objects.get(pk=old.pk).password.startswith("pbkdf2_sha256$")
    assert new.is_superuser and new.password.startswith("pbkdf2_sha256$")


def _select(times: int) -> None:
    with connection.cursor() as cursor:
        for _ in range(times):
            cursor.execute("SELECT 1")


def _in_thread(times: int) -> None:
    worker = threading.Thread(target=_select, args=(times,))
    worker.start()
    worker.join()


@pytest.mark.django_db
def test_queries_of_worker_threads_count_and_the_polling_does_not():
    def work(_):
        _in_thread(4)  # the work, on another thread
        with not_counted():
            _select(7)  # the loop that waits for it
        _select(1)  # the dispatching, on this thread

    with QueryCounter() as counter:
        work(0)
    assert counter.count == 5
    assert measure("t", work, repeat=2, stdout=_Sink(), n=1, all_threads=True)["queries"] == 5
    # Without all_threads only this thread's connection is read, polling included.
    assert measure("t", work, repeat=1, stdout=_Sink(), n=1)["queries"] == 8
    _select(1)  # the counter is gone once the block ends: no error, nothing counted


class _Sink:
    def write(self, text: str) -> None:
        pass
