"""The layers stay in order: home, then documents, then workgroups, then the board on top.

Read from the source (imports, also those inside functions) and from the templates' ``{% load %}``
tags, so a shortcut upwards fails here before it becomes a cycle. ``home/management/`` builds
the demo from every app and is the one exception; ``config`` only wires the apps together.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["home", "documents", "workgroups", "board"]
# What each app must never import: the layers above it, and the project's wiring.
FORBIDDEN = {app: {*APPS[index + 1 :], "config"} for index, app in enumerate(APPS)}
EXEMPT = [ROOT / "home" / "management"]
TEMPLATE_TAG_LIBRARIES = {
    path.stem: path.parent.parent.name
    for app in APPS
    for path in (ROOT / app / "templatetags").glob("*_tags.py")
}


def _modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts or any(path.is_relative_to(e) for e in EXEMPT):
            continue
        yield path


def _imported_top_level_packages(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


@pytest.mark.parametrize("app", APPS)
def test_apps_import_only_downwards(app):
    violations = [
        f"{path.relative_to(ROOT)}:{line} imports {package}"
        for path in _modules(app)
        for package, line in _imported_top_level_packages(path)
        if package in FORBIDDEN[app]
    ]

    assert violations == []


@pytest.mark.parametrize("app", APPS[:-1])
def test_templates_load_tags_of_their_layer_or_below(app):
    allowed = set(APPS[: APPS.index(app) + 1])
    violations = []
    for path in sorted((ROOT / "templates" / app).rglob("*.*")):
        for libraries in re.findall(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text()):
            for library in libraries.split():
                owner = TEMPLATE_TAG_LIBRARIES.get(library)
                if owner is not None and owner not in allowed:
                    violations.append(f"{path.relative_to(ROOT)} loads {library} ({owner})")

    assert violations == []


def test_the_rules_see_the_real_tree():
    """Guard against a rule that checks nothing: the apps and tag libraries are found."""
    assert {"navigation_tags", "document_tags", "event_tags"} <= set(TEMPLATE_TAG_LIBRARIES)
    assert all(any(True for _ in _modules(app)) for app in APPS)
