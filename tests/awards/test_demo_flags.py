"""The demo gives HR's integrity page something real to decide: a burst of customer ratings
and a peer ring, both made by the real services from demo data; a second load adds nothing."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from awards.demo import DEMO_BURST_EMPLOYEE, DEMO_RING_CYCLE, DEMO_RING_MEMBERS
from awards.models import IntegrityFlag
from evaluations.models import CustomerRating, Cycle


def test_after_load_demo_the_hr_integrity_page_lists_a_burst_and_a_peer_ring(client, site_tree):
    call_command("load_demo", stdout=StringIO())
    burst = IntegrityFlag.objects.get(kind="burst")
    ring = IntegrityFlag.objects.get(kind="peer_ring")
    assert (burst.subject, burst.status, len(burst.rating_ids)) == (DEMO_BURST_EMPLOYEE, "open", 5)
    assert CustomerRating.objects.filter(pk__in=burst.rating_ids, counted=False).count() == 5
    assert (ring.subject, ring.status) == (",".join(DEMO_RING_MEMBERS), "open")
    assert ring.evidence["cycle"] == DEMO_RING_CYCLE
    assert Cycle.objects.get(slug=DEMO_RING_CYCLE).status == "closed"
    assert ring.agency.slug == burst.agency.slug == "civil-service-bureau"

    client.force_login(get_user_model().objects.get(username="hr"))
    page = client.get("/en/awards/integrity/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<span dir="ltr">{DEMO_BURST_EMPLOYEE}</span>' in html and "5 ratings discounted" in html
    assert "peer rating ring" in html and "6 evaluations from 3 members, every one at least 4.5" in html
    for member in DEMO_RING_MEMBERS:
        assert member in html

    flags = sorted(IntegrityFlag.objects.values_list("pk", "kind", "status"))
    call_command("load_demo", stdout=StringIO())
    assert sorted(IntegrityFlag.objects.values_list("pk", "kind", "status")) == flags
