"""Files to articles: decoding, display text with offsets, metadata, sentences."""
from reader.articles.loading import collect_paths, load_article, load_articles

__all__ = ["collect_paths", "load_article", "load_articles"]
