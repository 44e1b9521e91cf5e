"""URLs of the evaluations app (inside the language prefix)."""

from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("evaluations/organisation/import/", views.org_import, name="org_import"),
    path("evaluations/organisation/import/confirm/", views.org_import_confirm, name="org_import_confirm"),
]
