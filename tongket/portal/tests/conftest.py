from tongket.documents.tests.conftest import indicators, year_end  # noqa: F401
