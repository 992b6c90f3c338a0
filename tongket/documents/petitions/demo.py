"""Demo: the article of Phường Hòa Bình's 2025 round of working sessions, written from the
data and published on the portal. Idempotent."""

from __future__ import annotations

from .. import services
from ..models import Article
from .article import round_article_generate


def load(ctx, stdout) -> None:
    plan = getattr(ctx, "petition_plan", None)
    if plan is None:
        return
    article = Article.objects.filter(round=plan).first()
    if article is None:
        article = round_article_generate(plan=plan, by=ctx.users["canbo"])
    if not article.is_published:
        article = services.article_publish(article=article, by=ctx.users["lanhdao"])
    stdout.write(f"Tin bài đợt làm việc: /cong/{plan.unit.code}/tin/{article.pk}/")
