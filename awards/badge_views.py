"""Badge pages: an employee's badges (their profile), HR revoking a badge, the public
page of a badge, the Open Badges 3.0 credential (unsigned JSON, and signed as a VC-JWT),
the issuer's profile and published keys, and the public page that verifies a pasted
credential. Thin: permissions (``awards.permissions``), the badges and credentials
modules, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards import badges, credentials, permissions
from awards.badge_forms import CredentialVerificationForm
from awards.badge_models import BadgeAward
from awards.credential_signing import MAX_TOKEN_LENGTH, KeyUnavailable, TokenError
from evaluations.models import Employee
from portal.models import Agency


def _json(payload: dict, status: int = 200, content_type: str = "application/json") -> JsonResponse:
    return JsonResponse(
        payload, status=status, content_type=content_type, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )


def _public(response: HttpResponse) -> HttpResponse:
    """Published documents any verifier (a browser app on another site included) reads."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


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


def _downloadable(request: HttpRequest, uid) -> tuple[BadgeAward | None, HttpResponse | None]:
    """The badge whose credential ``request`` may download, or the JSON answer saying why
    not: 404 unknown, 403 neither its holder nor HR of their agency, 410 revoked."""
    award = BadgeAward.objects.select_related("employee__unit__agency", "employee__user").filter(uid=uid).first()
    if award is None:
        return None, _json({"error": _("No such badge.")}, status=404)
    if not request.user.is_authenticated or not permissions.can_download_credential(request.user, award):
        return None, _json({"error": _("Only the badge holder and HR of their agency download this credential.")}, 403)
    if award.is_revoked:
        return None, _json(
            {
                "error": _("This badge was revoked."),
                "revoked": True,
                "revokedAt": badges._iso(award.revoked_at),
            },
            status=410,
        )
    return award, None


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def credential(request: HttpRequest, uid) -> HttpResponse:
    """The Open Badges 3.0 credential of a badge as JSON-LD, without a proof (the signed
    form is ``credential.jwt``, linked from the response), for its holder and HR of their
    agency; a revoked badge answers 410 Gone."""
    award, refusal = _downloadable(request, uid)
    if refusal is not None:
        return refusal
    response = _json(badges.open_badge_credential(award, absolute=request.build_absolute_uri))
    signed = request.build_absolute_uri(reverse("awards:badge_credential_jwt", args=[award.uid]))
    response["Link"] = f'<{signed}>; rel="alternate"; type="{credentials.MEDIA_TYPE}"'
    return _download(response, f"badge-{award.uid}-unsigned.json")


@require_GET
def credential_jwt(request: HttpRequest, uid) -> HttpResponse:
    """The same credential signed by the issuer as a VC-JWT (``application/vc+jwt``): it
    verifies offline against the published keys. 503 when the portal has no signing key."""
    award, refusal = _downloadable(request, uid)
    if refusal is not None:
        return refusal
    try:
        token = credentials.signed_credential(award, absolute=request.build_absolute_uri)
    except KeyUnavailable:
        return _json({"error": _("Signed credentials are unavailable: the portal has no signing key yet.")}, 503)
    response = HttpResponse(token, content_type=credentials.MEDIA_TYPE)
    return _download(response, f"badge-{award.uid}.jwt")


@require_GET
def issuer(request: HttpRequest, slug: str) -> HttpResponse:
    """The issuer's Open Badges profile (public)."""
    agency = get_object_or_404(Agency, slug=slug)
    return _public(_json(badges.issuer_profile(agency, absolute=request.build_absolute_uri)))


@require_GET
def status_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The issuer's badge revocation list, a signed ``BitstringStatusListCredential``
    (public: every badge credential of the agency names it; it names nobody). 503 when
    the portal has no signing key."""
    agency = get_object_or_404(Agency, slug=slug)
    try:
        token = credentials.signed_status_list(agency, absolute=request.build_absolute_uri)
    except KeyUnavailable:
        return _json({"error": _("Signed credentials are unavailable: the portal has no signing key yet.")}, 503)
    return _public(HttpResponse(token, content_type=credentials.MEDIA_TYPE))


@require_GET
def key_set(request: HttpRequest) -> HttpResponse:
    """The issuer's public keys as a JWK Set (``/.well-known/jwks.json``): the current
    signing key and the previous ones, each ``kid`` the URL of that key."""
    return _public(
        _json(credentials.key_set(absolute=request.build_absolute_uri), content_type=credentials.JWKS_MEDIA_TYPE)
    )


@require_GET
def signing_key(request: HttpRequest, thumbprint: str) -> HttpResponse:
    """One published public key as a JWK (what a credential's ``kid`` dereferences to)."""
    jwk = credentials.published_key(thumbprint, absolute=request.build_absolute_uri)
    if jwk is None:
        return _json({"error": _("No such key.")}, status=404)
    return _public(_json(jwk, content_type=credentials.JWK_MEDIA_TYPE))


def _problem_message(code: str, **details) -> str:
    """The reader-facing words for each reason a token is refused or does not verify."""
    messages_by_code = {
        "empty": _("Paste a signed credential or choose its file."),
        "too_long": _("The text is longer than any badge credential (at most %(limit)s characters).")
        % {"limit": MAX_TOKEN_LENGTH},
        "malformed": _("This is not a signed credential: a VC-JWT is three parts of base64url text separated by dots."),
        "algorithm": _(
            "The credential names the signing algorithm “%(algorithm)s”. This portal signs with EdDSA (Ed25519) "
            "only, and never accepts an unsigned credential."
        )
        % {"algorithm": details.get("algorithm", "")},
        "header": _("The credential's header has parameters Open Badges 3.0 does not allow."),
        "unknown_key": _("It was not signed with any key this portal publishes."),
        "signature": _(
            "Its signature does not match: the credential was changed after it was signed, or someone else signed it."
        ),
        "claims": _("Its JWT claims (iss, jti, sub, nbf, exp) do not match the credential they carry."),
        "not_yet_valid": _("It is not valid yet: its start date has not come."),
        "expired": _("It has expired."),
        "unknown_badge": _("It names no badge this portal has granted."),
        "revoked": _("The badge was revoked. The reason is not shown publicly."),
    }
    return messages_by_code[code]


@require_http_methods(["GET", "POST"])
def verify_credential(request: HttpRequest) -> HttpResponse:
    """Public: verify a signed badge credential (pasted or uploaded) against the issuer's
    published keys; says whether the signature holds (and which key), who issued it to
    whom (what the badge's public page shows), when, and whether it was revoked or
    expired. Input that is not a usable token answers 400 with the reason."""
    language = get_language() or "ar"
    verdict = None
    status = 200
    if request.method == "POST":
        form = CredentialVerificationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                verdict = credentials.verify_badge_token(form.cleaned_data["credential"])
            except TokenError as error:
                form.add_error(None, _problem_message(error.code, **error.details))
                status = 400
        else:
            status = 400
    else:
        form = CredentialVerificationForm()
    award = verdict.award if verdict is not None else None
    context = {
        "form": form,
        "verdict": verdict,
        "language": language,
        "problems": [_problem_message(code) for code in verdict.problems] if verdict is not None else [],
        "award": award,
        "badge": award.definition if award is not None else None,
        "recipient": award.employee.localized_name(language) if award is not None else "",
        "issuer": award.employee.unit.agency.localized_name(language) if award is not None else "",
        "key_set_url": reverse("badge_key_set"),
    }
    response = render(request, "awards/badges/verify_credential.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
