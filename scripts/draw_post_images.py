"""Draw the images the shipped posts use, into assets/blog/ (run once; the outputs are committed).

Not part of the app: it needs matplotlib and Pillow, which the app does not depend on::

    .tools/uv/bin/uv run --no-project --with matplotlib==3.10.7 --with pillow==12.0.0 \
        python scripts/draw_post_images.py

The chart's figures are GitHub's published Octoverse rankings of languages by number of
contributors (reports for 2019 to 2024).
"""

from __future__ import annotations

import io
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "blog"
FONT_DIR = pathlib.Path("/usr/share/fonts/truetype")
COVER_SIZE = (1200, 630)  # the Open Graph image shape, so covers double as share images
INDIGO = (53, 56, 158)
VIOLET = (110, 86, 207)

YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
# Octoverse rank by contributors; 1 is the most used language.
RANKS = {
    "Python": [2, 2, 2, 2, 2, 1],
    "JavaScript": [1, 1, 1, 1, 1, 2],
    "TypeScript": [7, 4, 4, 4, 3, 3],
    "Java": [3, 3, 3, 3, 4, 4],
    "C#": [5, 5, 5, 5, 5, 5],
    "PHP": [4, 6, 6, 7, 7, 7],
}
FRAMEWORKS = ["Reflex", "FastAPI", "Django", "Flask", "Streamlit", "Gradio", "Dash"]


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A TrueType font from the system font folder."""
    return ImageFont.truetype(str(next(FONT_DIR.rglob(name))), size)


def gradient(size: tuple[int, int], start: tuple[int, int, int], end: tuple[int, int, int]) -> Image.Image:
    """A diagonal two-colour gradient, from the top left to the bottom right."""
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90).transpose(Image.Transpose.FLIP_LEFT_RIGHT).resize(size)
    mask = Image.blend(vertical, horizontal, 0.5)
    base = Image.new("RGB", size, start)
    base.paste(Image.new("RGB", size, end), (0, 0), mask)
    return base


def draw_cover_frameworks() -> Image.Image:
    """The seed post's cover: its title over a grid of the seven frameworks it compares."""
    image = gradient(COVER_SIZE, (24, 24, 60), INDIGO)
    draw = ImageDraw.Draw(image, "RGBA")
    for x in range(0, COVER_SIZE[0], 40):  # a faint dot grid
        for y in range(0, COVER_SIZE[1], 40):
            draw.ellipse([x - 1, y - 1, x + 1, y + 1], fill=(255, 255, 255, 28))
    draw.text((72, 70), "PYTHON WEB FRAMEWORKS · 2024", font=font("LiberationSans-Bold.ttf", 26), fill=(190, 190, 255))
    title = font("LiberationSans-Bold.ttf", 60)
    draw.text((72, 118), "The top Python frameworks", font=title, fill="white")
    draw.text((72, 188), "for building web apps", font=title, fill="white")
    tile_font = font("LiberationSans-Bold.ttf", 30)
    positions = [(72 + col * 262, 330 + row * 112) for row in range(2) for col in range(4)]
    for (x, y), name in zip(positions, FRAMEWORKS, strict=False):
        highlight = name == "Reflex"
        fill = (*VIOLET, 255) if highlight else (255, 255, 255, 26)
        draw.rounded_rectangle([x, y, x + 240, y + 90], radius=18, fill=fill, outline=(255, 255, 255, 70), width=2)
        draw.text((x + 120, y + 45), name, font=tile_font, fill="white", anchor="mm")
    x, y = positions[-1]
    draw.text(
        (x + 120, y + 45), "pros · cons", font=font("LiberationSans-Italic.ttf", 28), fill=(200, 200, 255), anchor="mm"
    )
    return image


