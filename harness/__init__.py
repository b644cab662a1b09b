"""Drives the real app from outside, for the tests and the benchmarks alike.

App processes, the machine's services (PostgreSQL, Redis), headless Chromium, a Socket.IO client
that speaks Reflex's protocol, readers that click through the site, and synthetic posts. The
tests (tests/) and the benchmarks (bench/) both import from here and never from each other.
"""
