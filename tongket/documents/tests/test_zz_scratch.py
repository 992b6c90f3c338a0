import pytest
from tongket.documents import services
pytestmark = pytest.mark.django_db

def test_print(world, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    print("\n=====\n" + article.headline + "\n\n" + article.body + "\n\n" + article.byline)
    print(article.left_out)
