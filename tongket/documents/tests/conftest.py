import pytest

from tongket.conferences import services as conference_services
from tongket.conferences.tests.builders import make_conference, official

from .builders import make_indicators


@pytest.fixture
def indicators(world):
    return make_indicators(world)


@pytest.fixture
def year_end(world, indicators):
    """Phường Hòa Bình's 2025 year-end conference with its figures, a guest and a chair."""
    guest = official(world, "Trần Văn Minh", "Phó Chủ tịch UBND tỉnh")
    chair = official(world, "Nguyễn Văn Hùng", "Bí thư Đảng ủy phường", unit=world.a)
    signer = official(world, "Lê Thị Thu Hà", "Chủ tịch UBND phường", unit=world.a)
    conference = make_conference(
        world,
        chair=chair,
        signer=signer,
        shortcomings="Thu ngân sách từ đất còn thấp\nMột số tuyến phố còn lấn chiếm vỉa hè",
        directions="Hoàn thành chỉ tiêu thu ngân sách\nXây dựng phường văn minh đô thị",
        pledges="Cụm thi đua các phường ký giao ước thi đua năm 2026",
    )
    conference_services.guest_add(conference=conference, person=guest, by=world.officer_a)
    conference_services.report_number_take(
        conference=conference, layout="state", number=15, by=world.officer_a
    )
    conference_services.report_number_take(
        conference=conference, layout="party", number=12, by=world.officer_a
    )
    return conference


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded photos and generated files go to a temporary folder, not var/."""
    settings.MEDIA_ROOT = tmp_path
