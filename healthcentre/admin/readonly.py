class ReadOnlyAdminMixin:
    """For records nobody edits in the admin: reference data and logs."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
