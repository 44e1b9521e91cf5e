from django.urls import path

from awards import api

app_name = "awards_api"

urlpatterns = [path("", api.leaderboard, name="leaderboard")]
