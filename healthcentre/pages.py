"""The one way to add a page to the admin: a report, a unit's history or profile, minutes, a
planning sheet. Subclass `AdminPage`, mount it in its model admin's `get_urls` with
`Page.path(self, route, name)`, and it comes with

- the model admin's permission (`permission`: "view" by default, "add" for an import page),
  checked before anything is read; the records it reads are the user's own (`visible`);
- the admin's look: `each_context`, `opts` and `title` in the template's context;
- its printable twin, its xlsx and its Word document: the same page mounted again with
  `variant="print"` renders `print_template_name` (which extends
  "healthcentre/official_document.html") inside the page's `frame(context)`, with
  `variant="xlsx"` answers `workbook(context)` as a download named `file_name(context)`, and
  with `variant="docx"` answers the Word document (written by `documents.py`: the same frame
  around what `write_document(document, context)` adds) named alike, from the very context
  the page shows.
"""

from typing import Any, ClassVar, cast

from django.contrib.admin import ModelAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path
from django.utils.functional import Promise
from django.views.generic import TemplateView

from .documents import DocumentObject, Frame, close_document, docx_response, official_document
from .scoping import scope_q
from .spreadsheets import xlsx_response

VARIANTS = ("page", "print", "xlsx", "docx")
DOWNLOADS = {"xlsx": (xlsx_response, "workbook"), "docx": (docx_response, "document")}


class AdminPage(TemplateView):
    model_admin: ModelAdmin = None  # type: ignore[assignment]  # given by as_view(model_admin=…)
    permission: ClassVar[str] = "view"
    title: str | Promise = ""
    print_template_name: str | None = None
    variant: str = "page"

    @classmethod
    def path(cls, model_admin: ModelAdmin, route: str, name: str, **initkwargs: Any) -> URLPattern:
        """The page's URL pattern, behind the admin's login and CSRF handling."""
        view = cls.as_view(model_admin=model_admin, **initkwargs)
        return path(route, model_admin.admin_site.admin_view(view), name=name)

    @classmethod
    def paths(cls, model_admin: ModelAdmin, route: str, name: str, variants: tuple[str, ...]) -> list[URLPattern]:
        """The page and its twins: `route` + "print/" named `name`_print, `route` + "xlsx/" …"""
        return [
            cls.path(
                model_admin, route if v == "page" else f"{route}{v}/", name if v == "page" else f"{name}_{v}", variant=v
            )
            for v in variants
        ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        assert self.variant in VARIANTS, self.variant
        if not getattr(self.model_admin, f"has_{self.permission}_permission")(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def user(self) -> User:
        """The logged-in user: the admin's login lets nobody else reach a page."""
        return cast(User, self.request.user)

    def visible(self, model: type[Model]) -> QuerySet:
        """The records of `model` the user may see (scoping.scope_q, by the model's `scope_paths`)."""
        return model._default_manager.filter(scope_q(model, self.request.user))

    def get_record(self, model: type[Model], **lookup: Any) -> Model:
        """One record the user may see, or 404 (a record outside their units reads as absent)."""
        return get_object_or_404(self.visible(model), **lookup)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context = {
            **self.model_admin.admin_site.each_context(self.request),
            "opts": self.model_admin.model._meta,
            **context,
        }
        context.setdefault("title", str(self.title))
        return context

    def get_template_names(self) -> list[str]:
        if self.variant == "print" and self.print_template_name:
            return [self.print_template_name]
        return super().get_template_names()

    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        if self.variant in DOWNLOADS:
            respond, write = DOWNLOADS[self.variant]
            name = self.file_name(context).removesuffix(".xlsx")
            return respond(getattr(self, write)(context), f"{name}.{self.variant}")
        if self.variant == "print":
            query = self.request.GET.urlencode()
            page_url = self.request.path.removesuffix("print/")
            context.update(frame=self.frame(context), page_url=f"{page_url}?{query}" if query else page_url)
        return super().render_to_response(context, **response_kwargs)

    def workbook(self, context: dict[str, Any]) -> bytes:
        raise NotImplementedError(f"{type(self).__name__} has no xlsx variant")

    def document(self, context: dict[str, Any]) -> bytes:
        frame = self.frame(context)
        document = official_document(frame)
        self.write_document(document, context)
        return close_document(document, frame)

    def frame(self, context: dict[str, Any]) -> Frame:
        """What stands around the printed page and the Word document: heading, title, signers."""
        raise NotImplementedError(f"{type(self).__name__} has no printable or docx variant")

    def write_document(self, document: DocumentObject, context: dict[str, Any]) -> None:
        raise NotImplementedError(f"{type(self).__name__} has no docx variant")

    def file_name(self, context: dict[str, Any]) -> str:
        raise NotImplementedError(f"{type(self).__name__} has no xlsx variant")
