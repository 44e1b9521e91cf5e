"""Evaluations in the Wagtail admin: the competency framework (versioned: editing a
version an opened cycle uses edits a new copy instead) and the app's audit-log actions.

Cycles' responses and answers are deliberately not registered anywhere in the admin: no
screen shows one rater's answers."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from evaluations import audit
from evaluations.models import Framework
from evaluations.services import framework_for_editing


class FrameworkEditView(EditView):
    """Editing a framework an opened cycle uses makes a new version and edits that."""

    def dispatch(self, request, *args, **kwargs):
        framework = get_object_or_404(Framework, pk=kwargs.get("pk") or (args[0] if args else None))
        if request.user.is_authenticated and framework.is_in_use:
            copy = framework_for_editing(framework=framework, by=request.user)
            messages.info(
                request,
                _(
                    "Version %(old)s is used by an opened cycle, so it stays as it is: "
                    "you are editing the new version %(new)s."
                )
                % {"old": framework.version, "new": copy.version},
            )
            return redirect(self.get_edit_url_for(copy))
        return super().dispatch(request, *args, **kwargs)

    def get_edit_url_for(self, framework: Framework) -> str:
        from django.urls import reverse

        return reverse(self.edit_url_name, args=[framework.pk])


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = gettext_lazy("Competency frameworks")
    add_to_admin_menu = True
    menu_order = 360
    list_display = ["__str__", "version", "created_at"]
    edit_view_class = FrameworkEditView
    exclude_form_fields = []


framework_viewset = FrameworkViewSet("competency_frameworks")


@hooks.register("register_admin_viewset")
def register_framework_viewset():
    return framework_viewset


@hooks.register("register_log_actions")
def register_evaluation_log_actions(actions):
    for action, label in audit.ACTION_LABELS.items():
        actions.register_action(action, label, label)
