"""Demo: Phường Hòa Bình's year-end conference for 2025 (Sáng ngày 09/01/2026), with the
Phó Chủ tịch UBND tỉnh as guest and a photo. Idempotent."""

from __future__ import annotations

import datetime
import io

from . import selectors, services
from .models import Conference

DAY = datetime.date(2026, 1, 9)


def demo_photo(
    top: str = "HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2025", bottom: str = "TRIỂN KHAI NHIỆM VỤ NĂM 2026"
) -> bytes:
    """A drawn picture standing in for a photo of the hall (no file ships with the repo)."""
    import matplotlib
    from PIL import Image, ImageDraw, ImageFont

    font_path = f"{matplotlib.get_data_path()}/fonts/ttf/DejaVuSans-Bold.ttf"
    image = Image.new("RGB", (960, 540), "#8b1a1a")
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 120, 900, 300), fill="#b22222", outline="#f5d76e", width=6)
    title = ImageFont.truetype(font_path, 34)
    small = ImageFont.truetype(font_path, 24)
    draw.text((480, 170), top, font=title, fill="#f5d76e", anchor="mm")
    draw.text((480, 240), bottom, font=small, fill="white", anchor="mm")
    for row in range(3):
        for seat in range(12):
            x, y = 90 + seat * 70, 360 + row * 55
            draw.ellipse((x, y, x + 36, y + 36), fill="#2f2f2f")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def load(ctx, stdout) -> None:
    officer = ctx.users["canbo"]
    conference = Conference.objects.filter(unit=ctx.hoa_binh, year=2025, date=DAY).first()
    if conference is None:
        conference = services.conference_create(
            unit=ctx.hoa_binh,
            by=officer,
            kind="year_review",
            organisers="both",
            year=2025,
            date=DAY,
            start_time=datetime.time(8, 0),
            venue="Hội trường UBND phường Hòa Bình",
            chair=ctx.people["Nguyễn Văn Hùng"],
            signer=ctx.people["Lê Thị Thu Hà"],
            agenda="Khai mạc, giới thiệu đại biểu\nBáo cáo tổng kết công tác năm 2025\n"
            "Tham luận của các đơn vị\nKhen thưởng tập thể, cá nhân\nKý giao ước thi đua năm 2026\n"
            "Phát biểu chỉ đạo của đồng chí Phó Chủ tịch UBND tỉnh",
            reports_presented="Báo cáo tổng kết công tác năm 2025, phương hướng nhiệm vụ năm 2026\n"
            "Báo cáo công tác thi đua, khen thưởng năm 2025",
            shortcomings="Thu ngân sách từ đất đai còn thấp, phụ thuộc vào tiến độ đấu giá\n"
            "Sản xuất tiểu thủ công nghiệp gặp khó khăn về thị trường tiêu thụ\n"
            "Tình trạng lấn chiếm vỉa hè ở một số tuyến phố còn tái diễn",
            directions="Tập trung hoàn thành chỉ tiêu thu ngân sách ngay từ đầu năm\n"
            "Hỗ trợ các cơ sở tiểu thủ công nghiệp tìm thị trường, chuyển đổi số\n"
            "Xây dựng phường đạt chuẩn văn minh đô thị\n"
            "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội",
        )
        services.guest_add(conference=conference, person=ctx.people["Trần Văn Minh"], by=officer)
        services.photo_add(
            conference=conference,
            data=demo_photo(),
            caption="Toàn cảnh hội nghị tổng kết công tác năm 2025 của phường Hòa Bình",
            by=officer,
        )
    # The reports take their numbers from the books: the UBND's 15/BC-UBND, the Đảng ủy's
    # 12-BC/ĐU (numbers as the demo's offices had reached them).
    if conference.state_number_id is None:
        services.report_number_take(conference=conference, layout="state", number=15, by=officer)
    if conference.party_number_id is None:
        services.report_number_take(conference=conference, layout="party", number=12, by=officer)
    if not conference.award_decisions.exists():
        handed_out = selectors.award_decision_choices(conference, officer)
        services.award_decisions_set(
            conference=conference, decision_ids=[d.pk for d in handed_out], by=officer
        )
    _speeches_and_awards(ctx, conference, officer)
    ctx.conference = conference
    half = _half_year(ctx, officer)
    stdout.write(
        f"Hội nghị: {conference} (/hoi-nghi/{conference.pk}/); {half} do Phó Chủ tịch ký "
        f"báo cáo (/hoi-nghi/{half.pk}/)."
    )


