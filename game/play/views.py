"""What the faces show, as plain values: each face renders these and nothing else.

One presenter for each screen (the title is `game.play.title`, cheap for the first frame): the clock line,
a scene, the notebook, the desk and the editor's review. So what a choice is called and costs, how a
duration or a time left reads, which facts count as checked, what the desk wants and what the editor said
are decided here once, and every piece of scenario text in a view has been cleaned of escape sequences and
control characters (`game.text.clean`) already: a face adds layout, style and the keys to press.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from game import deadline, engine
from game.model import DIMENSIONS, QUOTE_KIND_NAMES, clock_text, dimension_name
from game.text import clean, duration, reflow, time_left_text

if TYPE_CHECKING:
    from game.grader import Finding
    from game.play.filing import Outcome
    from game.play.session import Session

URGENT_MINUTES = 30
"""Below this much time to spare, the deadline is shown as urgent."""
STATUS_MARKS = {
    "confirmed": ("✔", "confirmed"),
    "verified": ("✔", "checked: true"),
    "claim": ("?", "claim"),
    "rumour": ("?", "rumour"),
    "disproved": ("✘", "checked: false"),
}
"""Each fact status as a mark that reads without colour and the words for it."""
TONES = {"great": "✔✔", "good": "✔", "mixed": "~", "poor": "✘", "bad": "✘✘"}
"""An ending's tone as a mark."""


# --- choices -------------------------------------------------------------------------------------

ChoiceKey = engine.Key | Literal["desk", "review"]
"""What picking an entry hands back: the engine's key of an option on offer, or a face's own entry
(sitting down at the story desk, seeing the editor's review)."""


@dataclass(frozen=True)
class ChoiceView:
    """One option on offer: "Ask Ana Ruiz: Why close it now?", costing "5 min"."""

    key: ChoiceKey
    """The engine's key for it (what the face hands back when the player picks it), or the face's own."""
    text: str
    cost: str
    to_desk: bool
    """Whether it ends the reporting and opens the story desk."""
    question: bool = False
    """Whether it asks someone a question."""


def choice_view(option: engine.Option) -> ChoiceView:
    text = clean(option.label)
    if option.kind == "question":
        text = f"Ask {clean(option.to)}: {text}" if option.to else f"Ask {text}"
    return ChoiceView(option.key, text, duration(option.minutes), option.kind == "file", option.kind == "question")


def choice_views(options: Sequence[engine.Option]) -> list[ChoiceView]:
    return [choice_view(option) for option in options]


# --- the clock -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClockView:
    """The game clock, where the player is, and when the story would go in against the deadline.

    `forms` says the same thing shorter and shorter ((due part, status), the due part may be empty), for a face
    with little room; `line` is the longest: "09:50 · Council chamber · due 12:00 · file by 10:20, 1 h 40 to
    spare". The file-by time is the truth about the deadline: the clock now plus the writing time of the story
    as it stands, so "23 min to deadline" never hides a 40-minute write.
    """

    stamp: str
    place: str
    forms: tuple[tuple[str, str], ...]
    spare: int
    """Minutes between the deadline and when the story goes in (negative: late)."""

    @property
    def urgency(self) -> Literal["", "urgent", "late"]:
        return "late" if self.spare < 0 else "urgent" if self.spare <= URGENT_MINUTES else ""

    @property
    def line(self) -> str:
        due, status = self.forms[0]
        return " · ".join(part for part in (self.stamp, self.place, due, status) if part)


def clock_view(session: Session, where: str | None = None, words: int = 0) -> ClockView:
    """The clock line for the session: `where` names the place (default: the scene's place or title), `words`
    is the length of the story as it stands (for the file-by time). After filing it says when the story went in.
    Its `spare` counts to the filing time once filed, else to the file-by time, else (no desk) to the clock."""
    scenario, state, story = session.scenario, session.state, session.story
    if where is None:
        scene = story.scene(state)
        where = scene.place or scene.title or ""
    due = f"due {clock_text(story.deadline)}"
    found = deadline.file_by(scenario, state, words)
    forms: tuple[tuple[str, str], ...]
    if state.filed_at is not None:
        spare = story.deadline - state.filed_at
        filed = deadline.FileBy(state.time, state.filed_at, 0, found.deadline, words)
        forms = ((due, f"filed at {clock_text(state.filed_at)}, {filed.status}"),
                 ("", f"filed {clock_text(state.filed_at)}, {filed.status}"))
    elif scenario.filing is None:
        spare = story.time_left(state)
        left = time_left_text(spare)
        forms = ((due, left), ("", left))
    else:
        spare = found.spare
        at = clock_text(found.at)
        short = f"{duration(found.spare)} late" if found.late else (
            f"{duration(found.spare)} spare" if found.spare else "due now")
        forms = ((due, f"file by {at}, {found.status}"), ("", f"file by {at}, {found.status}"),
                 ("", f"file {at}, {short}"))
    return ClockView(engine.clock(state), clean(where), forms, spare)


