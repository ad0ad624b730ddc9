"""The command's start-up runs with the cyclic collector paused, and the collector is back on
once the first item is done, in a forked worker, and never when it was off before."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

from doctrine.cli import startup
from doctrine.cli.progress import Ticker


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    startup._paused = False
    (gc.enable if was else gc.disable)()


def test_start_up_pauses_the_collector_until_started(collector: None) -> None:
    startup.starting()
    assert not gc.isenabled()
    startup.started()
    assert gc.isenabled()
    startup.started()
    assert gc.isenabled()


def test_a_collector_already_off_stays_off(collector: None) -> None:
    gc.disable()
    startup.starting()
    startup.started()
    assert not gc.isenabled()


def test_the_first_item_done_ends_the_start_up(collector: None) -> None:
    startup.starting()
    with Ticker("solving", total=2, quiet=True) as tick:
        assert not gc.isenabled()
        tick.advance()
        assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_worker_forked_during_start_up_runs_with_the_collector(collector: None) -> None:
    startup.starting()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, and leave at once
        os.write(write, b"1" if gc.isenabled() else b"0")
        os._exit(0)
    os.close(write)
    seen = os.read(read, 1)
    os.close(read)
    os.waitpid(pid, 0)
    assert seen == b"1"
    assert not gc.isenabled()  # the parent is still starting
    startup.started()
