"""gridnote: a terminal work notebook for a community grid worker (网格员)."""

__version__ = "0.1.0"
