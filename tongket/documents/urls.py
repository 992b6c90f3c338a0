"""Document downloads: award documents (certificates, decisions) and the year's review report
and article. Each part keeps its own url module so they grow independently."""

from .award_urls import urlpatterns as award_patterns
from .party_urls import urlpatterns as party_patterns
from .report_urls import urlpatterns as report_patterns

app_name = "documents"

urlpatterns = award_patterns + report_patterns + party_patterns
