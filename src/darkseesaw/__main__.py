"""``python -m darkseesaw`` = the ``darkseesaw`` command."""

from darkseesaw.cli import main

main()
