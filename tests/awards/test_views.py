"""Staff detail of one agency's standing (/awards/entries/agency/<slug>/): who may see it,
what it explains (components with their sample sizes, units, channels, "not yet ranked")
and what it never shows (a customer's rating or comment, a person)."""

from __future__ import annotations

from evaluations.customer_feedback import customer_feedback_token, submit_customer_rating
from tests.awards.conftest import rate
from tests.factories import UserFactory

URL = "/en/awards/entries/agency/alpha/"


def test_anonymous_readers_are_sent_to_sign_in_and_non_staff_are_refused(client, season, two_agencies):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/awards/entries/agency/alpha/")
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


def test_staff_see_the_components_with_their_sample_sizes_units_and_channels(client, season, two_agencies):
    season.prior_weights = {"best_agency": 2, "best_unit": 2, "best_channel": 2}
    season.save()
    rate(two_agencies["alpha"][0], 5, count=2)
    rate(two_agencies["alpha"][1], 4, channel="phone")
    rate(two_agencies["beta"][0], 3, count=2)
    link = customer_feedback_token(employee=two_agencies["alpha"][2], channel="centre")
    submit_customer_rating(token=link.token, overall=1, comment="Rude clerk at desk nine", client_fingerprint="fp-x")
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get(URL, {"season": "s1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Alpha</h1>" in body
    assert "Best agency · ≤ 50" in body
    assert "Rank 1, score" in body
    satisfaction = body[body.index('data-component="satisfaction"') :]
    assert "<td>4 ratings</td>" in satisfaction[: satisfaction.index("</tr>")]
    evaluation = body[body.index('data-component="evaluation"') :]
    assert "0 released reports of 3 front-line employees" in evaluation[: evaluation.index("</tr>")]
    assert "0 of 0 evaluations submitted" in body
    assert "Its service centres" in body and "Its channels" in body
    assert body.count('<th scope="row">') >= 3 + 1 + 2  # components, the one unit, two channels
    assert "Beta" not in body
    assert "Rude clerk" not in body
    for employee in two_agencies["alpha"]:
        assert employee.employee_id not in body and employee.name_en not in body


def test_an_agency_below_the_threshold_is_not_yet_ranked(client, season, two_agencies):
    rate(two_agencies["alpha"][0], 5, count=3)
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Not yet ranked" in body
    assert "3 customer ratings of the 100 needed to be ranked." in body
    assert "Rank 1" not in body


def test_the_detail_costs_the_same_queries_whatever_the_agencys_size(client, season, two_agencies):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards.standings import standings_changed
    from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory

    client.force_login(UserFactory(roles=["Staff"]))
    rate(two_agencies["alpha"][0], 5)
    client.get(URL)  # the session and the site's settings warmed up
    standings_changed([season.pk])  # boards computed afresh (not the whole cache: its versions stay)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    unit = CustomerUnitFactory(agency=two_agencies["alpha"][0].unit.agency, slug="second")
    for number in range(8):
        employee = FrontLineEmployeeFactory(unit=unit, employee_id=f"alpha-more-{number}")
        rate(employee, 4, channel="phone" if number % 2 else "centre")
    standings_changed([season.pk])  # boards computed afresh (not the whole cache: its versions stay)
    with CaptureQueriesContext(connection) as large:
        assert client.get(URL).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_an_unknown_agency_is_404(client, season, two_agencies):
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get("/en/awards/entries/agency/nope/").status_code == 404


def test_the_leaderboard_links_rows_to_the_detail_for_staff_only(client, season, two_agencies):
    season.prior_weights = {"best_agency": 1}
    season.save()
    rate(two_agencies["alpha"][0], 5)
    detail = '<a href="/en/awards/entries/agency/alpha/?season=s1">Alpha</a>'
    assert detail not in client.get("/en/awards/").content.decode()
    client.force_login(UserFactory(roles=["Staff"]))
    assert detail in client.get("/en/awards/").content.decode()
