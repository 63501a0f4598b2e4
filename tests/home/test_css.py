"""The site loads only the KERN rules it uses, and never lacks one it uses."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
KERN_FULL = ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "kern.min.css"
KERN_USED = ROOT / "site" / "static" / "css" / "kern-used.css"
SOURCES = [
    *(ROOT / "templates").rglob("*.html"),
    *(path for app in ("operations", "home", "documents", "workgroups", "registrations", "board",
                       "notifications", "demo")
      for path in (ROOT / app).rglob("*.py")),
]  # fmt: skip
CLASS = re.compile(r"\bkern-[a-z0-9]+(?:[_-]{1,2}[a-z0-9]+)*\b")


def _classes_in_css(css):
    return set(re.findall(r"\.(kern-[a-z0-9_-]+)", css))


def _selectors(css):
    for selectors in re.findall(r"([^{}@]+)\{", css):
        yield from (selector.strip() for selector in selectors.split(","))


def test_every_kern_rule_the_site_uses_is_in_the_cut_down_stylesheet():
    """A KERN selector whose classes all occur in templates or code must be kept."""
    kept = set(_selectors(KERN_USED.read_text()))
    used = {name for path in SOURCES for name in CLASS.findall(path.read_text())}

    missing = sorted(
        selector
        for selector in _selectors(KERN_FULL.read_text())
        if (classes := _classes_in_css(selector))
        and classes <= used
        and ":is(" not in selector
        and "[" not in selector  # attribute selectors are judged by the attributes used
        and selector not in kept
    )

    assert missing == [], f"`make css` ausführen: {missing[:10]}"


def test_the_cut_down_stylesheet_is_a_fraction_of_kerns():
    assert KERN_USED.stat().st_size < KERN_FULL.stat().st_size / 3


def test_every_design_token_the_kept_rules_read_is_defined():
    css = KERN_USED.read_text()
    own_css = "".join(
        (ROOT / "site" / "static" / "css" / f"{name}.css").read_text()
        for name in ("site", "print", "embed", "fonts")
    )
    defined = set(re.findall(r"(--kern-[a-z0-9-]+)\s*:", KERN_FULL.read_text()))
    kept = set(re.findall(r"(--kern-[a-z0-9-]+)\s*:", css))
    read = set(re.findall(r"var\((--kern-[a-z0-9-]+)", css + own_css))

    assert sorted((read & defined) - kept) == []
