"""The editor: grades a filed story against the scenario's record, on the rubric's eight dimensions.

This is the public face of `game.grading`; the game's review screen, the classroom reports and the
`newsroom grade` command all come through here.
"""

from game.grading.editor import WEIGHTS, grade, grade_filed, strong_story_notes
from game.grading.report import SEVERITIES, Filed, Finding, Report, Story

__all__ = ["SEVERITIES", "WEIGHTS", "Filed", "Finding", "Report", "Story", "grade", "grade_filed",
           "strong_story_notes"]
