"""What the event websocket's guard lets through, drops or closes a socket for (frames as text)."""

from __future__ import annotations

import pytest

from blog_app.core.socket_guard import BURST, MAX_FRAME, TOO_BIG, Refused, _Socket, check_frame, client_address


@pytest.mark.parametrize("frame", ["2", "3", "6", "41/_event,", '43/_event,1["ok"]'])
def test_engine_io_and_socket_io_frames_without_an_event_pass(frame):
    assert check_frame(frame) is False


def test_a_ping_event_passes_and_counts_as_an_event():
    assert check_frame('42/_event,["ping"]') is True


@pytest.mark.parametrize(
    ("frame", "closes"),
    [
        ("xyz", True),
        ("", True),
        ("42/_event,[", True),
        ("45-/_event,[]", True),
        ('42/_event,["surprise",{}]', False),
        ('42/_event,["event","text"]', False),
        ('42/_event,["event",{"name":5}]', False),
    ],
)
def test_frames_no_browser_sends_are_refused(frame, closes):
    with pytest.raises(Refused) as refused:
        check_frame(frame)
    assert (refused.value.code is not None) is closes, "a socket is closed, or only the frame dropped"


def test_a_frame_over_the_limit_closes_the_socket_as_too_big():
    with pytest.raises(Refused) as refused:
        check_frame('42/_event,["ping","' + "a" * MAX_FRAME + '"]')
    assert refused.value.code == TOO_BIG


def test_events_beyond_the_burst_close_the_socket():
    socket = _Socket("127.0.0.1")
    ping = {"type": "websocket.receive", "text": '42/_event,["ping"]'}
    for _ in range(BURST):
        socket.admit(ping)
    with pytest.raises(Refused, match="faster than"):
        socket.admit(ping)


def test_a_socket_is_closed_after_repeated_refused_frames():
    socket = _Socket("127.0.0.1")
    odd = {"type": "websocket.receive", "text": '42/_event,["surprise",{}]'}
    codes = []
    for _ in range(10):
        with pytest.raises(Refused) as refused:
            socket.admit(odd)
        codes.append(refused.value.code)
    assert codes[:-1] == [None] * 9 and codes[-1] is not None


def scope(peer: str, forwarded: str | None = None) -> dict:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"client": (peer, 50000), "headers": headers}


def test_a_direct_client_is_counted_by_its_address():
    assert client_address(scope("203.0.113.5"), 0) == "203.0.113.5"


def test_readers_behind_a_proxy_nobody_declared_are_not_all_the_proxys_address():
    # Every reader arrives from the proxy; counting them as one client would refuse the 101st tab site-wide.
    first, second = (
        client_address(scope("10.0.0.2", "198.51.100.7"), 0),
        client_address(scope("10.0.0.2", "198.51.100.8"), 0),
    )
    assert first != second and first.startswith("10.0.0.2")


def test_behind_trusted_proxies_the_address_they_recorded_counts():
    assert client_address(scope("10.0.0.2", "6.6.6.6, 198.51.100.7"), 1) == "198.51.100.7"
    assert client_address(scope("10.0.0.2"), 1) == "10.0.0.2", "no header: the peer"
