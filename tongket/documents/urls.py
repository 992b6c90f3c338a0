"""Document downloads: award documents (certificates, decisions) and the year's review report
and article. Each part keeps its own url module so they grow independently."""

from .award_urls import urlpatterns as award_patterns
from .petitions.urls import urlpatterns as petition_patterns
from .report_urls import urlpatterns as report_patterns

app_name = "documents"

urlpatterns = award_patterns + report_patterns + petition_patterns
