"""The columns of the member list in .xlsx: what the export writes and the import reads."""

from tongket.lib.xlsx import Column

MEMBER_COLUMNS = [
    Column("full_name", "Họ và tên", max_length=120),
    Column("birth_date", "Ngày sinh", "date"),
    Column("gender", "Giới tính", required=False, max_length=10),
    Column("cell", "Chi bộ", max_length=200),
    Column("admitted_on", "Ngày vào Đảng", "date"),
    Column("full_on", "Ngày chính thức", "date", required=False),
    Column("joined_on", "Ngày chuyển đến Đảng bộ", "date", required=False),
    Column("card_number", "Số thẻ đảng viên", required=False, max_length=20),
    Column("education", "Trình độ học vấn", required=False, max_length=40),
    Column("badge_before", "Huy hiệu Đảng đã nhận (năm)", "int", required=False),
]
