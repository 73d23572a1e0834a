"""Quotes: the quotations of each article, who said them, and which outlets carry each."""
from reader.quotes.collect import Quote, Quotes, find_quotes

__all__ = ["Quote", "Quotes", "find_quotes"]
