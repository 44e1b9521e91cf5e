"""Badge pages: an employee's badges (their profile), HR revoking a badge, the public
verification page, the Open Badges 3.0 credential (JSON) and the issuer's profile. Thin:
permissions (``awards.permissions``), the badges module, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards import badges, permissions
from awards.badge_models import BadgeAward
from evaluations.models import Employee
from portal.models import Agency


def _json(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False, "indent": 2})


def _to_login(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('account_login')}?next={request.get_full_path()}")


def _award(uid) -> BadgeAward:
    return get_object_or_404(
        BadgeAward.objects.select_related("employee__unit__agency", "employee__user", "season", "cycle"), uid=uid
    )


@require_GET
def profile(request: HttpRequest, employee_id: str) -> HttpResponse:
    """An employee's badges: for the employee, their supervisor, HR of their agency and
    Leadership. Revoked badges, with the reason, only for the employee and HR."""
    if not request.user.is_authenticated:
        return _to_login(request)
    employee = get_object_or_404(Employee.objects.select_related("unit__agency"), employee_id=employee_id)
    if not permissions.can_view_badge_profile(request.user, employee):
        raise PermissionDenied(_("This employee's badges are not available to you."))
    is_hr = permissions.can_manage_people_of(request.user, employee)
    is_self = employee.user_id is not None and employee.user_id == request.user.pk
    awards = badges.badges_of(employee, with_revoked=is_hr or is_self)
    return render(
        request,
        "awards/badges/profile.html",
        {
            "employee": employee,
            "employee_name": employee.localized_name(get_language()),
            "rows": [{"award": award, "badge": award.definition} for award in awards],
            "can_revoke": is_hr,
            "can_download": is_hr or is_self,
            "language": get_language() or "ar",
        },
    )


@require_POST
def revoke(request: HttpRequest, uid) -> HttpResponse:
    if not request.user.is_authenticated:
        return _to_login(request)
    award = _award(uid)
    if not permissions.can_revoke_badge(request.user, award):
        raise PermissionDenied(_("Only HR of the employee's agency revokes this badge."))
    try:
        badges.revoke_badge(award=award, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Badge revoked. The reason is kept in the audit log."))
    return redirect("awards:badge_profile", employee_id=award.employee.employee_id)


@require_GET
def verify(request: HttpRequest, uid) -> HttpResponse:
    """Public: the badge, its holder's name, the issuer, the date and the criteria; a
    revoked badge says when (never why)."""
    award = _award(uid)
    language = get_language() or "ar"
    return render(
        request,
        "awards/badges/verify.html",
        {
            "award": award,
            "badge": award.definition,
            "language": language,
            "recipient": award.employee.localized_name(language),
            "issuer": award.employee.unit.agency.localized_name(language),
        },
    )


@require_GET
def credential(request: HttpRequest, uid) -> HttpResponse:
    """The Open Badges 3.0 credential of a badge, for its holder and HR of their agency;
    a revoked badge answers 410 Gone."""
    award = BadgeAward.objects.select_related("employee__unit__agency", "employee__user").filter(uid=uid).first()
    if award is None:
        return _json({"error": _("No such badge.")}, status=404)
    if not request.user.is_authenticated or not permissions.can_download_credential(request.user, award):
        return _json({"error": _("Only the badge holder and HR of their agency download this credential.")}, 403)
    if award.is_revoked:
        return _json(
            {
                "error": _("This badge was revoked."),
                "revoked": True,
                "revokedAt": badges._iso(award.revoked_at),
            },
            status=410,
        )
    response = _json(badges.open_badge_credential(award, absolute=request.build_absolute_uri))
    response["Content-Disposition"] = f'attachment; filename="badge-{award.uid}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def issuer(request: HttpRequest, slug: str) -> HttpResponse:
    """The issuer's Open Badges profile (public)."""
    agency = get_object_or_404(Agency, slug=slug)
    return _json(badges.issuer_profile(agency, absolute=request.build_absolute_uri))
