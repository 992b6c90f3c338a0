import pytest

from .builders import make_conference, official


@pytest.fixture
def guest_person(world):
    return official(world, "Trần Văn Minh", "Phó Chủ tịch UBND tỉnh")


@pytest.fixture
def conference(world):
    return make_conference(world)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded photos and generated files go to a temporary folder, not var/."""
    settings.MEDIA_ROOT = tmp_path
