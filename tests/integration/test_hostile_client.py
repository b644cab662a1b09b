"""A hostile client degrades nothing for the others (``blog_app/core/socket_guard.py``).

While twenty readers click through posts and the explorer of a production backend, one client
sends frames that are not Engine.IO, events for handlers that do not exist or are private,
payloads that do not fit, acts with a live reader's token, sends 1 MB frames, opens 300 sockets at
once and floods events as fast as its socket takes them (``harness/hostile.py``; bounded, loopback
only). The readers still get every answer right, the server logs no traceback, the guard closes or
refuses what it must, and the server's memory comes back to its level. Latencies are the
benchmark's (``python -m bench.hostile``), never asserted here.
"""

from __future__ import annotations

import gc
import time

import pytest

from blog_app.core import socket_guard
from harness.hostile import MALFORMED, SHIPPED_GUARD, SOCKETS, Attack, in_background
from harness.load import new_run_id, reader_token, run_load
from harness.readers import READER_ACTIONS, served_site
from harness.server_sampler import MemorySampler

READERS, SECONDS, ATTACK_AFTER = 20, 20, 4
# One client may hold this many sockets; the readers come from the same address, and count.
CAP = socket_guard.MAX_SOCKETS_PER_CLIENT
# The accepted sockets' tab states stay until they expire, as any closed tab's do: at most CAP of
# them at about 65 kB of RSS each. Keeping the 300 sockets themselves (about 180 kB each in the
# ASGI server while open) would add some 54 MB.
MEMORY_BACK_WITHIN = socket_guard.MAX_SOCKETS_PER_CLIENT * 65e3 + 15e6


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    """The readers' run, the attack's outcomes, the server's log and its memory before and after."""
    with served_site(tmp_path_factory.mktemp("hostile"), 20, **SHIPPED_GUARD) as site:
        run_load(site, 5, 2, READER_ACTIONS, think=0.2)  # caches filled before memory is read
        memory = MemorySampler([site.app.popen.pid])
        before, log_start = memory.rss(), len(site.app.log())
        run_id = new_run_id()
        attack = Attack(site.app.url, reader_token(run_id, 0))
        attacker = in_background(attack, ATTACK_AFTER)
        run = run_load(site, READERS, SECONDS, READER_ACTIONS, think=0.5, run_id=run_id)
        attacker.join(120)
        gc.collect()
        time.sleep(2)  # closed sockets are cleaned up after their tasks end
        yield site, run, attack.outcomes, site.app.log()[log_start:], before, memory.rss()


def test_the_readers_get_every_answer_right_during_the_attack(attacked):
    _, run, _, log, _, _ = attacked
    assert dict(run.results.failures) == {}, log[-4000:]
    assert sorted(run.results.completed_by) == list(range(READERS)), "every reader acted"
    assert run.actions >= READERS * 5


def test_nothing_is_logged_as_an_unhandled_exception(attacked):
    _, _, _, log, _, _ = attacked
    assert "Traceback" not in log and "Backend Exception" not in log, log[-4000:]
    assert "socket guard: " in log, "the guard says what it refused"


def test_the_guard_closes_or_refuses_what_it_must(attacked):
    _, _, outcomes, _, _, _ = attacked
    assert outcomes["malformed frame: closed by the server"] == len(MALFORMED), outcomes
    assert outcomes["unknown or private events: closed by the server"] == 1, outcomes
    assert outcomes["1 MB frame: closed by the server"] == 3, outcomes
    assert outcomes["flood: closed by the server"] == 1, outcomes
    assert 0 < outcomes["many sockets: accepted"] <= CAP, outcomes
    assert outcomes["many sockets: accepted"] + outcomes["many sockets: refused"] == SOCKETS
    assert outcomes["stolen token: given a new token"] == 1, outcomes


def test_the_servers_memory_comes_back(attacked):
    _, _, _, _, before, after = attacked
    assert after - before < MEMORY_BACK_WITHIN, f"{before / 1e6:.0f} MB before, {after / 1e6:.0f} MB after"
