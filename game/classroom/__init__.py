"""For teachers: the class report over a folder of report cards, and the per-student browser sessions.

Headless like the rest of the core: nothing here imports Textual.
"""
