"""The portal's periodic work: the schedule (pure), and ``manage.py periodic`` running the
real commands once, reporting failures without stopping the other tasks; cron's passes
(``--once``) keeping to the schedule through the record of when each task last started."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal import periodic

EVERY_MINUTE = periodic.PeriodicTask("a", 60, ("check",), "")
EVERY_HOUR = periodic.PeriodicTask("b", 3600, ("check",), "")


@pytest.fixture(autouse=True)
def state(settings, tmp_path):
    """Each test its own record of the passes (the process's var directory is shared)."""
    settings.PERIODIC_STATE_PATH = tmp_path / "periodic.json"
    return settings.PERIODIC_STATE_PATH


@pytest.mark.django_db
def test_a_cron_pass_runs_only_the_tasks_due_since_the_passes_before(state, monkeypatch):
    monkeypatch.setattr(periodic, "TASKS", (EVERY_MINUTE, EVERY_HOUR))
    call_command("periodic", "--once", stdout=io.StringIO())
    first = periodic.read_last_started(state)
    assert set(first) == {"a", "b"}
    call_command("periodic", "--once", stdout=io.StringIO())  # a minute has not passed
    assert periodic.read_last_started(state) == first
    # A minute later (as recorded): the minute's task runs again, the hourly one does not.
    state.write_text(json.dumps({"a": first["a"] - 61, "b": first["b"] - 61}))
    before = time.time()
    call_command("periodic", "--once", stdout=io.StringIO())
    after = periodic.read_last_started(state)
    assert after["a"] >= before and after["b"] == first["b"] - 61
    # --only runs what it names, due or not.
    call_command("periodic", "--once", "--only", "b", stdout=io.StringIO())
    assert periodic.read_last_started(state)["b"] >= before


@pytest.mark.django_db
def test_a_pass_that_finds_the_last_one_still_running_leaves_the_work_to_it(state, monkeypatch):
    from django.utils import translation

    monkeypatch.setattr(periodic, "TASKS", (EVERY_MINUTE,))
    out = io.StringIO()
    with periodic.single_pass(state) as holding, translation.override("en"):
        assert holding
        call_command("periodic", "--once", stdout=out)
    assert "still running" in out.getvalue()
    assert periodic.read_last_started(state) == {}
    call_command("periodic", "--once", stdout=io.StringIO())  # the lock was let go
    assert set(periodic.read_last_started(state)) == {"a"}


def test_an_unreadable_record_makes_every_task_due(state):
    state.write_text("{not json")
    assert periodic.read_last_started(state) == {}
    state.write_text(json.dumps({"a": "yesterday", "b": 12.5}))
    assert periodic.read_last_started(state) == {"b": 12.5}
    periodic.record_started(state, "a", 99.0)
    assert periodic.read_last_started(state) == {"a": 99.0, "b": 12.5}


def test_every_task_is_due_before_its_first_run():
    assert periodic.due([EVERY_MINUTE, EVERY_HOUR], last_started={}, now=0.0) == [EVERY_MINUTE, EVERY_HOUR]


def test_a_task_is_due_again_once_its_interval_has_passed():
    started = {"a": 100.0, "b": 100.0}
    assert periodic.due([EVERY_MINUTE, EVERY_HOUR], last_started=started, now=159.9) == []
    assert periodic.due([EVERY_MINUTE, EVERY_HOUR], last_started=started, now=160.0) == [EVERY_MINUTE]
    assert periodic.due([EVERY_MINUTE, EVERY_HOUR], last_started=started, now=3700.0) == [EVERY_MINUTE, EVERY_HOUR]


def test_the_wait_is_until_the_next_task_is_due():
    started = {"a": 100.0, "b": 100.0}
    assert periodic.seconds_until_next([EVERY_MINUTE, EVERY_HOUR], last_started=started, now=130.0) == 30.0
    assert periodic.seconds_until_next([EVERY_MINUTE, EVERY_HOUR], last_started={"a": 100.0}, now=130.0) == 0.0
    assert periodic.seconds_until_next([EVERY_MINUTE], last_started=started, now=500.0) == 0.0


def test_the_table_names_each_task_once_and_every_command_exists():
    from django.core.management import get_commands

    names = [task.name for task in periodic.TASKS]
    assert len(names) == len(set(names))
    assert {task.command[0] for task in periodic.TASKS} <= set(get_commands())
    assert names == ["search-replay", "publish-scheduled", "evaluation-emails", "award-freeze", "award-snapshot"]


def test_list_prints_every_task_with_its_interval():
    out = io.StringIO()
    call_command("periodic", "--list", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        [task.name, f"{task.every_seconds}s", " ".join(task.command)] for task in periodic.TASKS
    ]


def test_an_unknown_task_name_is_refused_with_the_known_ones():
    from django.utils import translation

    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("periodic", "--once", "--only", "nope")
    assert str(refused.value).startswith("Unknown periodic task: nope. Known: search-replay, publish-scheduled")
    with translation.override("ar"), pytest.raises(CommandError) as refused:
        call_command("periodic", "--once", "--only", "nope")
    assert str(refused.value).startswith("مهمة دورية غير معروفة: nope.")


@pytest.mark.django_db(transaction=True)
def test_once_runs_every_task_through_its_real_command():
    import datetime

    from django.utils import timezone

    from awards.models import Season, StandingSnapshot
    from awards.services import create_season

    today = timezone.localdate()
    ended = create_season(
        slug="ended",
        name_ar="موسم منتهٍ",
        name_en="Ended season",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=1),
    )
    current = create_season(
        slug="current",
        name_ar="الموسم الحالي",
        name_en="Current season",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        make_current=True,
    )
    call_command("periodic", "--once", stdout=io.StringIO(), stderr=io.StringIO())

    assert Season.objects.get(pk=ended.pk).frozen_at is not None  # award-freeze
    assert Season.objects.get(pk=current.pk).frozen_at is None
    # award-snapshot stored today's standings of the season still running (none to rank yet,
    # so no rows), and the frozen one its final standings on its last day.
    assert not StandingSnapshot.objects.filter(season=current, final=True).exists()


@pytest.mark.django_db(transaction=True)
def test_a_failing_task_is_reported_and_does_not_stop_the_others(monkeypatch):
    failing = periodic.PeriodicTask("broken", 60, ("check", "--tag", "no-such-tag"), "fails")
    monkeypatch.setattr(periodic, "TASKS", (failing, periodic.task_named("award-freeze")))
    import datetime

    from django.utils import timezone, translation

    from awards.models import Season
    from awards.services import create_season

    today = timezone.localdate()
    ended = create_season(
        slug="ended",
        name_ar="موسم منتهٍ",
        name_en="Ended season",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=1),
    )

    with translation.override("en"), pytest.raises(CommandError) as failed:
        call_command("periodic", "--once", stdout=io.StringIO(), stderr=io.StringIO())
    assert str(failed.value) == "1 periodic task(s) failed; see the log."
    # The other task still ran: the ended season was frozen after the broken one failed.
    assert Season.objects.get(pk=ended.pk).frozen_at is not None