# --- a scene -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GatheredView:
    """Something the last step put in the notebook: a quote word for word, or a fact with its status."""

    kind: Literal["quote", "fact"]
    text: str
    """The quote's words, or the fact's statement."""
    speaker: str = ""
    context: str = ""
    status: str = ""
    """A fact's status in words ("confirmed", "checked: true", …)."""
    check: str | None = None
    """What checking a fact showed, once it has been checked."""


@dataclass(frozen=True)
class SceneView:
    """A scene as both faces show it."""

    heading: str
    """"THE END — Front page" at an ending, else the scene's title (may be empty)."""
    text: str
    """The scene's prose, reflowed: paragraphs apart by a blank line."""
    response: str
    """What the last choice led to, reflowed (empty when nothing)."""
    response_first: bool
    """Whether the response comes before the scene's text (the last choice moved to this scene)."""
    gathered: tuple[GatheredView, ...]
    prompt: str
    """The scene's question prompt ("What do you ask the mayor?"), empty at an ending or when it has none."""
    questions_left: int | None
    """How many questions may still be asked here (None: the scene has no limit or no questions)."""
    choices: tuple[ChoiceView, ...]
    """What can be done now (none at an ending or at the desk)."""
    ending: bool
    at_desk: bool

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n\n")) if self.text else ()

    @property
    def asking(self) -> bool:
        """Whether a question is among the choices."""
        return any(choice.question for choice in self.choices)


def gathered_views(session: Session) -> tuple[GatheredView, ...]:
    story = session.story
    lookup = story.index
    views: list[GatheredView] = []
    for kind, item_id in session.state.gathered:
        if kind == "quote" and item_id in lookup.quotes:
            quote = lookup.quotes[item_id]
            views.append(GatheredView("quote", clean(quote.text), clean(lookup.people[quote.speaker].name),
                                      clean(quote.context)))
        elif kind == "fact" and item_id in lookup.facts:
            fact = lookup.facts[item_id]
            status = story.fact_status(session.state, fact)
            views.append(GatheredView("fact", clean(fact.statement), status=status_words(status),
                                      check=checked(status, fact.check)))
    return tuple(views)


def scene_view(session: Session) -> SceneView:
    state, story = session.state, session.story
    scene = story.scene(state)
    heading = f"THE END — {clean(scene.ending.title)}" if scene.ending else clean(scene.title or "")
    moved = bool(state.history) and state.history[-1].scene != state.scene
    offered = () if state.ending or state.at_desk else tuple(choice_views(story.options(state)))
    left = story.questions_left(state) if scene.questions else None
    return SceneView(
        heading=heading,
        text=clean(reflow(story.text(state))),
        response=clean(reflow(state.response or "")),
        response_first=moved,
        gathered=gathered_views(session),
        prompt="" if scene.ending else clean(story.prompt(state)),
        questions_left=left,
        choices=offered,
        ending=bool(state.ending),
        at_desk=state.at_desk,
    )


# --- the notebook --------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteEntry:
    text: str
    kind: str
    """How it was said, in words ("on the record", "statement", …)."""
    context: str
    time: str
    """When it was said, as written in the scenario (may be empty)."""


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    role: str
    real: bool
    quotes: tuple[QuoteEntry, ...]


@dataclass(frozen=True)
class FactEntry:
    statement: str
    mark: str
    """"✔", "?" or "✘": the status at a glance, without colour."""
    status: str
    """The status in words: "confirmed", "claim", "rumour", "checked: true", "checked: false"."""
    doubtful: bool
    """A rumour, or checked and false."""
    claimed_by: str | None
    check: str | None
    """What checking showed, once checked."""


