"""HR's cycle dashboard and leadership's aggregates: exact status codes per role, the
workflow buttons (POST only, the cycle's managers only), exports, and the live socket
(an event only after a submission commits; the right people only)."""

from __future__ import annotations

import re

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import transaction

from evaluations.models import Cycle
from evaluations.selectors import EXPORT_COLUMNS
from portal.asgi import application
from tests.conftest import SignedInThroughAllauthClient
from tests.evaluations.view_fixtures import (
    answer_everything,
    build_organisation,
    closed_cycle_with_results,
    draft_cycle,
    open_test_cycle,
)

ORIGIN = (b"origin", b"http://localhost")


def dashboard_url(cycle: Cycle, prefix: str = "/en") -> str:
    return f"{prefix}/evaluations/cycles/{cycle.slug}/"


@pytest.mark.django_db
class TestPages:
    @pytest.fixture
    def org(self):
        return build_organisation()

    def test_anonymous_is_sent_to_sign_in(self, client, org):
        cycle = open_test_cycle(org)
        for url in ("/evaluations/cycles/", dashboard_url(cycle, "")):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")

    def test_status_codes_per_role(self, client, org):
        cycle = open_test_cycle(org)
        expected = {
            org.hr: (200, 200),
            org.leadership: (200, 200),
            org.other_hr: (200, 200),  # aggregates of every agency, not this cycle's management
            org.staff[0].user: (403, 404),
            org.outsider: (403, 404),
        }
        for user, (list_status, dashboard_status) in expected.items():
            client.force_login(user)
            assert client.get("/en/evaluations/cycles/").status_code == list_status, user
            assert client.get(dashboard_url(cycle)).status_code == dashboard_status, user

    def test_hr_sees_completion_per_agency_unit_and_group(self, client, org):
        cycle = open_test_cycle(org)
        own = cycle.assignments.filter(relationship="self").select_related("rater", "cycle").first()
        answer_everything(own)
        assigned = cycle.assignments.count()
        client.force_login(org.hr)
        html = client.get(dashboard_url(cycle)).content.decode()
        assert f"1 of {assigned} submitted" in html
        assert "Civil Affairs" in html and "North centre" in html and "Peers" in html
        assert "Close the cycle and compute the results" in html
        assert f'data-socket="/ws/evaluations/cycles/{cycle.slug}/"' in html

    def test_leadership_sees_aggregates_only(self, client, org):
        cycle = closed_cycle_with_results(org)
        client.force_login(org.leadership)
        response = client.get(dashboard_url(cycle))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Mean overall" in html and "Civil Affairs" in html
        assert "/reports/" not in html and "Fatima" not in html
        assert "Release the reports" not in html

    def test_a_mean_of_too_few_reports_is_hidden_from_leadership(self, client, org, settings):
        from evaluations.models import EmployeeResult

        cycle = closed_cycle_with_results(org)
        scored = EmployeeResult.objects.filter(cycle=cycle, overall__isnull=False).count()
        assert scored >= 1
        client.force_login(org.leadership)
        settings.EVALUATIONS_AGGREGATE_MIN_REPORTS = scored + 1
        html = client.get(dashboard_url(cycle)).content.decode()
        row = html[html.index("Civil Affairs") :].split("</tr>")[0]
        assert "hidden" in row and f"at least {scored + 1} reports" in html
        settings.EVALUATIONS_AGGREGATE_MIN_REPORTS = scored
        row = client.get(dashboard_url(cycle)).content.decode()
        row = row[row.index("Civil Affairs") :].split("</tr>")[0]
        assert "hidden" not in row and re.match(r"\d\.\d</td>", row.split("<td>")[2])

    def test_hr_closes_and_releases_through_the_buttons(self, client, org):
        cycle = open_test_cycle(org)
        client.force_login(org.hr)
        assert client.get(f"{dashboard_url(cycle)}close/").status_code == 405
        response = client.post(f"{dashboard_url(cycle)}close/", follow=True)
        assert response.status_code == 200
        assert "The cycle was closed and its results were computed." in response.content.decode()
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.CLOSED
        html = response.content.decode()
        assert f"/en/evaluations/{cycle.slug}/reports/{org.staff[0].employee_id}/" in html
        client.post(f"{dashboard_url(cycle)}release/")
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.RELEASED

    def test_a_refused_transition_gets_a_message(self, client, org):
        cycle = open_test_cycle(org)
        client.force_login(org.hr)
        response = client.post(f"{dashboard_url(cycle)}cancel/", follow=True)
        assert response.status_code == 200
        assert "so you cannot cancel it" in response.content.decode()
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.OPEN
        assert client.post(f"{dashboard_url(cycle)}explode/").status_code == 404

    def test_only_the_cycles_managers_may_act(self, client, org):
        cycle = draft_cycle(org)
        for user in (org.other_hr, org.leadership, org.staff[0].user):
            client.force_login(user)
            assert client.post(f"{dashboard_url(cycle)}open/").status_code == 403
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.DRAFT
        client.force_login(org.hr)
        assert client.post(f"{dashboard_url(cycle)}open/").status_code == 302
        cycle.refresh_from_db()
        assert cycle.status == Cycle.Status.OPEN

    def test_exports_are_aggregates_for_the_managers_only(self, client, org):
        cycle = closed_cycle_with_results(org)
        client.force_login(org.hr)
        response = client.get(f"{dashboard_url(cycle)}export.csv")
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        assert text.splitlines()[0] == ",".join(EXPORT_COLUMNS)
        assert "تعليق" not in text
        xlsx = client.get(f"{dashboard_url(cycle)}export.xlsx")
        assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
        assert client.get(f"{dashboard_url(cycle)}export.pdf").status_code == 404
        client.force_login(org.leadership)
        assert client.get(f"{dashboard_url(cycle)}export.csv").status_code == 404


