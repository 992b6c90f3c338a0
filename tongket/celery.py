"""The task queue. With CELERY_BROKER_URL set (e.g. redis://127.0.0.1:6379/0), background jobs
run on Celery workers started with:

    celery -A tongket worker --concurrency 2

Without a broker the same job code runs in-process on a thread pool (tongket.documents.tasks).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.settings")

app = Celery("tongket")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
