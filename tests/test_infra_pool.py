"""Calls run in forked processes give the same results, in order, as calls run here."""
from __future__ import annotations

import os
from functools import partial

from generator.infra.pool import MIN_CALLS, run_forked, start_forked
from generator.site.search import keys, keys_of_pages


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_come_back_in_order_from_other_processes():
    calls = [partial(square_and_pid, n) for n in range(MIN_CALLS * 2)]
    results = list(run_forked(calls, jobs=2))
    assert [r for r, _ in results] == [n * n for n in range(MIN_CALLS * 2)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_or_few_calls_run_here():
    for calls, jobs in ((MIN_CALLS * 2, 1), (3, 2)):
        assert {pid for _, pid in run_forked([partial(square_and_pid, n) for n in range(calls)], jobs)} == {os.getpid()}


def test_search_keys_of_pages_are_the_keys_of_their_words():
    page = "أكد &quot;وزير الخارجية&quot; <bdi>للأمم</bdi> المتحدة"
    table = keys_of_pages([page])
    assert {"وزير", "الخارجية", "للأمم", "المتحدة", "bdi"} <= set(table)
    assert all(table[word] == keys(word) for word in table)


def test_a_started_call_runs_in_another_process_and_gives_its_result():
    big = "كلمة " * 100_000  # inherited, not pickled
    wait = start_forked(lambda: (len(big), os.getpid()))
    length, pid = wait()
    assert length == 500_000 and pid != os.getpid()