@dataclass(frozen=True)
class NotebookPage:
    speakers: tuple[SpeakerEntry, ...]
    facts: tuple[FactEntry, ...]

    @property
    def quote_count(self) -> int:
        return sum(len(speaker.quotes) for speaker in self.speakers)

    @property
    def empty(self) -> bool:
        return not self.speakers and not self.facts


def status_words(status: str) -> str:
    return STATUS_MARKS.get(status, ("·", status))[1]


def checked(status: str, check: str | None) -> str | None:
    return clean(check) if status in ("verified", "disproved") and check else None


def notebook_page(notebook: engine.Notebook) -> NotebookPage:
    speakers = []
    for name, entries in notebook.by_speaker().items():
        person = entries[0].speaker
        speakers.append(SpeakerEntry(clean(name), clean(person.role), person.real, tuple(
            QuoteEntry(clean(entry.quote.text), QUOTE_KIND_NAMES.get(entry.quote.kind, entry.quote.kind),
                       clean(entry.quote.context), clean(entry.quote.time or ""))
            for entry in entries)))
    facts = []
    for item in notebook.facts:
        mark, words = STATUS_MARKS.get(item.status, ("·", item.status))
        facts.append(FactEntry(clean(item.fact.statement), mark, words, item.status in ("rumour", "disproved"),
                               clean(item.claimed_by.name) if item.claimed_by is not None else None,
                               checked(item.status, item.fact.check)))
    return NotebookPage(tuple(speakers), tuple(facts))


def notebook_view(session: Session) -> NotebookPage:
    return notebook_page(session.story.notebook(session.state))


# --- the story desk ------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeskView:
    """What the desk asks for: the brief, how long, how long writing takes, whether the clock runs."""

    title: str
    """The brief's one-line title: "The desk's brief · 150–400 words"."""
    brief: str
    """The brief itself (empty when the scenario has no desk)."""
    writing: str
    """"Writing takes at least 20 min, or 5 min per 100 words." (empty when writing takes no time)."""
    clock_runs: bool
    """Whether the game clock runs while the player writes."""
    wanted: str
    """The length wanted, short: "150–400", "≥150" (empty when any length will do)."""
    min_words: int = 0
    max_words: int | None = None

    def length_notes(self, words: int) -> tuple[str, ...]:
        """What the desk says of a story of this many words that is too short or too long."""
        notes = []
        if words < self.min_words:
            notes.append(f"The desk wants at least {self.min_words} words.")
        if self.max_words and words > self.max_words:
            notes.append(f"The desk wants at most {self.max_words} words.")
        return tuple(notes)


def desk_view(session: Session) -> DeskView:
    filing = session.scenario.filing
    if filing is None:
        return DeskView("The desk's brief", "", "", False, "")
    title = "The desk's brief"
    wanted = ""
    if filing.min_words or filing.max_words:
        title += " · " + (f"{filing.min_words}–{filing.max_words} words" if filing.max_words
                          else f"at least {filing.min_words} words")
        wanted = f"{filing.min_words}–{filing.max_words}" if filing.max_words else f"≥{filing.min_words}"
    writing = ""
    if filing.writing_minutes or filing.minutes_per_100_words:
        rule = f"at least {duration(filing.writing_minutes)}" if filing.writing_minutes else ""
        if filing.minutes_per_100_words:
            rule += (", or " if rule else "") + f"{duration(filing.minutes_per_100_words)} per 100 words"
        writing = f"Writing takes {rule}."
    return DeskView(title, clean(filing.brief.strip()), writing, deadline.clock_runs(session.scenario), wanted,
                    filing.min_words, filing.max_words)


@dataclass(frozen=True)
class FilingCheck:
    """Before filing: how long the story is and when it would go in."""

    words: int
    summary: str
    """"312 words, filed at 11:40 (20 min to deadline)."."""
    notes: tuple[str, ...]
    """Too short, too long."""


def filing_check(session: Session, body: str) -> FilingCheck:
    story = session.story
    words = engine.words_in(body)
    filed_at = story.filing_time(session.state, words)
    summary = (f"{words} words, filed at {clock_text(filed_at)} "
               f"({time_left_text(story.deadline - filed_at)}).")
    return FilingCheck(words, summary, desk_view(session).length_notes(words))


