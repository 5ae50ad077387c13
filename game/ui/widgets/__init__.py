"""Widgets of the Textual game, one per module, each styled by the `.tcss` file beside it."""
