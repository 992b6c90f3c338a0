"""Award documents: the award decision (quyết định khen thưởng) in the layout of its body
(NĐ 30/2020 for the Chủ tịch UBND, HD 36-HD/VPTW for the Đảng ủy), the certificates (giấy
khen, giấy chứng nhận) one landscape page each, and the council's minutes (biên bản) with the
secretary's signature beside the chair's. Each is made only when its required parts exist
(issuing.NotReady names what is missing)."""

from .certificates import certificates_docx, certificates_pdf
from .common import book_body
from .decision import decision_docx, decision_issue
from .minutes import minutes_docx, minutes_issue

__all__ = [
    "book_body",
    "certificates_docx",
    "certificates_pdf",
    "decision_docx",
    "decision_issue",
    "minutes_docx",
    "minutes_issue",
]
