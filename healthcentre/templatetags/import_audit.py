"""The audit trail's view of imports, for the history pages."""

from django import template

from ..importing.audit import importing_run

register = template.Library()

register.filter("importing_run", importing_run)
