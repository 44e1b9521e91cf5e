"""The cycle's history on HR's dashboard: who opened and closed it, and when, for the HR
of the cycle's agencies only; never an entry's data."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from evaluations.models import Cycle
from tests.evaluations.view_fixtures import build_organisation, draft_cycle


def _history(response) -> list[tuple[str, str]]:
    rows = BeautifulSoup(response.content, "html.parser").select("[data-audit-action]")
    return [(row["data-audit-action"], row.select("td")[1].get_text(strip=True)) for row in rows]


@pytest.mark.django_db
def test_hr_sees_who_opened_and_closed_the_cycle(client):
    org = build_organisation()
    cycle = draft_cycle(org)
    client.force_login(org.hr)
    url = f"/en/evaluations/cycles/{cycle.slug}/"
    assert client.post(f"{url}open/").status_code == 302
    assert client.post(f"{url}close/").status_code == 302
    assert Cycle.objects.get(pk=cycle.pk).status == Cycle.Status.CLOSED
    response = client.get(url)
    assert response.status_code == 200
    name = org.hr.get_full_name() or org.hr.get_username()
    history = _history(response)
    assert history[:2] == [("evaluations.close", name), ("evaluations.open", name)]
    assert "Close evaluation cycle and freeze its results" in response.content.decode()

    # Neither staff, nor HR of another agency, nor Leadership (aggregates only) see it.
    for reader, status in ((org.staff[0].user, 404), (org.other_hr, 200), (org.leadership, 200)):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == status
        assert _history(response) == []
        assert "Close evaluation cycle and freeze its results" not in response.content.decode()
