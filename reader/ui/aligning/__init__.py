"""Alignment in the app: off the screen's thread (a child process for big inputs), with
progress, Esc to cancel, and the memory of the process tree bounded."""
from reader.ui.aligning.runner import AlignmentFailed, AlignmentRunner
from reader.ui.aligning.work import Aligning

__all__ = ["AlignmentFailed", "AlignmentRunner", "Aligning"]
