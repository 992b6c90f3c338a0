"""The product's settings, plus the bench app and its URLs (the floor page). Everything else,
hashers and DEBUG included, is exactly what production runs."""

from tongket.settings import *  # noqa: F403
from tongket.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tongket.bench"]
ROOT_URLCONF = "tongket.bench.urls"
