"""Newsroom: a reporter's day on deadline, played in the terminal from YAML scenarios."""

__version__ = "0.1.0"
