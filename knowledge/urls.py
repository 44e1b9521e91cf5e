from django.urls import path

from knowledge.feeds import AnnouncementsFeed

app_name = "knowledge"

urlpatterns = [
    path("feeds/announcements/", AnnouncementsFeed(), name="announcements_feed"),
]
