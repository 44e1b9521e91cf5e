"""Customer feedback addresses (inside i18n_patterns: Arabic without a prefix, English
under /en/)."""

from django.urls import path

from evaluations import customer_views

app_name = "customer_feedback"

urlpatterns = [
    path("feedback/thanks/", customer_views.customer_feedback_thanks, name="thanks"),
    path("feedback/<str:token>/", customer_views.customer_feedback_form, name="form"),
    path("customer-feedback/next/", customer_views.next_customer, name="next_customer"),
    path("customer-feedback/next/issue/", customer_views.issue_next_customer_link, name="issue"),
    path("customer-feedback/card/", customer_views.feedback_card, name="card"),
    path("customer-feedback/card/<str:employee_id>/", customer_views.feedback_card, name="employee_card"),
]
