import pytest

from .builders import make_conference, official


@pytest.fixture
def guest_person(world):
    return official(world, "Trần Văn Minh", "Phó Chủ tịch UBND tỉnh")


@pytest.fixture
def conference(world):
    return make_conference(world)
