"""Issue 13, point 5: every list, form and report fits a 1366 × 768 screen (the office laptop),
with the navigation sidebar open: no page wider than the window, no list whose columns hide
behind a horizontal scroll, no object tool over a heading."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1366

# What does not fit, measured in the page: the page's own width, every element that scrolls
# sideways (a changelist's `.results`, a select2 box is allowed to clip its text), and every
# line of a heading that an object tool covers.
MEASURE = """() => {
  const found = [];
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) found.push(`page ${page} px wide`);
  for (const e of document.querySelectorAll('#content *')) {
    if (e.closest('.select2-container, .selector, select, .select2-hidden-accessible')) continue;
    const style = getComputedStyle(e);
    if (['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
      found.push(`${e.tagName.toLowerCase()}.${e.className} scrolls: ${e.scrollWidth} > ${e.clientWidth}`);
  }
  const tools = document.querySelector('#content .object-tools');
  if (tools) {
    const t = tools.getBoundingClientRect();
    for (const h of document.querySelectorAll('#content h1, #content h2')) {
      const range = document.createRange();
      range.selectNodeContents(h);
      for (const r of range.getClientRects())
        if (t.left < r.right && r.left < t.right && t.top < r.bottom && r.top < t.bottom)
          found.push(`object tools cover "${h.textContent.trim()}"`);
    }
  }
  return found;
}"""

REPORTS = [
    "/admin/indicators/datavalue/report/?unit=TTYT-TANYEN&period=2024",
    "/admin/awards/awardrecord/report/",
    "/admin/awards/awardrecord/eligibility/",
    "/admin/supervision/visit/planning/",
]


def test_every_list_form_and_report_fits_a_1366_screen(seeded, superuser, page, admin_login):
    page.set_viewport_size({"width": WIDTH, "height": 768})
    admin_login("root-admin", "pw-root-admin")
    lists = page.eval_on_selector_all(
        "#content-main tr[class^=model-] th a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(lists) > 20
    pages = []
    for url in lists:
        page.goto(url)
        pages.append(url)
        first = page.eval_on_selector_all(
            "#result_list tbody th a[href], #result_list tbody td a[href*='/change/']",
            "links => links.slice(0, 1).map(a => a.getAttribute('href'))",
        )
        pages += first
        if page.locator("#content .object-tools a.addlink").count():
            pages.append(f"{url}add/")
    pages += REPORTS
    misfits = {}
    for url in pages:
        page.goto(url)
        found = page.evaluate(MEASURE)
        if found:
            misfits[url] = found
    assert misfits == {}
    assert any("/supervision/visit/" in url and "/change/" in url for url in pages)
