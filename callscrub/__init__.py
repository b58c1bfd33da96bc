"""callscrub: clean scraped earnings-call transcripts and show every change made."""

__version__ = "0.1.0"
