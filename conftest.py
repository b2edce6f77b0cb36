"""Test-session settings shared by tests/ and the doctests of src/.

The README's test command runs the tests on every available core (pytest-xdist, ``-n auto`` in
pyproject's addopts, ``--dist loadfile`` so that a file's module fixtures — the paper
reproductions — run once). Here ``auto`` means the cores this process may actually use (CPU
affinity, e.g. a CI container's limit, not the host's count), at most 4: beyond that the long
tests set the wall time and more workers only add start-up and memory.
"""

from __future__ import annotations

import os


def pytest_xdist_auto_num_workers(config) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))
