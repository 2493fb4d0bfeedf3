from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Health centre records")
admin.site.site_title = _("Health centre records")
# No public site: the admin is the whole application.
admin.site.site_url = None
admin.site.index_title = _("Organisations, indicators, supervision and awards")

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
