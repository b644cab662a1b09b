"""Helpers only the tests use: the frozen fixture posts, the e2e sites, page helpers, HTML safety checks.

What benchmarks share with the tests (app processes, services, browser, websocket client, synthetic
posts) lives in the top-level ``harness`` package, which both may import.
"""
