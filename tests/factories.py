"""factory-boy factories shared by the suite. Pages are created through the real
publishing service so signals (audience restrictions, freshness) run as in production."""

from __future__ import annotations

import factory
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django.test import Client

from knowledge.models import FAQPage, Topic
from knowledge.services import publish
from portal.models import Agency, User
from portal.security import user_has_mfa, user_requires_mfa


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"agency-{n}")
    name_ar = factory.Sequence(lambda n: f"الجهة {n}")
    name_en = factory.Sequence(lambda n: f"Agency {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_ar = factory.Sequence(lambda n: f"موضوع {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


def create_faq(parent, *, title: str, answer: str = "<p>إجابة</p>", audience: str = "public", **fields) -> FAQPage:
    """Create and publish an FAQ under ``parent`` (an FAQ index page)."""
    page = FAQPage(title=title, answer=answer, audience=audience, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    return publish(page)


def create_page(parent, page_class, *, title: str, audience: str = "public", **fields):
    """Create and publish any knowledge page (FAQ, guide, procedure, article, announcement,
    charter) under ``parent``, with the fields its type requires filled in."""
    defaults = {
        "FAQPage": {"answer": "<p>إجابة</p>"},
        "EtiquetteGuidePage": {"guide_kind": "general"},
        "ServiceProcedurePage": {"service_name": title},
        "AnnouncementPage": {"body": "<p>خبر</p>"},
    }.get(page_class.__name__, {})
    page = page_class(title=title, audience=audience, locale=parent.locale, **{**defaults, **fields})
    parent.add_child(instance=page)
    return publish(page)


def choose_arabic_digits(convention: str, *, site=None):
    """Set the site setting that chooses the digits of Arabic pages (the default site's
    unless ``site`` is given), as an administrator does under Settings → Digits."""
    from wagtail.models import Site

    from portal.models import DigitSettings

    site = site or Site.objects.get(is_default_site=True)
    setting, _created = DigitSettings.objects.update_or_create(site=site, defaults={"arabic_digits": convention})
    return setting


def give_totp(user):
    """Give ``user`` a real TOTP authenticator (allauth MFA); returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def create_draft_faq(
    parent, *, title: str, answer: str = "<p>إجابة</p>", audience: str = "public", **fields
) -> FAQPage:
    """Create an FAQ under ``parent`` and save a revision without ever publishing it."""
    page = FAQPage(title=title, answer=answer, audience=audience, locale=parent.locale, live=False, **fields)
    parent.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    return page


class SignedInThroughAllauthClient(Client):
    """The test client, whose ``force_login`` stands for a complete sign-in through allauth:
    the password and, for a user whose role requires it (or who has an authenticator), the
    second step, recorded in the session as allauth records it. The portal's middleware
    counts a session as verified only with that record (portal/security.py); tests of the
    sign-in itself post to the real forms instead (tests/portal/test_accounts.py)."""

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        if not (user_requires_mfa(user) or user_has_mfa(user)):
            return
        if not user_has_mfa(user):
            give_totp(user)
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        request = HttpRequest()
        request.session = self.session
        request.user = user
        record_authentication(request, user, "password", username=user.username)
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
        request.session.save()
