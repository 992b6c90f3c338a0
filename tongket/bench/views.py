from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    """The floor of an authenticated page: the session, the user and the navigation's grants
    (3 queries) rendered in the base layout, and nothing of any module."""
    return render(request, "bench/floor.html")
