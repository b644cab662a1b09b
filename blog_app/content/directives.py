"""Read flexdown-style ``python exec`` / ``python eval`` blocks as data, never running them."""

from __future__ import annotations

import ast
import pathlib

from blog_app.content.diagnostics import Diagnostic
from blog_app.content.sanitize import is_safe_image_src
from blog_app.content.segments import Segment

ALLOWED_IMPORTS = {"reflex": "rx", "reflex_image_zoom": "image_zoom"}
IMAGE_CALLS = {"rx.image", "image"}
ZOOM_CALLS = {"image_zoom", "reflex_image_zoom.image_zoom"}
DIRECTIVE_LANGUAGES = {"python exec", "python eval"}


def is_directive(info: str) -> bool:
    """Whether a code fence info string marks a directive block."""
    return " ".join(info.split()) in DIRECTIVE_LANGUAGES


def read_directive(path: str, line: int, info: str, source: str) -> Segment | Diagnostic | None:
    """Turn one directive block into a segment, a refusal, or nothing.

    Args:
        path: The file, for diagnostics.
        line: File line of the opening fence.
        info: The fence info string (``python exec`` or ``python eval``).
        source: The block's code, which is parsed but never executed.

    Returns:
        ``None`` for an allowed ``exec`` block (imports only), an image
        ``Segment`` for a known ``eval`` directive, else a warning.
    """
    try:
        tree = ast.parse(source, mode="exec" if info.split()[-1] == "exec" else "eval")
    except SyntaxError as exc:
        return _refuse(path, line + (exc.lineno or 1), f"{info} block is not valid Python: {exc.msg}")
    if isinstance(tree, ast.Module):
        return _check_imports(path, line, tree)
    return _image_directive(path, line, tree.body)


def _refuse(path: str, line: int, reason: str) -> Diagnostic:
    return Diagnostic(path, line, f"{reason}; the block was not run and is left out of the page", "warning")


def _check_imports(path: str, line: int, tree: ast.Module) -> Diagnostic | None:
    """An exec block may only import reflex and reflex_image_zoom names."""
    allowed = ", ".join(sorted(ALLOWED_IMPORTS))
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            modules = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom):
            modules = [statement.module or ""]
        else:
            return _refuse(path, line + statement.lineno, f"python exec blocks may only import {allowed}")
        if any(module not in ALLOWED_IMPORTS for module in modules):
            return _refuse(
                path, line + statement.lineno, f"python exec blocks may only import {allowed}, not {', '.join(modules)}"
            )
    return None


def _image_directive(path: str, line: int, node: ast.expr) -> Segment | Diagnostic:
    """``image_zoom(rx.image(src=...))`` or ``rx.image(src=...)`` with literal arguments."""
    known = "image_zoom(rx.image(src=...)) or rx.image(src=...)"
    if isinstance(node, ast.Call) and _call_name(node) in ZOOM_CALLS and len(node.args) == 1 and not node.keywords:
        node = node.args[0]
    if not (isinstance(node, ast.Call) and _call_name(node) in IMAGE_CALLS) or node.args:
        return _refuse(path, line + 1, f"unknown directive in python eval block: expected {known}")
    try:
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    except ValueError:
        return _refuse(path, line + 1, "python eval directive arguments must be literal values")
    src = kwargs.get("src")
    if not isinstance(src, str) or not is_safe_image_src(src):
        return _refuse(path, line + 1, f"image src must be a site path or http(s) URL, not {src!r}")
    alt = kwargs.get("alt")
    return Segment(
        kind="image",
        src=src,
        alt=alt if isinstance(alt, str) and alt.strip() else alt_from_src(src),
        caption=str(kwargs.get("caption") or ""),
        line=line,
    )


def _call_name(call: ast.Call) -> str:
    """Dotted name of a call's function (``rx.image``), or '' when it is not a plain name."""
    parts: list[str] = []
    func = call.func
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name):
        return ""
    parts.append(func.id)
    return ".".join(reversed(parts))


def alt_from_src(src: str) -> str:
    """A readable fallback alt text from an image file name.

    Args:
        src: The image path or URL.

    Returns:
        ``"Github python top language 2024"`` for ``/blog/github-python_top_language_2024.webp``.
    """
    stem = pathlib.PurePosixPath(src.split("?")[0]).stem
    words = " ".join(stem.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else "Image"
