"""Renders site/static/img/share.png, the picture link previews show (og:image), from the
site's own logo and name in Fira Sans, with Debian's Chromium. Run after changing the logo:

    .venv/bin/python scripts/make_share_image.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "site" / "static"

HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Fira Sans"; font-weight: 600;
  src: url("{fonts}/FiraSans-SemiBold.woff2") format("woff2"); }}
@font-face {{ font-family: "Fira Sans"; font-weight: 400;
  src: url("{fonts}/FiraSans-Regular.woff2") format("woff2"); }}
body {{ margin: 0; width: 1200px; height: 630px; display: flex; align-items: center;
  gap: 56px; padding: 0 96px; box-sizing: border-box; background: #f3f4f7;
  border-left: 24px solid #2044aa; font-family: "Fira Sans"; color: #171a2b; }}
img {{ width: 240px; height: 240px; }}
p {{ margin: 0; font-size: 40px; color: #4b4f63; }}
h1 {{ margin: 8px 0 0; font-size: 64px; font-weight: 600; line-height: 1.1; }}
</style></head><body><img src="{logo}" alt=""><div><p>Arbeitskreise der</p>
<h1>regiopolREGION PADERBORN</h1></div></body></html>"""


def main():
    fonts = (
        ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
    ).as_uri()
    page_html = HTML.format(fonts=fonts, logo=(STATIC / "img" / "logo.svg").as_uri())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        source = ROOT / "test-artifacts" / "share.html"
        source.parent.mkdir(exist_ok=True)
        source.write_text(page_html)
        page.goto(source.as_uri())
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(STATIC / "img" / "share.png"))
        browser.close()


if __name__ == "__main__":
    main()