def communicator(path: str, *headers) -> WebsocketCommunicator:
    return WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])


def session_cookie(user, client=None) -> tuple[bytes, bytes]:
    """A session of ``user`` in a client of its own (signing another user in on the same
    client would end this session)."""
    client = client or SignedInThroughAllauthClient()
    client.force_login(user)
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


@pytest.mark.django_db(transaction=True)
class TestLiveSocket:
    def test_a_committed_submission_reaches_the_dashboard_and_a_rolled_back_one_does_not(self, client):
        org = build_organisation()
        cycle = open_test_cycle(org)
        assignments = list(cycle.assignments.select_related("rater", "cycle").order_by("pk")[:2])
        cookie = session_cookie(org.hr)

        def rolled_back_submission():
            with pytest.raises(RuntimeError), transaction.atomic():
                answer_everything(assignments[0])
                raise RuntimeError("roll back")

        async def scenario():
            socket = communicator(f"/ws/evaluations/cycles/{cycle.slug}/", cookie)
            connected, _ = await socket.connect()
            assert connected
            await database_sync_to_async(rolled_back_submission)()
            nothing = await socket.receive_nothing(timeout=0.5)
            await database_sync_to_async(answer_everything)(assignments[1])
            message = await socket.receive_json_from(timeout=5)
            await socket.disconnect()
            return nothing, message

        nothing, message = async_to_sync(scenario)()
        assert nothing is True
        assert message["type"] == "completion.changed" and message["cycle"] == cycle.slug
        assert set(message) == {"type", "cycle", "at"}

    def test_who_may_listen(self, client):
        org = build_organisation()
        cycle = open_test_cycle(org)
        path = f"/ws/evaluations/cycles/{cycle.slug}/"
        cases = [
            ((), 4403),
            ((session_cookie(org.staff[0].user),), 4403),
            ((session_cookie(org.leadership),), None),
            ((session_cookie(org.hr),), None),
        ]
        hr_cookie = session_cookie(org.hr, client)
        session = client.session
        session["account_authentication_methods"] = [
            record for record in session["account_authentication_methods"] if record["method"] != "mfa"
        ]
        session.save()
        cases.append(((hr_cookie,), 4403))

        async def connect(headers, url=path):
            socket = communicator(url, *headers)
            result = await socket.connect()
            await socket.disconnect()
            return result

        for headers, code in cases:
            connected, close_code = async_to_sync(connect)(headers)
            if code is None:
                assert connected is True
            else:
                assert (connected, close_code) == (False, code)
        leadership = session_cookie(org.leadership)
        assert async_to_sync(connect)((leadership,), "/ws/evaluations/cycles/nope/") == (False, 4404)