def _speeches_and_awards(ctx, conference: Conference, officer) -> None:
    """What the article reports beyond the figures: the discussion, the guest's directions,
    the author, the award from the province, and a photo of the awards. Idempotent."""
    from tongket.emulation import services as emulation
    from tongket.emulation.models import AwardRecord

    if not conference.discussion:
        conference = services.conference_update(
            conference=conference,
            discussion="những khó khăn trong thu ngân sách từ đất, giải pháp hỗ trợ các cơ sở "
            "tiểu thủ công nghiệp và việc giữ gìn trật tự đô thị",
            author_name="Minh Thư",
            author_unit="Phường Hòa Bình",
            by=officer,
        )
    if not conference.speeches.exists():
        guest = conference.guests.first()
        services.speech_add(
            conference=conference,
            guest=guest,
            content="ghi nhận, biểu dương những kết quả phường đạt được trong năm 2025 và đề "
            "nghị phường tập trung hoàn thành chỉ tiêu thu ngân sách ngay từ những tháng đầu "
            "năm, đẩy mạnh chuyển đổi số, giữ vững trật tự an toàn xã hội",
            by=officer,
        )
    if not AwardRecord.objects.filter(commune=conference.unit, year=conference.year).exists():
        emulation.record_create(
            commune=conference.unit,
            by=officer,
            year=conference.year,
            number="3120/QĐ-UBND",
            signed_on=datetime.date(2025, 12, 22),
            body="province_people_committee",
            form_name="bằng khen",
            commune_itself=True,
            reason="có thành tích xuất sắc trong phong trào thi đua năm 2025",
        )
    if conference.photos.count() < 2:
        services.photo_add(
            conference=conference,
            data=demo_photo("TRAO GIẤY KHEN", "CÁC TẬP THỂ, CÁ NHÂN TIÊU BIỂU NĂM 2025"),
            caption="Lãnh đạo phường trao giấy khen cho các tập thể, cá nhân tiêu biểu",
            placement="awards",
            by=officer,
        )


HALF_DAY = datetime.date(2025, 7, 10)


def _half_year(ctx, officer) -> Conference:
    """The six-month review of 2025 (Sáng ngày 10/07/2025), its UBND report signed by a Phó
    Chủ tịch ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")."""
    half = Conference.objects.filter(unit=ctx.hoa_binh, year=2025, date=HALF_DAY).first()
    if half is None:
        half = services.conference_create(
            unit=ctx.hoa_binh,
            by=officer,
            kind="half_year_review",
            organisers="state",
            year=2025,
            date=HALF_DAY,
            start_time=datetime.time(8, 0),
            venue="Hội trường UBND phường Hòa Bình",
            chair=ctx.people["Lê Thị Thu Hà"],
            signer=ctx.people["Phạm Quốc Bảo"],
            shortcomings="Giải ngân vốn đầu tư công còn chậm\n"
            "Thu ngân sách từ đất đạt thấp so với kế hoạch năm",
            directions="Đẩy nhanh giải ngân vốn đầu tư công\n"
            "Tập trung thu ngân sách, phấn đấu hoàn thành kế hoạch năm\n"
            "Chuẩn bị tổng kết công tác năm 2025",
        )
    if half.state_number_id is None:
        services.report_number_take(conference=half, layout="state", number=9, by=officer)
    return half
