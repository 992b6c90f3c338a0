"""Revoke API tokens from the command line, by the token's first characters or by account.
A dry run unless --for-real: it lists what it would revoke."""

from django.core.management.base import BaseCommand, CommandError

from tongket.api.models import ApiToken
from tongket.api.services import token_revoke


class Command(BaseCommand):
    help = (
        "Thu hồi khóa API theo đầu khóa (--prefix) hoặc theo tài khoản (--user). "
        "Chỉ liệt kê, không thu hồi, nếu không có --for-real."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--prefix", help="các ký tự đầu của khóa (sau “tk_”), ít nhất 4")
        which.add_argument("--user", help="tên đăng nhập: thu hồi mọi khóa còn dùng được")
        parser.add_argument("--for-real", action="store_true", help="thu hồi thật")

    def handle(self, *args, prefix=None, user=None, for_real=False, **options):
        tokens = self.tokens(prefix=prefix, username=user)
        if not tokens:
            raise CommandError("Không có khóa API nào còn dùng được khớp với yêu cầu.")
        for token in tokens:
            self.handle_one_token(token, for_real=for_real)
        if not for_real:
            self.stdout.write(f"Chạy thử: {len(tokens)} khóa. Thêm --for-real để thu hồi thật.")

    def tokens(self, *, prefix: str | None, username: str | None) -> list[ApiToken]:
        tokens = ApiToken.objects.select_related("user").filter(revoked=False)
        if prefix is not None:
            prefix = prefix.removeprefix("tk_")
            if len(prefix) < 4:
                raise CommandError("Cần ít nhất 4 ký tự đầu của khóa.")
            tokens = tokens.filter(prefix__startswith=prefix)
        else:
            tokens = tokens.filter(user__username=username)
        return list(tokens.order_by("created_at", "id"))

    def handle_one_token(self, token: ApiToken, *, for_real: bool) -> None:
        label = f"{token.prefix}… của {token.user.username}" + (
            f" ({token.name})" if token.name else ""
        )
        if for_real:
            token_revoke(token=token, by=None)
            self.stdout.write(f"Đã thu hồi {label}.")
        else:
            self.stdout.write(f"Sẽ thu hồi {label}.")
