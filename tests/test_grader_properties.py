"""Property tests: any story, however odd, gets a well-formed report and never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import DIMENSIONS

SCENARIO = load_scenario(Path(__file__).resolve().parent.parent / "scenarios" / "example-bridge.yaml")

# Pieces a story is made of, chosen to stress the reader: every kind of mark, names, fact phrases, the
# record's own words, control characters, emoji and long runs of white space.
FRAGMENTS = [
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb", "...", "\u2026", "[", "]",
    "[Ruiz]", ". ", "? ", "! ", ", ", ": ", "\n", "\n\n", "\r\n", "\t", " " * 50, "\n \n \n", "\x00", "\x1b[31m",
    "\u200b", "\ufeff", "\U0001f600", "\U0001f44d\U0001f3fd", "e\u0301", "\u0130", "Mr.", "U.S.",
    "Ruiz", "the mayor", "The Mayor", "Okafor", "Councillor Okafor", "Mills", "said", "told", "according to",
    "rumour", "unconfirmed", "not", "never", "5-2", "voted to close", "close the bridge",
    "reopen within a month", "bridge will stay open", "voted to keep",
    "The engineers were clear.", "We close the bridge on Monday or we gamble with lives.",
    "Every shop on River Street just lost half its customers.", "lost all its customers",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
texts = st.lists(pieces, max_size=40).map("".join)


def well_formed(report: Report, story: Story) -> None:
    assert list(report.scores) == list(DIMENSIONS)
    assert all(isinstance(score, int) and 0 <= score <= 100 for score in report.scores.values())
    assert isinstance(report.overall, int) and 0 <= report.overall <= 100
    for finding in report.findings:
        assert finding.dimension in DIMENSIONS and finding.message
        if finding.span is not None:
            start, end = finding.span
            assert 0 <= start <= end <= len(story.text)
    assert Report.from_json(report.to_json()) == report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=texts, body=texts, filed_at=st.integers(0, 24 * 60 - 1),
       gathered=st.none() | st.lists(st.sampled_from([q.id for q in SCENARIO.quotes] + ["no-such-quote"])))
def test_any_story_gets_a_report(headline: str, body: str, filed_at: int, gathered: list[str] | None) -> None:
    story = Story(headline, body)
    well_formed(grade(SCENARIO, story, gathered=gathered, filed_at=filed_at), story)


@settings(max_examples=100, deadline=None)
@given(headline=st.text(max_size=80), body=st.text(max_size=400))
def test_any_unicode_text_gets_a_report(headline: str, body: str) -> None:
    story = Story(headline, body)
    well_formed(grade(SCENARIO, story, gathered=None, filed_at=600), story)


def test_huge_white_space_and_unbalanced_marks() -> None:
    for body in [" " * 200_000, "\n" * 50_000, '"' * 5_001, "\u201c" * 3_000 + "\u201d" * 2_000,
                 "[" * 1000 + "..." * 1000, "\"a\n\n\"b\n\n\"c\n\n" * 500,
                 'Ruiz said "we close the bridge" to Okafor. ' * 2000,
                 "The bridge will reopen within a month, Okafor said. " * 2000]:
        story = Story("Headline", body)
        well_formed(grade(SCENARIO, story, gathered=None, filed_at=600), story)


HANOI = load_scenario(Path(__file__).resolve().parent.parent / "scenarios" / "hanoi-summit.yaml")
HANOI_FRAGMENTS = sorted({
    *FRAGMENTS[:40],
    *(quote.text for quote in HANOI.quotes),
    *(phrase for fact in HANOI.facts for phrase in [*fact.wording, *fact.contradictions]),
    *(name for person in HANOI.people for name in [person.name, *person.names]),
})
hanoi_texts = st.lists(st.one_of(st.sampled_from(HANOI_FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=80, deadline=None)
@given(headline=hanoi_texts, body=hanoi_texts, verified=st.lists(st.sampled_from([f.id for f in HANOI.facts])))
def test_any_hanoi_story_gets_a_report(headline: str, body: str, verified: list[str]) -> None:
    story = Story(headline, body)
    well_formed(grade(HANOI, story, gathered=None, known=verified, verified=verified, filed_at=15 * 60), story)
