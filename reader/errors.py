"""The one exception the user sees: a clear, one-line message, never a traceback."""


class ReaderError(Exception):
    """Bad input or a failed operation, told to the user in one line."""
