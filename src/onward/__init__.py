"""Onward: turn every job rejection into concrete next steps."""

__version__ = "0.1.0"
