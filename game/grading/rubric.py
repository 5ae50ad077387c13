"""The rubric as data: every finding the editor can make, by a stable code, with its dimension, severity and
cost, and how the dimensions weigh in the overall score.

A code names one kind of finding the way the validator's and lint's codes name a problem (`quotes.invented`,
`facts.rumour-as-fact`): the class report groups findings by it, tests pin it, and a teacher can look it up
here. What a finding costs is the points it takes off its dimension's score (praise and notes cost nothing).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One kind of finding."""

    dimension: str
    severity: str
    cost: int
    """Points off the dimension's score, each time it is found."""
    means: str
    """What the finding says, in a line, for the rubric table in docs/authoring.md."""


def _rules(*rows: tuple[str, str, str, int, str]) -> dict[str, Rule]:
    return {code: Rule(dimension, severity, cost, means) for code, dimension, severity, cost, means in rows}


RUBRIC: dict[str, Rule] = _rules(
    # --- quotes ----------------------------------------------------------------------------------------
    ("quotes.verbatim", "quotes", "praise", 0, "A quotation word for word from the record."),
    ("quotes.partial", "quotes", "praise", 0, "A faithful partial quote from the record."),
    ("quotes.invented", "quotes", "error", 100, "Quoted words no one on the record said, given to someone."),
    ("quotes.misquote", "quotes", "error", 35, "A quotation with words changed, added or swapped."),
    ("quotes.ellipsis-changes-meaning", "quotes", "error", 35,
     "An ellipsis drops a negation, modal, condition or qualifier, so the quote says what was not said."),
    ("quotes.bracket-changes-meaning", "quotes", "error", 35,
     "Square brackets add more than a clarifying name or word for a pronoun."),
    ("quotes.unsourced-words", "quotes", "warning", 20, "Quoted words in no record, and no one named as saying them."),
    ("quotes.short-unknown", "quotes", "warning", 15, "A word or two in quotation marks someone never said."),
    ("quotes.unclosed", "quotes", "warning", 5, "A quotation mark opened and never closed."),
    ("quotes.not-gathered", "quotes", "warning", 10, "Real words, but not in the reporter's notebook."),
    ("quotes.none", "quotes", "warning", 10, "No quotation at all."),
    ("quotes.none-from-record", "quotes", "info", 0, "No quotation from the record."),
    ("quotes.cannot-tell", "quotes", "info", 0, "The editor could not tell whether the quotes are right."),
    # --- attribution -----------------------------------------------------------------------------------
    ("attribution.right-speaker", "attribution", "praise", 0, "A quote given to the person who said it."),
    ("attribution.cannot-tell", "attribution", "info", 0,
     "No speech verb ties a quote to its speaker: the editor could not tell for certain who is speaking."),
    ("attribution.wrong-speaker", "attribution", "error", 40, "A quote given to someone who did not say it."),
    ("attribution.no-speaker", "attribution", "warning", 15, "No one is named near a quote."),
    ("attribution.ambiguous-speaker", "attribution", "warning", 10,
     "A pronoun, title or nearby name introduces a quote and could mean more than one person (one of them "
     "the real speaker, named in the same paragraph)."),
    ("attribution.second-hand", "attribution", "warning", 10, "Second-hand words given as if heard first hand."),
    ("attribution.claim-attributed", "attribution", "praise", 0, "A one-sided claim put in its owner's mouth."),
    ("attribution.claim-as-fact", "attribution", "error", 40, "A one-sided claim stated in the story's own voice."),
    ("attribution.claim-to-wrong-person", "attribution", "error", 40, "A claim put in someone else's mouth."),
    ("attribution.claim-unread", "attribution", "info", 0,
     "A sentence speaks of a one-sided claim's subject in words the editor cannot read: no praise of attribution."),
    ("attribution.claim-unowned", "attribution", "warning", 15, "A claim reported as talk, with no owner."),
    # --- accuracy --------------------------------------------------------------------------------------
    ("accuracy.contradiction", "accuracy", "error", 45, "A sentence asserts the opposite of the record."),
    ("accuracy.core-fact", "accuracy", "error", 45,
     "The story's own voice gets wrong what the record fixes: where, when, how long, who."),
    ("accuracy.false-claim", "accuracy", "error", 45, "A claim checking shows false, stated as fact."),
    ("accuracy.false-rumour", "accuracy", "error", 45, "A false rumour stated as fact."),
    ("accuracy.copied-record", "accuracy", "error", 30,
     "Long runs of the record's sentences copied outside quotation marks."),
    # --- verification ----------------------------------------------------------------------------------
    ("verification.rumour-as-fact", "verification", "error", 60, "A false rumour reported as fact."),
    ("verification.unverified-as-fact", "verification", "error", 40, "An unchecked rumour reported as fact."),
    ("verification.checked", "verification", "praise", 0, "A rumour checked before it was reported."),
    ("verification.checked-false", "verification", "praise", 0, "A rumour checked and reported as false."),
    ("verification.truth-reported", "verification", "praise", 0, "Checked, and reported what is true."),
    ("verification.repeated-false", "verification", "warning", 10, "A false rumour repeated, even as talk."),
    ("verification.hedged", "verification", "info", 0, "A rumour reported as a rumour."),
    ("verification.kept-out", "verification", "praise", 0, "A false rumour the reporter knew kept out."),
    ("verification.could-not-tell", "verification", "info", 0,
     "A sentence speaks of a false rumour's subject in words the editor cannot read: no praise for keeping it "
     "out."),
    # --- completeness ----------------------------------------------------------------------------------
    ("completeness.key-fact", "completeness", "praise", 0, "Carries a key fact."),
    ("completeness.missing-fact", "completeness", "warning", 0, "Misses a key fact (scored by weight)."),
    ("completeness.most-missing", "completeness", "error", 0, "Misses most of the key facts, by weight."),
    ("completeness.too-short", "completeness", "error", 0, "Far shorter than the desk asked (scored by length)."),
    ("completeness.short", "completeness", "warning", 10, "Shorter than the desk asked."),
    ("completeness.no-body", "completeness", "error", 0, "A headline with no story under it."),
    ("completeness.too-long", "completeness", "warning", 10, "Far longer than the desk wanted."),
    ("completeness.long", "completeness", "info", 0, "Longer than the desk wanted."),
    # --- news judgement --------------------------------------------------------------------------------
    ("news.leads", "news_judgement", "praise", 0, "The headline and first paragraph carry the news."),
    ("news.lede-carries", "news_judgement", "praise", 0, "The first paragraph carries the news."),
    ("news.headline-could", "news_judgement", "info", 0, "The headline could carry the news too."),
    ("news.headline-only", "news_judgement", "warning", 0, "The headline has the news, the lede does not."),
    ("news.delayed-lede", "news_judgement", "warning", 0,
     "A short scene-setting opening, then the news at the top of the second paragraph."),
    ("news.buried-lede", "news_judgement", "error", 0, "The news waits until later in the story."),
    ("news.missed", "news_judgement", "error", 0, "The story misses the news."),
    ("news.no-headline", "news_judgement", "warning", 0, "No headline."),
    # --- balance ---------------------------------------------------------------------------------------
    ("balance.every-side", "balance", "praise", 0, "Every side is heard."),
    ("balance.no-side", "balance", "error", 0, "No side is heard in its own words."),
    ("balance.single-voice", "balance", "error", 0, "Only one side is heard."),
    ("balance.side-missing", "balance", "warning", 0, "A side is not heard."),
    # --- deadline --------------------------------------------------------------------------------------
    ("deadline.on-time", "deadline", "praise", 0, "Filed before the deadline."),
    ("deadline.late", "deadline", "error", 0, "Filed after the deadline."),
)
"""Every finding by code. Scores of completeness, news judgement, balance and deadline are worked out by
their checks (by weight, place, sides heard and minutes late); the other four start at 100 and lose each
finding's cost."""

WEIGHTS: dict[str, float] = {
    "accuracy": 3, "quotes": 3, "attribution": 2, "verification": 2,
    "balance": 1, "news_judgement": 1.5, "completeness": 1.5, "deadline": 1,
}
"""How much each dimension counts in the overall score."""
ERROR_CAP = 79
"""The best overall score a story with any error can get: an editor sends back a story with an error, so it
never reaches a front-page score. The cap falls by CAP_STEP for each weight point of the dimensions in
error and for each error after the first, and by a point for every 20 those dimensions' scores fall short."""
CAP_STEP = 2
INVENTED_CAP = 35
"""The best overall score a story with an invented quote can get."""
NO_BODY_CAP = 20
"""The best overall score of a headline with no story under it, or a story far too short to be one."""
WARNING_STEP = 1
"""Each warning takes a point off the overall score, so a story with warnings ranks below a clean one."""
LATE_BASE, LATE_PER_MINUTE = 90, 3
"""A late story's deadline score: LATE_BASE less LATE_PER_MINUTE for each minute late."""


def rule(code: str) -> Rule:
    """The rule for a code (a KeyError names an unknown one: codes are fixed in this table)."""
    return RUBRIC[code]
