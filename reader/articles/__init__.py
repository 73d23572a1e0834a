"""Files to articles: decoding, display text with offsets, metadata, sentences."""
from reader.articles.loading import collect_paths, load_article, load_articles
from reader.articles.stdin import STDIN, is_stdin, read_stdin

__all__ = ["STDIN", "collect_paths", "is_stdin", "load_article", "load_articles", "read_stdin"]
