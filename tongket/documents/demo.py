"""Demo: the article of Phường Hòa Bình's 2025 year-end conference, generated from the data
and published on the portal. Idempotent."""

from __future__ import annotations

from .models import Article


def load(ctx, stdout) -> None:
    from . import services
    from .petitions import demo as petitions_demo

    petitions_demo.load(ctx, stdout)
    conference = getattr(ctx, "conference", None)
    if conference is None:
        return
    article = Article.objects.filter(conference=conference).first()
    if article is None:
        article = services.article_generate(conference=conference, by=ctx.users["canbo"])
    if not article.is_published:
        article = services.article_publish(article=article, by=ctx.users["lanhdao"])
    stdout.write(
        f"Tin bài đã đăng: /cong/{conference.unit.code}/tin/{article.pk}/ ; "
        f"báo cáo: /van-ban/hoi-nghi/{conference.pk}/"
    )
