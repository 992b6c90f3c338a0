# ruff: noqa: E501  (data tables: one item per line reads better than wrapped cells)
"""The demo round's data: Phường Hòa Bình's departments, the province's, the sessions and
what each unit raised. One line per item: session | field | competence | what happens | text.

What happens: resolved (on time), late (resolved after the deadline), progress, assigned,
assigned_later (deadline after the plan's end, with a reason), or sent up: forward_closed
(answered by the province and closed), forward_answered, forward_department (given to a
department, not answered), forward_new (not yet received)."""

import datetime

D = datetime.date
SUBJECT = "làm việc với các chi bộ, tổ dân phố, cơ quan, đơn vị trên địa bàn năm 2025"
PLAN_DAY, START, END = D(2025, 8, 15), D(2025, 8, 20), D(2025, 9, 30)
REPORT_DAY, ANSWER_DAY, CLOSE_DAY = D(2025, 10, 10), D(2025, 11, 14), D(2025, 11, 17)

DEPARTMENTS = {
    "AH-SXD": "Sở Xây dựng",
    "AH-SNNMT": "Sở Nông nghiệp và Môi trường",
    "AH-SYT": "Sở Y tế",
    "AH-SGDDT": "Sở Giáo dục và Đào tạo",
    "AH-STC": "Sở Tài chính",
}
OFFICES = {
    "VP": "Văn phòng HĐND và UBND phường",
    "KTHTDT": "Phòng Kinh tế, Hạ tầng và Đô thị",
    "VHXH": "Phòng Văn hóa – Xã hội",
}
DELEGATION = [
    "Nguyễn Văn Hùng",  # Bí thư: leads
    "Hồ Thị Minh Nguyệt",
    "Vũ Đức Thắng",
    "Lê Thị Thu Hà",
    "Đinh Thị Hồng",
    "Lương Thị Thảo",
]

# unit code | date | hour | place
SESSIONS = """
CB-TDP1 | 2025-08-20 | 8  | Nhà văn hóa tổ dân phố số 1
TDP1    | 2025-08-20 | 14 | Nhà văn hóa tổ dân phố số 1
CB-TDP2 | 2025-08-22 | 8  | Nhà văn hóa tổ dân phố số 2
TDP2    | 2025-08-22 | 14 | Nhà văn hóa tổ dân phố số 2
CB-TDP3 | 2025-08-27 | 8  | Nhà văn hóa tổ dân phố số 3
TDP3    | 2025-08-27 | 14 | Nhà văn hóa tổ dân phố số 3
CB-TDP4 | 2025-09-03 | 8  | Nhà văn hóa tổ dân phố Đồng Tâm
TDP4    | 2025-09-03 | 14 | Nhà văn hóa tổ dân phố Đồng Tâm
TDP5    | 2025-09-05 | 8  | Nhà văn hóa tổ dân phố Liên Kết
TDP6    | 2025-09-05 | 14 | Nhà văn hóa tổ dân phố Quyết Thắng
CB-CQ   | 2025-09-10 | 8  | Hội trường UBND phường
NHCS    | 2025-09-12 | 8  | Phòng giao dịch Ngân hàng Chính sách xã hội
THHB    | 2025-09-17 | 8  | Trường Tiểu học Hòa Bình
TYT     | 2025-09-19 | 8  | Trạm Y tế phường Hòa Bình
"""

