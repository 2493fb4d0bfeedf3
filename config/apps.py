"""The project's names for the libraries' apps, where a library names its app in English only."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("sign-in protection")