# --- the editor's review -------------------------------------------------------------------------

@dataclass(frozen=True)
class GradeLine:
    dimension: str
    name: str
    """The dimension as words: "news judgement"."""
    score: int
    error: bool
    """Whether the editor found an error on this dimension."""


@dataclass(frozen=True)
class FindingView:
    """One of the editor's notes, numbered as both faces number them."""

    number: int
    dimension: str
    name: str
    severity: str
    message: str
    detail: str | None
    span: tuple[int, int] | None
    """Where in the story (headline and body as `ReviewView.story_text` joins them)."""
    quoted: str
    """The words of the story the note is about, on one line (empty when it is about the whole story)."""


@dataclass(frozen=True)
class ReviewView:
    """The end of the day: the ending, and when a story was filed, the editor's marks and notes on it."""

    ending_title: str
    tone: str
    """The ending's tone as a mark ("✔", "✘✘", …), empty without one."""
    ending_text: str
    debrief: tuple[tuple[str | None, str], ...]
    """What the player's choices meant: (principle, note)."""
    objectives: tuple[str, ...]
    """What the day was about: every objective, spoilers included (the day is over)."""
    filed_at: str | None = None
    """"10:20", when a story was filed."""
    late_by: str | None = None
    """"5 min" when the story went in late, None when on time (or not filed)."""
    overall: int | None = None
    grades: tuple[GradeLine, ...] = ()
    findings: tuple[FindingView, ...] = ()
    summary: str = ""
    """What the editor marked, counted: "2 errors · 1 warning · 3 praises", or "nothing marked"."""
    story_text: str = ""
    """The story as filed, not cleaned: the findings' spans index into it, so a face cleans it as it marks it
    up (the Textual review does, piece by piece; plain mode cleans every line it writes)."""
    strong: tuple[str, ...] = ()
    """What a strong story did."""
    notes: tuple[str, ...] = ()
    """Anything the player should know (a report card that could not be saved)."""
    card: Path | None = None
    record: Path | None = None


def summary_of(findings: Sequence[Finding | FindingView]) -> str:
    counts = Counter(finding.severity for finding in findings)
    parts = [f"{counts[severity]} {name if counts[severity] == 1 else plural}"
             for severity, name, plural in (("error", "error", "errors"), ("warning", "warning", "warnings"),
                                            ("praise", "praise", "praises")) if counts[severity]]
    return " · ".join(parts) or "nothing marked"


def review_view(session: Session, filed: Outcome | None = None) -> ReviewView:
    scenario, state, story = session.scenario, session.state, session.story
    scene = story.scene(state)
    ending = scene.ending
    view = ReviewView(
        ending_title=clean(ending.title) if ending is not None else "",
        tone=TONES.get(ending.tone, "") if ending is not None else "",
        ending_text=clean(reflow(story.text(state))),
        debrief=tuple((clean(principle) if principle else None, clean(reflow(text)))
                      for principle, text in story.debrief(state)),
        objectives=tuple(clean(reflow(objective)) for objective in scenario.objectives),
        filed_at=clock_text(state.filed_at) if state.filed_at is not None else None,
    )
    if filed is None:
        return view
    report, text = filed.report, filed.story_text
    errors = report.error_dimensions
    findings = []
    for number, finding in enumerate(report.findings, 1):
        quoted = " ".join(text[finding.span[0]:finding.span[1]].split()) if finding.span else ""
        findings.append(FindingView(number, finding.dimension, dimension_name(finding.dimension), finding.severity,
                                    clean(finding.message), clean(finding.detail) if finding.detail else None,
                                    finding.span, clean(quoted)))
    return replace(
        view,
        late_by=duration(report.late_by) if report.late_by else None,
        overall=report.overall,
        grades=tuple(GradeLine(dimension, dimension_name(dimension), report.scores.get(dimension, 0),
                               dimension in errors) for dimension in DIMENSIONS),
        findings=tuple(findings),
        summary=summary_of(report.findings),
        story_text=text,
        strong=tuple(clean(reflow(note)) for note in filed.strong),
        notes=tuple(clean(note) for note in filed.notes),
        card=filed.card,
        record=filed.record,
    )
