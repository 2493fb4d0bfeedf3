from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from healthcentre.admin.media import media_file

admin.site.site_header = _("Health centre records")
admin.site.site_title = _("Health centre records")
# No public site: the admin is the whole application.
admin.site.site_url = None
admin.site.index_title = _("Organisations, indicators, supervision and awards")

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Stored files leave only through this scoped view (before the admin's catch-all);
    # MEDIA_ROOT is never served as public files, not even in development.
    path(
        "admin/media/<str:app_label>/<str:model_name>/<int:pk>/<str:field_name>/",
        admin.site.admin_view(media_file),
        name="media_file",
    ),
    path("admin/", admin.site.urls),
]

# A refused page is an admin page too (header, breadcrumbs, a way back), in the user's language.
handler403 = "config.views.permission_denied"
