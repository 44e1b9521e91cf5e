from django.urls import path

from search import api

app_name = "search_api"

urlpatterns = [
    path("search/", api.search, name="search"),
    path("search/suggest/", api.suggest, name="suggest"),
]
