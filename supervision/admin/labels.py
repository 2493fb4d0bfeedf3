from ..reports.texts import LABELS


class ReportLinksMixin:
    """Gives the change form and list templates the labels of their report links."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, {**(extra_context or {}), "t": LABELS})

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "t": LABELS})
