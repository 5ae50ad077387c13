"""Tools for the people who write scenarios: lint, playtest, the story map and the starter scenario.

Plain Python over the core (loader, references, engine); no user interface here.
"""
