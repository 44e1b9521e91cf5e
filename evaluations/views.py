"""Web pages of the evaluations app. Thin: parse, ask evaluations.permissions, call a
service or selector, render."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from evaluations import permissions
from evaluations.forms import OrgImportForm
from evaluations.services.organisation import REQUIRED_COLUMNS, OrgImportError, apply_org_import, plan_org_import

_SESSION_KEY = "evaluations.org_import"


def _pending_dir() -> Path:
    path = Path(settings.VAR_DIR) / "pending-imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _require_org_manager(request: HttpRequest) -> None:
    if not permissions.can_manage_organisation(request.user):
        raise PermissionDenied(_("Only HR of an agency can import its organisation."))


@login_required
@require_http_methods(["GET", "POST"])
def org_import(request: HttpRequest) -> HttpResponse:
    """Step 1 (upload) and step 2 (preview of the changes, nothing saved yet)."""
    _require_org_manager(request)
    context = {"columns": REQUIRED_COLUMNS}
    if request.method == "POST":
        form = OrgImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            deactivate = form.cleaned_data["deactivate_missing"]
            try:
                plan = plan_org_import(
                    source=data,
                    filename=form.cleaned_data["file"].name,
                    allowed_agencies=None if request.user.is_superuser else permissions.managed_agencies(request.user),
                    deactivate_missing=deactivate,
                )
            except OrgImportError as error:
                context.update(form=form, problems=error.problems)
                return render(request, "evaluations/org_import.html", context, status=400)
            token = secrets.token_urlsafe(16)
            (_pending_dir() / f"{token}.upload").write_bytes(data)
            request.session[_SESSION_KEY] = {
                "token": token,
                "filename": form.cleaned_data["file"].name,
                "deactivate": deactivate,
            }
            return render(request, "evaluations/org_import_preview.html", {"plan": plan, "token": token})
        context["form"] = form
        return render(request, "evaluations/org_import.html", context, status=400)
    context["form"] = OrgImportForm()
    return render(request, "evaluations/org_import.html", context)


@login_required
@require_http_methods(["POST"])
def org_import_confirm(request: HttpRequest) -> HttpResponse:
    """Step 3: apply what the preview showed (validated again: the data may have moved on)."""
    _require_org_manager(request)
    pending = request.session.get(_SESSION_KEY)
    if not pending or request.POST.get("token") != pending["token"]:
        messages.error(request, _("That import is no longer waiting for confirmation. Upload the file again."))
        return redirect("evaluations:org_import")
    path = _pending_dir() / f"{pending['token']}.upload"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        del request.session[_SESSION_KEY]
        messages.error(request, _("That import is no longer waiting for confirmation. Upload the file again."))
        return redirect("evaluations:org_import")
    try:
        plan = plan_org_import(
            source=data,
            filename=pending["filename"],
            allowed_agencies=None if request.user.is_superuser else permissions.managed_agencies(request.user),
            deactivate_missing=pending["deactivate"],
        )
    except OrgImportError as error:
        return render(
            request,
            "evaluations/org_import.html",
            {"form": OrgImportForm(), "problems": error.problems, "columns": REQUIRED_COLUMNS},
            status=400,
        )
    apply_org_import(plan=plan, by=request.user)
    path.unlink(missing_ok=True)
    del request.session[_SESSION_KEY]
    messages.success(request, _("The organisation was imported. %(summary)s") % {"summary": plan.summary()})
    return redirect("evaluations:org_import")
