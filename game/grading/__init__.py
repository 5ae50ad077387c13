"""The editor who grades a filed story against the record (headless: no Textual here).

`game.grader` is the public face: `grade`, `grade_filed`, `Filed`, `Story`, `Report`, `Finding`, `strong_story_notes`.
"""
