"""Fira Sans cut down to the characters a German site writes (`make fonts`).

KERN ships each Fira Sans weight with Latin, Greek and Cyrillic, 130–140 KB apiece; the four
faces the design uses (regular, italic, medium, semibold) were 531 KiB of a 590 KiB page. The
subsets keep Latin with its extensions (names from neighbouring countries), the typographic
punctuation German uses („…“, –, …) and the euro sign, with all layout features, and are
written to site/static/fonts/ (committed; the fonts are under the SIL Open Font License, which
allows subsetting). `tests/home/test_fonts.py` checks that every character of the site's
texts is in them.
"""

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
TARGET = ROOT / "site" / "static" / "fonts"

FACES = {
    "FiraSans-Regular.woff2": "fira-sans-regular.woff2",
    "FiraSans-Italic.woff2": "fira-sans-italic.woff2",
    "FiraSans-Medium.woff2": "fira-sans-medium.woff2",
    "FiraSans-SemiBold.woff2": "fira-sans-semibold.woff2",
}

# Basic Latin, Latin-1, Latin Extended-A, general punctuation, euro, arrows and a few symbols:
# the "latin" and "latin-ext" ranges web font services use, without Vietnamese.
UNICODE_RANGES = [
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x0192, 0x0192),
    (0x02C6, 0x02C7),
    (0x02DA, 0x02DC),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x2044, 0x2044),
    (0x20AC, 0x20AC),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
    (0xFFFD, 0xFFFD),
]
UNICODE_RANGE_CSS = ", ".join(
    f"U+{start:04X}" if start == end else f"U+{start:04X}-{end:04X}"
    for start, end in UNICODE_RANGES
)


def subset_face(source, target):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # kerning, ligatures, numerals: the text keeps its look
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(
        unicodes=[code for start, end in UNICODE_RANGES for code in range(start, end + 1)]
    )
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    for source_name, target_name in FACES.items():
        source, target = SOURCE / source_name, TARGET / target_name
        subset_face(source, target)
        before, after = source.stat().st_size // 1024, target.stat().st_size // 1024
        print(f"{target_name}: {before} KB → {after} KB")
    print(f"unicode-range: {UNICODE_RANGE_CSS}")


if __name__ == "__main__":
    main()
