"""What the demo leaves each awards role to do on first run: the reviewer an award
announcement waiting in the editorial workflow (which the editor can open), Leadership
spring awards still to approve; a re-run changes none of it."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.utils.html import escape

from awards.demo import DEMO_AWAITING_REVIEW, PAST_SEASON, load_demo_awards
from awards.models import AwardWinner, Season
from awards.winners import shortlists
from portal.models import User


def _todos(past: Season) -> tuple:
    waiting = AwardWinner.objects.get(season=past, category=DEMO_AWAITING_REVIEW)
    pending = [(s.category, s.band) for s in shortlists(season=past) if s.winner is None]
    return waiting.pk, waiting.announced_at, waiting.announcement.current_workflow_state.pk, pending


def test_the_demo_leaves_the_reviewer_editor_and_leadership_something_to_do(client, site_tree):
    call_command("load_demo", stdout=StringIO())
    past = Season.objects.get(slug=PAST_SEASON)
    users = {name: User.objects.get(username=name) for name in ("reviewer", "editor", "leadership")}

    # One approved winner's announcement waits for the reviewer (in both languages).
    waiting = AwardWinner.objects.get(season=past, category=DEMO_AWAITING_REVIEW)
    assert waiting.announced_at is None
    for page in (waiting.announcement, *waiting.announcement.get_translations()):
        assert not page.live
        state = page.current_workflow_state
        assert state is not None and state.status == state.STATUS_IN_PROGRESS
        task = state.current_task_state.task.specific
        assert "approve" in [action[0] for action in task.get_actions(page, users["reviewer"])]
        assert task.get_actions(page, users["editor"]) == []
    client.force_login(users["reviewer"])
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert escape(waiting.announcement.title) in dashboard.content.decode()
    client.force_login(users["editor"])
    assert client.get(f"/admin/pages/{waiting.announcement.pk}/edit/").status_code == 200

    # The other spring winners were announced.
    assert AwardWinner.objects.filter(season=past, announced_at__isnull=False).count() == 2

    # Leadership still has spring awards to approve, with the form to do it.
    pending = [s for s in shortlists(season=past) if s.winner is None]
    assert {s.category for s in pending} >= {"distinguished_employee", "best_channel"}
    client.force_login(users["leadership"])
    page = client.get(f"/en/awards/seasons/{PAST_SEASON}/winners/")
    assert page.status_code == 200
    assert page.content.decode().count("Approve the winner") == len(pending)

    before = _todos(past)
    load_demo_awards()
    assert _todos(past) == before
