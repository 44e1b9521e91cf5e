from django.urls import path

from awards import badge_views, points_views, views

app_name = "awards"

urlpatterns = [
    path("awards/", views.leaderboard, name="leaderboard"),
    path("awards/screen/", views.display, name="display"),
    path("awards/hall-of-fame/", views.hall_of_fame, name="hall_of_fame"),
    path("awards/integrity/", views.integrity_flags, name="integrity_flags"),
    path("awards/entries/agency/<slug:slug>/", views.agency_entry, name="agency_entry"),
    path("awards/seasons/<slug:slug>/winners/", views.season_winners, name="season_winners"),
    path("awards/people/<str:employee_id>/", badge_views.profile, name="badge_profile"),
    path("awards/badges/issuers/<slug:slug>.json", badge_views.issuer, name="badge_issuer"),
    path("awards/badges/issuers/<slug:slug>/revocation-list.jwt", badge_views.status_list, name="badge_status_list"),
    path("awards/badges/verify/", badge_views.verify_credential, name="badge_verify_credential"),
    path("awards/badges/keys/<str:thumbprint>.json", badge_views.signing_key, name="badge_key"),
    path("awards/badges/<uuid:uid>/", badge_views.verify, name="badge_verify"),
    path("awards/badges/<uuid:uid>/credential.json", badge_views.credential, name="badge_credential"),
    path("awards/badges/<uuid:uid>/credential.jwt", badge_views.credential_jwt, name="badge_credential_jwt"),
    path("awards/badges/<uuid:uid>/revoke/", badge_views.revoke, name="badge_revoke"),
    path("awards/points/", points_views.my_points, name="my_points"),
    path("awards/points/<slug:cycle_slug>/<slug:agency_slug>/", points_views.agency_points, name="agency_points"),
    path("awards/<slug:category>/", views.leaderboard, name="category"),
]
