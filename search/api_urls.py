from django.urls import path, re_path

from search import api

app_name = "search_api"

urlpatterns = [
    path("search/", api.search, name="search"),
    path("search/suggest/", api.suggest, name="suggest"),
    # Last: every other address under /api/ answers a JSON 404.
    re_path(r"^(?P<unknown_path>.*)$", api.not_found, name="not_found"),
]
