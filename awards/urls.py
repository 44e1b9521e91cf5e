from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("awards/", views.leaderboard, name="leaderboard"),
    path("awards/screen/", views.display, name="display"),
    path("awards/hall-of-fame/", views.hall_of_fame, name="hall_of_fame"),
    path("awards/integrity/", views.integrity_flags, name="integrity_flags"),
    path("awards/seasons/<slug:slug>/winners/", views.season_winners, name="season_winners"),
    path("awards/<slug:category>/", views.leaderboard, name="category"),
]
