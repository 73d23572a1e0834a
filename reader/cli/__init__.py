"""The ``reader`` command: parse the arguments and run open, align or export."""
from reader.cli.commands import main

__all__ = ["main"]
