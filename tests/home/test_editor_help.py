"""Editors are told what each page type and each content block is for, in German."""

from django.apps import apps

from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

import pytest

PROJECT_APPS = {"home", "documents", "workgroups", "board"}


def _project_page_models():
    return [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]


@pytest.mark.parametrize("model", _project_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_says_what_it_is_for(model):
    description = str(model.get_page_description())

    assert len(description) > 30, model
    assert description.endswith(".")


def _stream_blocks():
    """Every block an editor can add directly to a StreamField of the site's models."""
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or model is Page:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    yield pytest.param(block, id=f"{model.__name__}.{field.name}.{name}")


@pytest.mark.parametrize("block", list(_stream_blocks()))
def test_every_block_explains_itself(block):
    # Structured blocks carry it in their Meta, field blocks on their form field.
    help_text = getattr(block.meta, "help_text", None) or getattr(
        getattr(block, "field", None), "help_text", ""
    )
    assert len(str(help_text or "")) > 20, block.name


def test_the_page_type_choice_shows_the_descriptions(admin_client, working_group):
    html = admin_client.get(f"/admin/pages/{working_group.pk}/add_subpage/").content.decode()

    assert "Eine Fachwerkstatt mit Moderation" in html
