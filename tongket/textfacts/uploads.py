"""An upload handler that refuses a file above the size cap while it arrives: its bytes are
read off the connection and dropped, never stored or parsed, and the view says why."""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeCapHandler(FileUploadHandler):
    """Goes first in request.upload_handlers. `refused` is (file name, size) of a file that
    went over `limit` bytes; the handlers after it never keep that file."""

    def __init__(self, limit: int, request=None) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.request_length = 0
        self.refused: tuple[str, int] | None = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length or 0

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.refused = (self.file_name or "", max(self.request_length, self.received))
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int):
        return None
