"""The printable page's cells, written as the Word document writes them:
`{{ value|document_cell }}`, and `{% if value|is_figure %}` for a cell aligned right."""

from django import template

from ..documents import cell_text, is_figure

register = template.Library()

register.filter("document_cell", cell_text)
register.filter("is_figure", is_figure)
