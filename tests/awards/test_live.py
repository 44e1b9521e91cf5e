"""The live leaderboard socket: a committed rating reaches connected screens; a privileged
session that has not passed two-step verification is refused; an unknown season closes."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model

from portal.asgi import application
from tests.awards.conftest import rate

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


def communicator(path: str, *headers) -> WebsocketCommunicator:
    return WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])


def test_a_committed_rating_is_pushed_to_the_leaderboard(season, two_agencies):
    async def scenario():
        socket = communicator("/ws/leaderboard/s1/")
        connected, _ = await socket.connect()
        assert connected
        await database_sync_to_async(rate)(two_agencies["alpha"][0], 5)
        message = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert (message["type"], message["season"]) == ("standings.changed", "s1")


def test_an_unknown_season_is_closed(season):
    async def scenario():
        return await communicator("/ws/leaderboard/nope/").connect()

    assert async_to_sync(scenario)() == (False, 4404)


def test_a_privileged_session_without_the_second_step_is_refused(season, client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.gov", "pw-Long-1")
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        record for record in session["account_authentication_methods"] if record["method"] != "mfa"
    ]
    session.save()
    cookie = (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())

    async def scenario():
        return await communicator("/ws/leaderboard/s1/", cookie).connect()

    assert async_to_sync(scenario)() == (False, 4403)


def test_a_signed_in_staff_member_connects(season, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["Staff"]))
    cookie = (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())

    async def scenario():
        socket = communicator("/ws/leaderboard/s1/", cookie)
        result = await socket.connect()
        await socket.disconnect()
        return result

    assert async_to_sync(scenario)()[0] is True


def test_releasing_the_seasons_cycle_refreshes_its_boards_and_pushes_the_change():
    import datetime

    from django.utils import timezone

    from awards import standings
    from awards.models import Season
    from awards.services import create_season
    from evaluations.models import Cycle
    from evaluations.services import close_cycle, release_cycle
    from tests.evaluations.view_fixtures import answer_everything, build_organisation, open_test_cycle

    org = build_organisation()
    cycle = open_test_cycle(org)
    for assignment in cycle.assignments.select_related("rater", "cycle"):
        answer_everything(assignment, score=5)
    cycle = close_cycle(cycle=Cycle.objects.get(pk=cycle.pk))
    today = timezone.localdate()
    season = create_season(
        slug="with-cycle",
        name_ar="موسم",
        name_en="Season",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=10),
        cycle=cycle,
        make_current=True,
    )

    def evaluation_component() -> float | None:
        fresh = Season.objects.get(pk=season.pk)  # as a request reads it (its cycle's current status)
        board = standings.board(season=fresh, category="best_unit")
        entry = next(entry for entry in board.entries if entry.key == "civil-affairs/centre-north")
        return entry.components["evaluation"]

    assert evaluation_component() is None  # read (and cached) before the release

    async def scenario():
        socket = communicator("/ws/leaderboard/with-cycle/")
        connected, _ = await socket.connect()
        assert connected
        await database_sync_to_async(release_cycle)(cycle=cycle, notify=False)
        message = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert (message["type"], message["season"]) == ("standings.changed", "with-cycle")
    assert evaluation_component() == 100.0


def test_a_published_award_announcement_reaches_open_boards_with_its_link_and_not_before(site_tree):
    import datetime

    from django.utils import timezone

    from awards.services import create_season, freeze_season
    from awards.winners import approve_winner
    from tests.awards.conftest import rate
    from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory
    from tests.evaluations.view_fixtures import build_organisation
    from tests.factories import AgencyFactory, UserFactory

    build_organisation()  # the roles (a transactional test's flush removed them)
    today = timezone.localdate()
    past = create_season(
        slug="past",
        name_ar="موسم سابق",
        name_en="Past season",
        starts_on=today - datetime.timedelta(days=40),
        ends_on=today - datetime.timedelta(days=1),
        make_current=True,
    )
    past.prior_weights = {"best_agency": 2}
    past.save()
    agency = AgencyFactory(slug="alpha", name_ar="جهة ألفا", name_en="Alpha")
    employee = FrontLineEmployeeFactory(unit=CustomerUnitFactory(agency=agency, slug="centre"), employee_id="a-1")
    rate(employee, 5, count=3, when=timezone.now() - datetime.timedelta(days=5))
    freeze_season(season=past)

    async def scenario():
        socket = communicator("/ws/leaderboard/past/")
        connected, _ = await socket.connect()
        assert connected
        winner = await database_sync_to_async(approve_winner)(
            season=past,
            category="best_agency",
            band="le-50",
            key="alpha",
            citation_ar="لرضا المتعاملين",
            citation_en="For customer satisfaction",
            by=await database_sync_to_async(UserFactory)(roles=["Leadership"]),
        )
        drafted_silently = await socket.receive_nothing(timeout=0.5)
        page = await database_sync_to_async(lambda: winner.announcement.specific)()
        # Published as the review's last approval does (a transactional test's flush may
        # have removed the moderation workflow the migrations set up).
        await database_sync_to_async(lambda: page.get_latest_revision().publish())()
        message = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return drafted_silently, message, page

    drafted_silently, message, page = async_to_sync(scenario)()
    assert drafted_silently is True
    assert message["type"] == "award.announced"
    assert message["title_en"] == "Best agency: Alpha"
    assert message["url"] == page.get_url()
    assert message["urls"]["ar"] == page.get_url()
