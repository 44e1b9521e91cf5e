"""The season's history on the page of those who prepare the awards: who created, froze
and recomputed it, and who approved its winners; not for other staff."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone

from awards.services import freeze_season
from tests.factories import UserFactory


def _history(response) -> list[tuple[str, str]]:
    rows = BeautifulSoup(response.content, "html.parser").select("[data-audit-action]")
    return [(row["data-audit-action"], row.select("td")[1].get_text(strip=True)) for row in rows]


def test_hr_sees_the_seasons_history_and_other_staff_do_not(client, season):
    hr = UserFactory(roles=["HR"], first_name="Huda", last_name="Saleh")
    season.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    season.starts_on = season.ends_on - datetime.timedelta(days=30)
    season.save()
    freeze_season(season=season, by=hr)
    url = f"/en/awards/seasons/{season.slug}/winners/"
    client.force_login(hr)
    response = client.get(url)
    assert response.status_code == 200
    history = _history(response)
    assert history[0] == ("awards.season_freeze", "Huda Saleh")
    assert ("awards.season_create", "The portal (automatic)") in history
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get(url)
    assert response.status_code == 403
    assert _history(response) == []
