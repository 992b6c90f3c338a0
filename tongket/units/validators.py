from django.contrib.auth.password_validation import MinimumLengthValidator


class VietnameseMinimumLengthValidator(MinimumLengthValidator):
    """Django's minimum length rule, with its message in Vietnamese (Django's own Vietnamese
    catalogue lacks this plural message)."""

    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu cần ít nhất {self.min_length} ký tự."
