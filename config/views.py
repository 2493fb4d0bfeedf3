"""Error pages of the whole site. The admin is the whole application, so they are admin pages:
its header, user tools and breadcrumbs, in the language the user chose."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: says the user has no permission for this page or record, and leads back."""
    context = {
        **admin.site.each_context(request),
        "title": _("Access denied"),
        "back_url": same_site_referer(request),
    }
    return render(request, "403.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from an expired page, said as such instead of Django's English page."""
    context = {
        **admin.site.each_context(request),
        "title": _("The form has expired"),
        "csrf_failed": True,
        "back_url": same_site_referer(request),
    }
    return render(request, "403.html", context, status=403)


def same_site_referer(request: HttpRequest) -> str | None:
    """The page the user came from, when it is on this site (never a link off-site)."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if allowed else None
