"""The portal's user model. A custom model from day one so profile fields can be
added later without a painful migration."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A portal account: staff, editors, reviewers, HR and leadership."""

    full_name_ar = models.CharField(_("full name (Arabic)"), max_length=200, blank=True)
    full_name_en = models.CharField(_("full name (English)"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def display_name(self, language: str = "ar") -> str:
        preferred = self.full_name_ar if language == "ar" else self.full_name_en
        return preferred or self.full_name_en or self.full_name_ar or self.get_full_name() or self.username
