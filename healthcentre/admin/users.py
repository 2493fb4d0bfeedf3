"""A user's role and unit, edited on the user's own page; users' and groups' permissions named
in the user's language."""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.models import Group, Permission, User
from django.db.models import ManyToManyField
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..admin_deletion import LinkRowsLeftOutMixin
from ..models import Membership

# The words of Django's default permissions ("Can add organisation"), which it stores in English.
ACTIONS = {"add": _("Can add %s"), "change": _("Can change %s"), "delete": _("Can delete %s"), "view": _("Can view %s")}


def permission_label(permission: Permission) -> str:
    """ "Tổ chức và lịch sử | Đơn vị | Có thể thêm đơn vị": the app, the model and the action,
    translated; a permission of the project's own is named by its translated name."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    opts = model._meta
    action, _sep, _rest = permission.codename.partition("_")
    if action in ACTIONS and permission.codename == f"{action}_{opts.model_name}":
        name = str(ACTIONS[action]) % opts.verbose_name
    else:
        name = gettext(permission.name)
    return f"{capfirst(str(opts.app_config.verbose_name))} | {capfirst(str(opts.verbose_name))} | {name}"


class PermissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Permission) -> str:
        return permission_label(obj)


class TranslatedPermissionsMixin(admin.ModelAdmin):
    """The admin's permission pickers show each permission in the user's language."""

    def formfield_for_manytomany(
        self, db_field: "ManyToManyField[Any, Any]", request: HttpRequest | None = None, **kwargs: Any
    ) -> "forms.ModelMultipleChoiceField[Any] | None":
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["form_class"] = PermissionChoiceField
            kwargs.setdefault("queryset", Permission.objects.select_related("content_type"))
        # The stubs of GroupAdmin let `request` be None, those of ModelAdmin do not.
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[arg-type]


class PasswordChangeForm(AdminPasswordChangeForm):
    @property
    def usable_password_help_text(self) -> str:  # type: ignore[override]
        # Django appends its warning to this help text in English only.
        return format_html(
            '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
            _(
                "Whether the user will be able to authenticate using a password or not. If disabled, they may still "
                "be able to authenticate using other backends, such as Single Sign-On or LDAP."
            ),
            _("If disabled, the current password for this user will be lost."),
        )


class MembershipInline(admin.StackedInline):
    model = Membership
    can_delete = True
    autocomplete_fields = ["organisation"]
    max_num = 1


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class UserWithRoleAdmin(TranslatedPermissionsMixin, LinkRowsLeftOutMixin, UserAdmin):
    inlines = [*UserAdmin.inlines, MembershipInline]
    list_display = [*UserAdmin.list_display, "membership"]  # type: ignore[misc]  # the stubs' generic class attribute
    list_select_related = ["membership__organisation"]
    change_password_form = PasswordChangeForm


@admin.register(Group)
class TranslatedGroupAdmin(TranslatedPermissionsMixin, LinkRowsLeftOutMixin, GroupAdmin):
    pass
