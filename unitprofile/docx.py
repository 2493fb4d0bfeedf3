"""The profile as a Word document its director signs: who the unit is, then each app's section
as a table, under the unit's own heading."""

from django.utils.translation import gettext as _

from healthcentre.documents import DocumentObject, Frame, Signer, add_paragraph, add_table, cell_text, unit_heading

from .xlsx import identity_rows


def profile_frame(profile, title: str) -> Frame:
    """The profile as its director signs it, under the unit's own heading."""
    return Frame(unit_heading(profile.unit), _("Report"), title, landscape=True, signers=(Signer(_("Director")),))


def write_profile(document: DocumentObject, profile) -> None:
    """Who the unit is, then each app's section as a table."""
    for label, value in identity_rows(profile):
        if value not in ("", None):
            add_paragraph(document, f"{label}: {cell_text(value)}")
    for built in profile.sections:
        sheet = built.section.sheet(built.rows)
        add_paragraph(document, str(sheet.title), bold=True)
        add_table(document, [str(column) for column in sheet.header], sheet.rows)
