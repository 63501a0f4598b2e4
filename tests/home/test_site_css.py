"""site.css is built from css/components/ by `make css` and never edited by hand."""

import importlib.util
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_site_css", ROOT / "scripts" / "build_site_css.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_css_is_exactly_what_the_components_build():
    script = _build_script()

    committed = script.OUTPUT.read_text(encoding="utf-8")

    assert committed == script.build(), (
        "site.css passt nicht zu css/components/: `make css` ausführen "
        "(Änderungen gehören in die Komponenten-Dateien, nicht von Hand in site.css)."
    )


def test_every_component_name_fixes_its_place_in_the_cascade():
    names = sorted(path.name for path in _build_script().COMPONENTS.glob("*.css"))

    assert names
    assert [name for name in names if not re.fullmatch(r"\d\d-[a-z0-9-]+\.css", name)] == []