ITEMS = """
0  | culture_society  | commune             | resolved           | Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa tổ dân phố số 1
0  | personnel        | commune             | resolved           | Đề nghị bổ sung đảng viên trẻ vào cấp ủy chi bộ nhiệm kỳ tới
1  | environment      | commune             | progress           | Đề nghị nạo vét rãnh thoát nước ngõ 5, thường ngập khi mưa lớn
1  | urban            | commune             | late               | Đề nghị lắp bổ sung đèn chiếu sáng ngõ 9
1  | urban            | department:AH-SXD   | forward_closed     | Đề nghị tỉnh sớm phê duyệt dự án mở rộng đường tỉnh lộ 5 qua tổ dân phố
2  | personnel        | commune             | resolved           | Đề nghị hướng dẫn thủ tục chuyển sinh hoạt đảng tạm thời cho đảng viên đi làm xa
3  | urban            | commune             | progress           | Đề nghị xử lý tình trạng lấn chiếm vỉa hè trên phố Trần Phú
3  | land             | department:AH-SNNMT | forward_closed     | Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ khu tập thể cũ
3  | urban            | commune             | resolved           | Đề nghị thay thế cột điện nghiêng trước số nhà 27
4  | personnel        | commune             | resolved           | Đề nghị mở lớp bồi dưỡng nghiệp vụ công tác đảng cho chi ủy viên mới
5  | environment      | commune             | resolved           | Đề nghị tăng tần suất thu gom rác thải sinh hoạt lên hằng ngày
5  | culture_society  | commune             | assigned_later     | Đề nghị bố trí điểm sinh hoạt vui chơi cho thiếu nhi
5  | land             | province            | forward_answered   | Đề nghị điều chỉnh quy hoạch khu đất trống để làm bãi đỗ xe
6  | personnel        | commune             | resolved           | Đề nghị khen thưởng kịp thời đảng viên tiêu biểu trong phong trào dân vận khéo
7  | urban            | commune             | late               | Đề nghị bê tông hóa đoạn ngõ 12 còn đường đất
7  | environment      | department:AH-SNNMT | forward_department | Đề nghị xử lý mùi hôi từ cơ sở chế biến thực phẩm trong khu dân cư
7  | defence_security | commune             | progress           | Đề nghị lắp camera an ninh tại ngã ba chợ Đồng Tâm
8  | economy          | commune             | resolved           | Đề nghị hỗ trợ hộ cận nghèo vay vốn sản xuất kinh doanh
8  | culture_society  | commune             | assigned           | Đề nghị cải tạo sân chơi của nhà văn hóa tổ dân phố Liên Kết
8  | environment      | province            | forward_new        | Đề nghị tỉnh hỗ trợ kinh phí xây trạm bơm tiêu úng khu vực phía Đông
9  | defence_security | commune             | resolved           | Đề nghị tăng cường tuần tra bảo đảm an ninh trật tự ban đêm
9  | urban            | department:AH-SXD   | forward_department | Đề nghị làm mái che điểm chờ xe buýt trước cổng chợ
9  | culture_society  | commune             | progress           | Đề nghị hướng dẫn thủ tục hưởng trợ cấp cho người cao tuổi
10 | economy          | commune             | resolved           | Đề nghị trang bị thêm máy tính cho bộ phận một cửa
10 | personnel        | central             | forward_new        | Đề nghị bổ sung biên chế công chức địa chính – xây dựng
10 | economy          | commune             | assigned           | Đề nghị số hóa hồ sơ lưu trữ của phường
11 | economy          | commune             | resolved           | Đề nghị phối hợp rà soát hộ vay vốn quá hạn tại các tổ dân phố
11 | economy          | central             | forward_answered   | Đề nghị nâng mức cho vay hỗ trợ tạo việc làm
12 | education        | commune             | late               | Đề nghị sửa chữa nhà vệ sinh học sinh khu B
12 | education        | department:AH-SGDDT | forward_closed     | Đề nghị tỉnh đầu tư xây thêm 6 phòng học do sĩ số tăng
12 | defence_security | commune             | progress           | Đề nghị bố trí lực lượng bảo đảm an toàn giao thông giờ tan học
13 | health           | department:AH-SYT   | forward_closed     | Đề nghị bổ sung thuốc thiết yếu cho trạm y tế
13 | health           | commune             | assigned           | Đề nghị sửa chữa mái nhà khám bệnh bị dột
13 | health           | commune             | progress           | Đề nghị tổ chức tiêm chủng bổ sung cho trẻ em tại tổ dân phố
"""

# Another unit raised the drain of ngõ 5 in its own words: merged, both sources kept.
DUPLICATE = (3, "environment", "Rãnh thoát nước ngõ 5 bị tắc, mưa là ngập, đề nghị nạo vét")
MERGE_INTO = "Đề nghị nạo vét rãnh thoát nước ngõ 5, thường ngập khi mưa lớn"

# Raised by the tổ dân phố's reporter outside the sessions, not yet assigned.
REPORTER_ITEMS = [
    ("urban", "Đề nghị sơn lại vạch kẻ đường trước nhà văn hóa tổ dân phố số 1"),
    (
        "culture_society",
        "Đề nghị tổ chức lớp hướng dẫn dùng dịch vụ công trực tuyến cho người cao tuổi",
    ),
]

ANSWERS = {
    "resolved": "Đã giao đơn vị thực hiện xong; đơn vị kiểm tra, nghiệm thu đạt yêu cầu.",
    "late": "Đã thực hiện xong, chậm so với hạn do phải chờ bố trí kinh phí.",
}
PROVINCE_ANSWERS = {
    "AH-SXD": "Sở Xây dựng đã đưa nội dung vào kế hoạch đầu tư công trung hạn 2026–2030 và sẽ "
    "triển khai khi được bố trí vốn.",
    "AH-SNNMT": "Sở Nông nghiệp và Môi trường đã hướng dẫn UBND phường hoàn thiện hồ sơ; dự kiến "
    "cấp giấy chứng nhận trong quý I năm 2026.",
    "AH-SGDDT": "Sở Giáo dục và Đào tạo đã đề xuất UBND tỉnh bố trí vốn xây 6 phòng học trong "
    "năm 2026.",
    "AH-SYT": "Sở Y tế đã chỉ đạo Trung tâm Y tế khu vực bổ sung cơ số thuốc cho trạm.",
    "province": "UBND tỉnh giao UBND phường rà soát, lập phương án sử dụng đất, báo cáo Sở Nông "
    "nghiệp và Môi trường thẩm định.",
    "central": "UBND tỉnh đã tổng hợp, kiến nghị Ngân hàng Chính sách xã hội Việt Nam xem xét "
    "điều chỉnh mức cho vay.",
}

# name | phone | where they live | text  (the first is accepted, resolved and published)
CITIZENS = """
Nguyễn Thị Lành | 0912 000 111 | Tổ dân phố số 3 | Cống thoát nước trước nhà bà Nguyễn Thị Lành ở ngõ 14 bị vỡ nắp, rất nguy hiểm cho trẻ em.
Trần Văn Bình | 0913 222 333 | Tổ dân phố Liên Kết | Đề nghị phường kiểm tra tiếng ồn từ xưởng cơ khí hoạt động ban đêm.
Phạm Thu Trang |  | Tổ dân phố số 2 | Xin hỏi thủ tục đăng ký tạm trú cho sinh viên thuê trọ.
Lê Văn Hậu | 0987 654 321 |  | Quảng cáo cho vay tiền dán tràn lan trên cột điện.
"""
CITIZEN_ANSWER = (
    "Phường đã thay nắp cống mới bằng bê tông cốt thép ngay hôm sau, bảo đảm an toàn cho người "
    "đi đường."
)


def rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in table.strip().splitlines()]
