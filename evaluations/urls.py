"""URLs of the evaluations app (inside the language prefix)."""

from django.urls import path

from evaluations import assignment_views, cycle_settings_views, dashboard_views, rater_views, report_views, views

app_name = "evaluations"

urlpatterns = [
    path("evaluations/", rater_views.todo, name="todo"),
    path("evaluations/team/", rater_views.team, name="team"),
    path(
        "evaluations/nominations/<int:nomination_id>/decide/", rater_views.decide_nomination, name="decide_nomination"
    ),
    path("evaluations/organisation/import/", views.org_import, name="org_import"),
    path("evaluations/organisation/import/confirm/", views.org_import_confirm, name="org_import_confirm"),
    path("evaluations/cycles/", dashboard_views.cycle_list, name="cycle_list"),
    path("evaluations/cycles/new/", cycle_settings_views.cycle_create, name="cycle_create"),
    path("evaluations/cycles/<slug:slug>/", dashboard_views.cycle_dashboard, name="cycle_dashboard"),
    path("evaluations/cycles/<slug:slug>/settings/", cycle_settings_views.cycle_settings, name="cycle_settings"),
    path(
        "evaluations/cycles/<slug:slug>/assignments/",
        assignment_views.cycle_assignments,
        name="cycle_assignments",
    ),
    path(
        "evaluations/cycles/<slug:slug>/assignments/add/",
        assignment_views.assignment_add,
        name="assignment_add",
    ),
    path(
        "evaluations/cycles/<slug:slug>/assignments/<int:assignment_id>/remove/",
        assignment_views.assignment_remove,
        name="assignment_remove",
    ),
    path(
        "evaluations/cycles/<slug:slug>/assignments/<int:assignment_id>/reassign/",
        assignment_views.assignment_reassign,
        name="assignment_reassign",
    ),
    path(
        "evaluations/cycles/<slug:slug>/assignments/<int:assignment_id>/reopen/",
        assignment_views.assignment_reopen,
        name="assignment_reopen",
    ),
    path(
        "evaluations/cycles/<slug:slug>/export.<str:file_format>",
        dashboard_views.cycle_export,
        name="cycle_export",
    ),
    path("evaluations/cycles/<slug:slug>/reminders/", dashboard_views.cycle_reminders, name="cycle_reminders"),
    path(
        "evaluations/cycles/<slug:slug>/<str:action>/",
        dashboard_views.cycle_action,
        name="cycle_action",
    ),
    path("evaluations/<slug:cycle_slug>/nominate/", rater_views.nominate, name="nominate"),
    path("evaluations/<slug:cycle_slug>/reports/<str:employee_id>/", report_views.report, name="report"),
    path(
        "evaluations/<slug:cycle_slug>/reports/<str:employee_id>/report.pdf",
        report_views.report_pdf,
        name="report_pdf",
    ),
    path(
        "evaluations/<slug:cycle_slug>/<int:assignment_id>/",
        rater_views.evaluation_form,
        name="evaluation_form",
    ),
    path(
        "evaluations/<slug:cycle_slug>/<int:assignment_id>/decline/",
        rater_views.decline,
        name="decline",
    ),
]