def draw_cover_writing() -> Image.Image:
    """The authoring guide's cover: a Markdown file with its front matter."""
    image = gradient(COVER_SIZE, (18, 52, 64), (26, 110, 110))
    shadow = Image.new("RGBA", COVER_SIZE, (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rounded_rectangle([652, 92, 1132, 572], radius=24, fill=(0, 0, 0, 110))
    image.paste(shadow.filter(ImageFilter.GaussianBlur(18)), (0, 0), shadow.filter(ImageFilter.GaussianBlur(18)))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.text((72, 120), "AUTHORING GUIDE", font=font("LiberationSans-Bold.ttf", 26), fill=(170, 235, 225))
    title = font("LiberationSans-Bold.ttf", 64)
    draw.text((72, 170), "Writing posts", font=title, fill="white")
    draw.text((72, 250), "for this blog", font=title, fill="white")
    draw.text(
        (72, 360),
        "Front matter, Markdown, code,\nimages that zoom, and what\nthe site refuses.",
        font=font("LiberationSans-Regular.ttf", 30),
        fill=(215, 240, 236),
        spacing=10,
    )
    draw.rounded_rectangle([640, 80, 1120, 560], radius=24, fill=(250, 250, 247))
    mono = font("DejaVuSansMono.ttf", 24)
    lines = [
        ("---", (150, 150, 150)),
        ("title: My post", (30, 110, 110)),
        ("author: Ada", (30, 110, 110)),
        ("date: 2026-11-20", (30, 110, 110)),
        ("tags: [python]", (30, 110, 110)),
        ("---", (150, 150, 150)),
        ("", (0, 0, 0)),
        ("## A heading", (110, 86, 207)),
        ("", (0, 0, 0)),
        ("Some **bold** text", (40, 40, 40)),
        ("and a `snippet`.", (40, 40, 40)),
        ("![chart](/blog/x.webp)", (190, 90, 40)),
    ]
    for number, (text, color) in enumerate(lines):
        draw.text((676, 112 + number * 36), text, font=mono, fill=color)
    return image


def draw_language_chart() -> Image.Image:
    """A bump chart: the most used languages on GitHub by year, Python highlighted."""
    plt.rcParams.update({"font.family": "Liberation Sans", "font.size": 13})
    figure, axes = plt.subplots(figsize=(12, 6.75), dpi=100)
    figure.patch.set_facecolor("white")
    for language, ranks in RANKS.items():
        main = language == "Python"
        color = "#3b5bdb" if main else ("#e8590c" if language == "JavaScript" else "#adb5bd")
        axes.plot(
            YEARS,
            ranks,
            color=color,
            linewidth=5 if main else 2.5,
            marker="o",
            markersize=11 if main else 7,
            zorder=3 if main else 2,
        )
        axes.annotate(
            language,
            (YEARS[-1], ranks[-1]),
            xytext=(14, 0),
            textcoords="offset points",
            va="center",
            fontsize=16 if main else 13,
            fontweight="bold" if main else "normal",
            color=color if color != "#adb5bd" else "#495057",
        )
    axes.set_ylim(7.6, 0.4)
    axes.set_yticks(range(1, 8), [f"#{rank}" for rank in range(1, 8)])
    axes.set_xticks(YEARS, [str(year) for year in YEARS])
    axes.set_xlim(YEARS[0] - 0.3, YEARS[-1] + 1.1)
    for side in ("top", "right", "left", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(length=0, labelsize=13, colors="#495057")
    axes.grid(axis="y", color="#f1f3f5", linewidth=1.2)
    figure.text(
        0.06,
        0.93,
        "Python became the most used language on GitHub in 2024",
        fontsize=22,
        fontweight="bold",
        color="#212529",
    )
    figure.text(
        0.06, 0.875, "Rank by number of contributors, GitHub Octoverse reports 2019–2024", fontsize=14, color="#495057"
    )
    figure.subplots_adjust(left=0.08, right=0.97, top=0.82, bottom=0.08)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return Image.open(buffer).convert("RGB")


def draw_pipeline_diagram() -> Image.Image:
    """How a post travels: Markdown file, parser, database, page."""
    image = Image.new("RGB", (1200, 420), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    steps = [
        ("content/*.md", "Markdown + front matter"),
        ("parse", "mistletoe → segments"),
        ("ingest", "one transaction"),
        ("database", "SQLite / PostgreSQL"),
        ("page", "Reflex state → React"),
    ]
    label, note = font("LiberationSans-Bold.ttf", 26), font("LiberationSans-Regular.ttf", 17)
    draw.text(
        (600, 52),
        "How a post reaches a reader",
        font=font("LiberationSans-Bold.ttf", 32),
        fill=(33, 37, 41),
        anchor="mm",
    )
    width, gap, top = 206, 28, 150
    for number, (title, detail) in enumerate(steps):
        x = 30 + number * (width + gap)
        fill = (235, 238, 255) if number in (1, 2) else (246, 247, 249)
        draw.rounded_rectangle([x, top, x + width, top + 150], radius=18, fill=fill, outline=(190, 196, 230), width=2)
        draw.text((x + width / 2, top + 58), title, font=label, fill=(53, 56, 158), anchor="mm")
        draw.text((x + width / 2, top + 100), detail, font=note, fill=(73, 80, 87), anchor="mm")
        if number < len(steps) - 1:
            ax = x + width + 6
            draw.line([ax, top + 75, ax + gap - 12, top + 75], fill=(134, 142, 150), width=4)
            draw.polygon(
                [(ax + gap - 12, top + 66), (ax + gap - 2, top + 75), (ax + gap - 12, top + 84)], fill=(134, 142, 150)
            )
    draw.text(
        (600, 360),
        "Parsing happens once, at ingest; the page renders stored segments.",
        font=note,
        fill=(73, 80, 87),
        anchor="mm",
    )
    return image


def main() -> None:
    """Write every image as WebP."""
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "ag-grid.webp": draw_cover_frameworks(),
        "writing-posts.webp": draw_cover_writing(),
        "github-python_top_language_2024.webp": draw_language_chart(),
        "post-pipeline.webp": draw_pipeline_diagram(),
    }
    for name, image in outputs.items():
        image.save(OUT / name, "WEBP", quality=88, method=6)
        print(f"wrote assets/blog/{name} {image.size[0]}x{image.size[1]}")


if __name__ == "__main__":
    main()
