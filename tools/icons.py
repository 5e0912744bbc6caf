"""Write the web app's PNG icons (192 and 512 px) from the same drawing as web/static/icon.svg:
a rounded teal square with a white chevron. Needs Pillow (not a dependency of Onward: install
it by hand, ``pip install pillow``). Run from the repository root: ``python -m tools.icons``.
The PNGs are committed; the browser installs the app with them (web/static/manifest.webmanifest).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

STATIC = Path(__file__).resolve().parents[1] / "src" / "onward" / "web" / "static"
SIZES = (192, 512)
TEAL = (31, 95, 91, 255)  # #1f5f5b, as in icon.svg
WHITE = (255, 255, 255, 255)
# icon.svg's drawing on its 32-unit grid: corner radius, chevron points, stroke width
RADIUS, CHEVRON, STROKE = 7, ((9, 20), (16, 11), (23, 20)), 3
SUPERSAMPLE = 4  # drawn larger, then scaled down: smooth edges without anti-aliasing support


def draw(size: int) -> Image:
    """The icon as a Pillow image of ``size`` x ``size`` pixels."""
    from PIL import Image, ImageDraw

    big = size * SUPERSAMPLE
    unit = big / 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(RADIUS * unit), fill=TEAL)
    points = [(x * unit, y * unit) for x, y in CHEVRON]
    width = round(STROKE * unit)
    pen.line(points, fill=WHITE, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps, as stroke-linecap="round"
        r = width / 2
        pen.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("tools.icons needs Pillow: pip install pillow", file=sys.stderr)
        return 1
    for size in SIZES:
        path = STATIC / f"icon-{size}.png"
        draw(size).save(path, optimize=True)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
