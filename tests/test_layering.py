"""The layers stay in order: the machinery (operations), the site's base (home), the shared
terms (taxonomy), then documents, workgroups, the OParl interface (oparl), registrations, the
board, the notifications, and the demo on top.

Read from the source (imports, also those inside functions) and from the templates' ``{% load %}``
tags, so a shortcut upwards fails here before it becomes a cycle. Every app is listed and none
is exempt; ``config`` only wires the apps together.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "operations",
    "home",
    "taxonomy",
    "documents",
    "workgroups",
    "oparl",
    "registrations",
    "board",
    "notifications",
    "demo",
]
# The demo only builds content; every other app has models.
APPS_WITH_MODELS = [app for app in APPS if app != "demo"]
# What each app must never import: the layers above it, and the project's wiring.
FORBIDDEN = {app: {*APPS[index + 1 :], "config"} for index, app in enumerate(APPS)}
TEMPLATE_TAG_LIBRARIES = {
    path.stem: path.parent.parent.name
    for app in APPS
    for path in (ROOT / app / "templatetags").glob("*_tags.py")
}


def _modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        yield path


def _imported_modules(path):
    """Every absolute module ``path`` imports (``import a.b`` and ``from a.b import c``)."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def _imported_top_level_packages(path):
    for module, line in _imported_modules(path):
        yield module.split(".")[0], line


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


def _module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_imports(path):
    """Project modules ``path`` imports at load time, each with the packages it runs through.

    Importing ``a.b.c`` runs ``a/__init__.py`` and ``a/b/__init__.py`` first; those count,
    except the packages the importing module itself lives in (they are already running).
    """
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in tree.body:  # module level only: what runs when the module is imported
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            target, names = "", [alias.name for alias in node.names]
        else:
            continue
        for name in [target, *names]:
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                candidate = ".".join(parts[:end])
                own_package = module == candidate or module.startswith(f"{candidate}.")
                if candidate.split(".")[0] in APPS and not own_package:
                    yield candidate


def test_no_import_cycles():
    graph = _load_time_graph()
    cycles = []

    def visit(name, trail):
        if name in trail:
            cycles.append(" → ".join([*trail[trail.index(name) :], name]))
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        done.add(name)

    done = set()
    for name in sorted(graph):
        visit(name, [])

    assert cycles == []


# Modules that answer requests or take input: views (also the admin's and the API's), forms,
# feeds and calendars. Models sit below them, so a view may use any model and a model never
# waits for a view to load (routes: operations/subpage_routes.py; admin forms: AppConfig.ready()).
REQUEST_MODULES = {"views", "admin_views", "api", "forms", "page_forms", "submissions"}
REQUEST_MODULES |= {"feeds", "calendar"}


def _load_time_graph():
    modules = {_module_name(path): path for app in APPS for path in _modules(app)}
    return {
        name: {target for target in _project_imports(path) if target in modules}
        for name, path in modules.items()
    }


def _reachable(graph, start):
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    return seen


@pytest.mark.parametrize("app", APPS_WITH_MODELS)
def test_models_load_no_view_form_feed_or_calendar_module(app):
    graph = _load_time_graph()
    loaded = _reachable(graph, f"{app}.models")
    request_modules = sorted(name for name in loaded if name.rpartition(".")[2] in REQUEST_MODULES)

    assert f"{app}.models" in graph
    assert request_modules == []


def test_the_request_modules_exist():
    """Guard against a rule that checks nothing: each named kind of module is in the tree."""
    names = {name.rpartition(".")[2] for name in _load_time_graph()}
    assert names >= REQUEST_MODULES


def test_the_board_needs_nothing_of_the_working_groups():
    """The board keeps its own room: the topics, municipalities and districts it shares with
    the working groups are ``taxonomy``'s, what else both need lives in ``home`` or
    ``operations``."""
    borrowed = {
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in _modules("board")
        for module, line in _imported_modules(path)
        if module.split(".")[0] == "workgroups"
    }

    assert borrowed == set()


def test_no_model_is_looked_up_by_name_to_dodge_an_import():
    """``apps.get_model()`` outside migrations would be an import cycle hidden from the rules
    above; the board's entry preview once found its page that way."""
    lookups = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in _modules(app)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "get_model(" in line
    ]

    assert lookups == []
