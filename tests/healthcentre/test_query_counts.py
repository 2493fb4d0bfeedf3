"""No changelist makes a query per row: a full page costs a handful of queries, whatever is on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admins import model_names

MODELS = model_names()
# Session, user, permissions, the count, the page, select-related lookups, prefetches,
# filter choices: far fewer than the rows of a page, which is where a per-row query shows.
MAX_QUERIES = 10


@pytest.mark.parametrize(("app_label", "model_name"), MODELS)
def test_a_page_of_any_changelist_costs_a_constant_number_of_queries(
    seeded, client_for, superuser, app_label, model_name
):
    client = client_for(superuser)
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    client.get(url)  # warm the caches a first visit fills (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    rows = len(response.context["cl"].result_list)
    assert len(queries) <= MAX_QUERIES, f"{len(queries)} queries for {rows} rows"
