"""The machinery's own addresses: the health checks for the load balancer and for Varnish."""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("healthz/frontend-cache/", views.frontend_cache_probe, name="frontend_cache_probe"),
]
