from typing import Any

from django.http import Http404

from healthcentre.pages import AdminPage


class AdminReportView(AdminPage):
    """A supervision report page: the platform's admin page, with the record of its URL read
    through the model admin (its scoping)."""

    def get_object(self) -> Any:  # the record of the page's URL, of the model admin's model
        obj = self.model_admin.get_object(self.request, str(self.kwargs["pk"]))
        if obj is None:
            raise Http404
        return obj
