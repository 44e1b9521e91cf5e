from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("awards/", views.leaderboard, name="leaderboard"),
    path("awards/screen/", views.display, name="display"),
    path("awards/<slug:category>/", views.leaderboard, name="category"),
]
