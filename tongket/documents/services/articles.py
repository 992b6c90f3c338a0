"""Articles: written from the data, edited, published on the portal, taken down."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.conferences.models import Conference
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import User

from .. import article as article_writer
from ..choices import ArticleState
from ..data import report_data
from ..models import Article

# Articles ---------------------------------------------------------------------------------


@transaction.atomic
def article_generate(*, conference: Conference, by: User) -> Article:
    """Write (or rewrite) the conference's article from the data. A published article is
    not overwritten: it must be taken down first."""
    access.require(by, Action.EDIT, conference.unit)
    draft = article_writer.compose(report_data(conference), author=by.display_name)
    return article_store(
        unit=conference.unit,
        anchor={"conference": conference},
        text={
            "headline": draft.headline,
            "body": draft.body,
            "byline": draft.byline,
            "left_out": draft.left_out,
        },
        by=by,
    )


def article_store(*, unit, anchor: dict, text: dict, by: User) -> Article:
    """Save an article just written from the data: a new one for what it is about (`anchor`:
    its conference or its round of working sessions), or the existing one rewritten. A
    published article is not overwritten: it must be taken down first. Call it inside the
    caller's transaction."""
    existing = Article.objects.select_for_update().filter(**anchor).first()
    now = timezone.now()
    if existing is None:
        return audit.create(
            Article(unit=unit, **anchor, **text, generated_at=now), by=by, verb="generate"
        )
    if existing.is_published:
        raise ValidationError(
            _("Tin bài đã đăng nên không viết lại từ số liệu được; hãy gỡ tin xuống trước.")
        )
    before = audit.snapshot(existing)
    for name, value in text.items():
        setattr(existing, name, value)
    existing.generated_at = now
    return audit.update(existing, before, by=by, verb="generate", note=_("Viết lại từ số liệu."))


@transaction.atomic
def article_update(
    *,
    article: Article,
    by: User,
    headline: str | None = None,
    body: str | None = None,
    byline: str | None = None,
) -> Article:
    """Save an edit; a part not given (None) keeps what the article holds. Editing a
    published article needs the publishing right to keep it on the portal; anyone else's
    edit takes it back to draft until a leader publishes again. Audited either way."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    access.require(by, Action.EDIT, article.unit)
    headline, body, byline = (
        (article_text if given is None else given).strip()
        for given, article_text in (
            (headline, article.headline),
            (body, article.body),
            (byline, article.byline),
        )
    )
    errors = {}
    if not headline:
        errors["headline"] = _("Tiêu đề tin bài không được để trống.")
    if not body:
        errors["body"] = _("Nội dung tin bài không được để trống.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(article)
    changed = (headline, body, byline) != (article.headline, article.body, article.byline)
    article.headline, article.body, article.byline = headline, body, byline
    article.edited_at = timezone.now()
    if article.is_published and changed and not access.can(by, Action.APPROVE, article.unit):
        # The portal never shows an edit nobody with the publishing right has seen: the
        # article goes back to draft until a leader publishes it again.
        article.state, article.published_at, article.published_by = ArticleState.DRAFT, None, None
        return audit.update(
            article,
            before,
            by=by,
            verb="unpublish_on_edit",
            note=_("Tin đã đăng được sửa nên trở lại bản nháp, chờ lãnh đạo đăng lại."),
        )
    note = _("Sửa tin bài đang đăng.") if article.is_published and changed else ""
    return audit.update(article, before, by=by, note=note)


@transaction.atomic
def article_publish(*, article: Article, by: User) -> Article:
    """Publish on the commune's public portal page; a leader (approve right) decides."""
    access.require(by, Action.APPROVE, article.unit)
    if article.is_published:
        raise ValidationError(_("Tin bài đã được đăng."))
    if not article.body.strip() or not article.headline.strip():
        raise ValidationError(_("Tin bài chưa có tiêu đề hoặc nội dung nên chưa đăng được."))
    return audit.transition(
        article,
        "state",
        ArticleState.PUBLISHED,
        by=by,
        published_at=timezone.now(),
        published_by=by,
    )


@transaction.atomic
def article_unpublish(*, article: Article, by: User) -> Article:
    access.require(by, Action.APPROVE, article.unit)
    if not article.is_published:
        raise ValidationError(_("Tin bài chưa đăng."))
    return audit.transition(
        article, "state", ArticleState.DRAFT, by=by, published_at=None, published_by=None
    )
