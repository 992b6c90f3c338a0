"""The one error the text import raises for a file or text it cannot read."""

__all__ = ["TextImportError"]


class TextImportError(ValueError):
    """A file or a pasted text the import cannot read. str() is a Vietnamese message for the
    officer; `code` names the reason for tests and logs (too_large, empty, corrupt_docx,
    old_doc, encoding, no_text_layer, corrupt_pdf, encrypted_pdf, unsupported)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code
