"""Lighthouse on a phone (its mobile defaults: simulated slow 4G, 4x CPU slowdown) and on a desktop.

This app's three kinds of page, serving the shipped content/, beside the blank Reflex app
(bench/blank_app, one line of prerendered text): the floor any Reflex page pays. Lighthouse
13.5 from the npm registry (``scripts/bench`` installs it into .tools/lighthouse) drives
Debian's Chromium; each mobile figure is the median of ``RUNS`` runs.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess

from bench import prod_site
from bench.table import Table
from harness.browser import CHROMIUM_FLAGS, chromium_paths

RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
PAGES = {
    "`/`": "/",
    "`/blog/top-python-web-frameworks-2024`": "/blog/top-python-web-frameworks-2024",
    "`/frameworks/`": "/frameworks/",
}
GOOD_CLS = 0.1  # Core Web Vitals' "good"


def lighthouse(url: str, desktop: bool = False) -> dict:
    """One Lighthouse run: category scores (0-100) and metric values (ms; CLS unitless)."""
    cli = os.environ.get("LIGHTHOUSE_CLI") or shutil.which("lighthouse")
    if not cli:
        raise RuntimeError("Lighthouse is not installed: run scripts/bench, which installs it")
    binary, _driver = chromium_paths()
    command = ["node", cli] if cli.endswith(".js") else [cli]
    command += [
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-path={binary}",
        "--chrome-flags="
        + " ".join(flag for flag in CHROMIUM_FLAGS if not flag.startswith("--headless"))
        + " --headless=new",
        "--only-categories=" + ",".join(CATEGORIES),
        *(["--preset=desktop"] if desktop else []),
    ]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True, timeout=300).stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {label: report["audits"][audit]["numericValue"] for label, audit in METRICS.items()}
    return {**scores, **metrics}


def median_run(url: str, runs: int) -> dict:
    """The median of each figure over ``runs`` mobile runs."""
    results = [lighthouse(url) for _ in range(runs)]
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def bench_lighthouse(sizes: list[int]) -> Table:
    """Lighthouse's mobile and desktop scores of the post, index and explorer pages, and the blank app's."""
    runs = RUNS if max(sizes) >= 1000 else 1
    site, blank = prod_site.seed_site(), prod_site.blank_site()
    urls = {label: site.app.url + path for label, path in PAGES.items()}
    urls["blank Reflex app `/` (the floor)"] = blank.app.url + "/"
    mobile = {label: median_run(url, runs) for label, url in urls.items()}
    desktop = {label: lighthouse(url, desktop=True)["performance"] for label, url in urls.items()}
    table = Table(
        "Lighthouse: mobile defaults (slow 4G, 4x CPU), shipped content",
        ["page", "mobile perf", "FCP", "LCP", "TBT", "CLS", "SI", "desktop perf", "a11y / BP / SEO"],
    )
    for label, result in mobile.items():
        table.add(
            label,
            f"{result['performance']:.0f}",
            *(f"{result[name] / 1000:.1f} s" for name in ("FCP", "LCP")),
            f"{result['TBT']:.0f} ms",
            f"{result['CLS']:.3f}",
            f"{result['SI'] / 1000:.1f} s",
            f"{desktop[label]:.0f}",
            f"{result['accessibility']:.0f} / {result['best-practices']:.0f} / {result['seo']:.0f}",
        )
    _targets(table, {label: mobile[label] for label in PAGES}, mobile[list(urls)[-1]])
    table.notes.append(
        f"Mobile: median of {runs} Lighthouse 13.5 run(s) per page (Lighthouse's own simulated throttling); desktop: "
        "one run with `--preset=desktop`. The blank app is a production build of one line of text."
    )
    return table


def _targets(table: Table, pages: dict[str, dict], blank: dict) -> None:
    worst_lcp = max(result["LCP"] for result in pages.values())
    ratio = worst_lcp / blank["LCP"]
    table.target(
        "Lighthouse mobile: slowest page's LCP vs the blank Reflex app's",
        "<= 1.0x",
        f"{ratio:.2f}x",
        ratio <= 1.0,
        f"{ratio:.2f}x the blank app",
    )
    worst_cls = max(result["CLS"] for result in pages.values())
    table.target(
        "Lighthouse mobile: largest CLS of the three pages",
        f"<= {GOOD_CLS}",
        f"{worst_cls:.3f}",
        worst_cls <= GOOD_CLS,
        f"{worst_cls:.3f}",
    )
    lowest = min(min(result[name] for name in CATEGORIES[1:]) for result in pages.values())
    table.target(
        "Lighthouse: accessibility, best practices, SEO on every page",
        "100",
        f"{lowest:.0f}",
        lowest >= 100,
        f"lowest {lowest:.0f}",
    )
