"""Site images under assets/: whether a file is there, and its intrinsic size read from its header."""

from __future__ import annotations

import pytest

from blog_app.core import settings
from blog_app.core.assets import image_size

ASSETS = settings.PROJECT_ROOT / "assets"


@pytest.mark.parametrize(
    ("src", "size"),
    [
        ("/blog/ag-grid.webp", (1200, 630)),
        ("/blog/post-pipeline.webp", (1200, 420)),  # a cover need not be 1200×630
        ("/blog/github-python_top_language_2024.webp", (1200, 675)),
        ("/og-default.png", (1200, 630)),
        ("/blog/ag-grid.webp?v=2", (1200, 630)),  # a query string names the same file
    ],
)
def test_the_shipped_images_sizes_are_read_from_their_files(src, size):
    assert image_size(src, ASSETS.resolve()) == size


@pytest.mark.parametrize(
    "src",
    [
        "",
        "/blog/not-there.webp",
        "https://example.com/cover.webp",  # remote: not ours to read
        "//example.com/cover.webp",
        "/../README.md",  # outside assets/
        "/blog/",  # a folder
    ],
)
def test_no_file_under_assets_has_no_size(src):
    assert image_size(src, ASSETS.resolve()) == (0, 0)


def test_a_file_whose_header_gives_no_size_has_none(tmp_path):
    (tmp_path / "broken.webp").write_bytes(b"RIFF\x00\x00")
    (tmp_path / "notes.png").write_text("not an image", encoding="utf-8")
    (tmp_path / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>', encoding="utf-8")
    for name in ("broken.webp", "notes.png", "icon.svg"):
        assert image_size(f"/{name}", tmp_path.resolve()) == (0, 0), name


def test_an_svg_with_pixel_sizes_has_them(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"/>', "utf-8")
    assert image_size("/logo.svg", tmp_path.resolve()) == (64, 32)
