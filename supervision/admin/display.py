from django.utils.html import format_html
from django.utils.translation import gettext as _

OVERDUE_STYLE = "background:#ba2121;color:#fff;padding:2px 6px;border-radius:3px;font-weight:bold;white-space:nowrap"


def overdue_badge(action_item, today=None) -> str:
    """A red "Overdue" label for an open action item past its due date, else nothing."""
    if not action_item.is_overdue(today):
        return ""
    return format_html('<span class="overdue" style="{}">{}</span>', OVERDUE_STYLE, _("Overdue"))
