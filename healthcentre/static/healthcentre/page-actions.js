// What would otherwise be inline handlers, which the Content-Security-Policy (script-src 'self')
// refuses: print links, the language switch, and the "select all" toggle of django-import-export's
// export form (templates/admin/import_export/export.html).
"use strict";

document.addEventListener("click", (event) => {
  const printLink = event.target.closest("[data-print]");
  if (printLink) {
    event.preventDefault();
    window.print();
  }
});

document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches("[data-submit-on-change]")) {
    field.form.submit();
  } else if (field.matches("input.select-toggle")) {
    window.onSelectToggleChange(event);
  }
});
