"""Where parsing a post spends its time: cProfile's own time per module, for the ingest table's notes."""

from __future__ import annotations

import collections
import cProfile
import pstats

from blog_app.content import parse_post
from harness.synthetic_posts import synthetic_post

POSTS = 30


def module_of(filename: str) -> str:
    """A short name for the code a profiled function lives in (a package, or the app's own file)."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/blog_app/" in filename:
        return "blog_app/" + filename.split("/blog_app/", 1)[1]
    return "built-ins and standard library" if filename.startswith(("/", "~", "<")) else filename


def parse_time_by_module(top: int = 4) -> str:
    """``mistletoe 55%, blog_app/content/body.py 15%, ...``: the largest shares of parse time."""
    texts = [synthetic_post(number).encode() for number in range(1, POSTS + 1)]
    profile = cProfile.Profile()
    profile.enable()
    for number, text in enumerate(texts):
        parse_post(f"post-{number}.md", text)
    profile.disable()
    own = collections.Counter()
    for (filename, _line, _name), (_calls, _primitive, tottime, _cum, _callers) in pstats.Stats(profile).stats.items():
        own[module_of(filename)] += tottime
    total = sum(own.values())
    return ", ".join(f"{module} {seconds / total:.0%}" for module, seconds in own.most_common(top))
