"""reader: read several articles about one story side by side, with shared passages aligned."""

__version__ = "0.1.0"
