"""A batch loses nothing: a case that raises, a worker that dies and a case that hangs each come
back as `Failed` in their place, and every other case is decided (issue 15, defect 4).

The work functions below stand in for the solver: one kills its worker process on a marked item,
one hangs on it, as a crashed or stopped worker would; they live only in this test module."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from doctrine.engine.batch import Failed, stream_chunks

ROOT = Path(__file__).resolve().parents[2]


def _nothing() -> None:
    pass


def _kills_its_worker(chunk: list[int]) -> list[int]:
    if -1 in chunk:
        os._exit(9)  # as `kill -9` would
    return [x * 10 for x in chunk]


def _hangs(chunk: list[int]) -> list[int]:
    if -1 in chunk:
        time.sleep(3600)
    return [x * 10 for x in chunk]


def _raises(chunk: list[int]) -> list[int]:
    if -1 in chunk:
        raise ValueError("bad case")
    return [x * 10 for x in chunk]


ITEMS = [*range(0, 20), -1, *range(20, 40)]
EXPECTED = [x * 10 for x in ITEMS if x != -1]


def _split(results: list[object]) -> tuple[list[object], list[Failed[int]]]:
    return [r for r in results if not isinstance(r, Failed)], [r for r in results if isinstance(r, Failed)]


def test_a_killed_worker_loses_no_result() -> None:
    results = list(stream_chunks(ITEMS, _kills_its_worker, 2, _nothing, (), chunk_size=7, timeout=30))
    good, [failed] = _split(results)
    assert good == EXPECTED
    assert failed.item == -1 and "died" in failed.reason
    assert results[ITEMS.index(-1)] is failed  # in its place


def test_a_hanging_case_is_a_reported_failure() -> None:
    results = list(stream_chunks(ITEMS, _hangs, 2, _nothing, (), chunk_size=7, timeout=0.5))
    good, [failed] = _split(results)
    assert good == EXPECTED
    assert failed.item == -1 and "time limit" in failed.reason


def test_a_case_that_raises_is_reported_in_process_and_in_workers() -> None:
    for workers in (1, 2):
        good, [failed] = _split(list(stream_chunks(ITEMS, _raises, workers, _nothing, (), chunk_size=7)))
        assert good == EXPECTED
        assert "ValueError: bad case" in failed.reason


def test_a_hang_in_process_is_a_reported_failure() -> None:
    good, [failed] = _split(list(stream_chunks(ITEMS, _hangs, 1, _nothing, (), chunk_size=7, timeout=0.5)))
    assert good == EXPECTED and "time limit" in failed.reason


def test_a_directory_with_a_bad_case_decides_every_good_one(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import json

    for name in ("wade", "king", "billings"):
        shutil.copy(ROOT / "scenarios" / f"{name}.case", tmp_path)
    (tmp_path / "bad.case").write_text("case bad\n  court nowhere\nend\n", encoding="utf-8")
    code, out, err = cli("run", str(tmp_path), "--format", "json")
    assert code == 2
    assert sorted(r["case"] for r in json.loads(out)["results"]) == ["billings", "king", "wade"]
    assert "bad.case:2:9" in err
    code, out, err = cli("test", str(tmp_path))
    assert code == 2
    assert "3 passed" in out and "bad.case:2:9" in err


def _times_ten(chunk: list[int]) -> list[int]:
    return [x * 10 for x in chunk]


def test_a_fast_stream_is_read_to_its_end() -> None:
    """Workers that finish everything in flight before the parent reads more must not end the
    stream early (the parent once returned when every item read so far was done)."""
    items = list(range(300))
    for _ in range(5):
        assert list(stream_chunks(items, _times_ten, 2, _nothing, (), chunk_size=1)) == [x * 10 for x in items]


def _with_chunk_size(chunk: list[int]) -> list[tuple[int, int]]:
    return [(x, len(chunk)) for x in chunk]


def test_a_chunk_is_done_in_one_call_when_nothing_fails() -> None:
    """The compiled engine decides a chunk in one pass, so a chunk is given to `work` whole, in
    this process and in workers; only a chunk that fails is done item by item."""
    items = list(range(20))
    for workers in (1, 2):
        results = list(stream_chunks(items, _with_chunk_size, workers, _nothing, (), chunk_size=7, timeout=30))
        assert [x for x, _ in results] == items  # type: ignore[misc]
        assert {n for _, n in results} == {7, 6}  # type: ignore[misc]
    good, [failed] = _split(list(stream_chunks(ITEMS, _raises, 1, _nothing, (), chunk_size=7)))
    assert good == EXPECTED and failed.item == -1  # the failing chunk's other items still decided


def test_slices_are_spread_over_the_workers_by_their_size() -> None:
    """A chunk counts the cases a Deferred slice stands for, so ten slices of 100 with chunks
    of 100 are ten chunks, shared by both workers (once they were one chunk, on one worker)."""
    from doctrine.engine.batch import Deferred

    slices = [Deferred(_numbers, (s, s + 100), 100) for s in range(0, 1000, 100)]
    results = list(stream_chunks(slices, _read_with_pid, 2, _nothing, (), chunk_size=100, timeout=30))
    assert [x for x, _ in results] == list(range(1000))  # type: ignore[misc]
    assert len({pid for _, pid in results}) == 2  # type: ignore[misc]


def _numbers(start: int, stop: int) -> list[int]:
    return list(range(start, stop))


def _read_with_pid(chunk: list[Any]) -> list[tuple[int, int]]:
    return [(x, os.getpid()) for d in chunk for x in d.read(*d.args)]
