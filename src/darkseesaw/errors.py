"""Errors that reach a user as one clear line."""

from __future__ import annotations


class InputError(ValueError):
    """A problem with user input: names the file, the key and the problem.

    The command line prints ``str(err)`` as a single line and exits with code 2.

    >>> str(InputError("m.yaml", "blocks.mu", "matrix is not symmetric"))
    'm.yaml: blocks.mu: matrix is not symmetric'
    """

    def __init__(self, file: str | None, key: str | None, problem: str):
        self.file = file
        self.key = key
        self.problem = problem
        parts = [p for p in (file, key) if p]
        super().__init__(": ".join([*parts, problem]))
