import pytest

from .builders import leaders, make_plan, make_session


@pytest.fixture
def people(world):
    return leaders(world)


@pytest.fixture
def plan(world, people):
    return make_plan(world, people)


@pytest.fixture
def session_a1(world, plan):
    return make_session(world, plan, world.group_a1)


@pytest.fixture
def session_a2(world, plan):
    return make_session(world, plan, world.group_a2)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded photos go to a temporary folder, not var/."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
