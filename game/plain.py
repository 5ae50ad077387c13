"""Plain mode (`newsroom play --plain`): the game as lines of text, for screen readers and scripts.

Everything is printed line by line, top to bottom: no colour, no cursor movement, no box drawing.
Choices are numbered; a word or a letter reaches the notebook, undo, help and quit. The story is typed
line by line and ended by a line holding a single `.`. Input may be piped, so a whole playthrough can
be scripted; when it is, each answer is echoed so the output reads as a transcript.

Same play layer as the Textual game (`game.play`: the session and its undo, autosave and resume, filing
with its draft, transcript and report card), so a day begun in one can be carried on in the other, and
what a rule says (a grader failure keeps the story, a filed story's draft goes) is said once.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field, replace
from pathlib import Path
from typing import TextIO

from game import deadline, engine, paths
from game.engine import GameState, Key
from game.model import Scenario, clock_text
from game.play import views
from game.play.filing import GradingFailed, Outcome, file_story
from game.play.session import Session, autosave, resume
from game.play.title import title_view
from game.saves import SaveError
from game.text import clean

END_OF_STORY = "."
HELP = """\
Type the number of a choice and press Enter.
Other commands, at any choice:
  n or notebook: read your notebook (quotes and facts gathered so far)
  l or look: read the scene again
  u or undo: take back the last choice
  h or help: this help
  q or quit: save the game and stop (play again to carry on)"""


class InputEnded(Exception):
    """Standard input closed before the game was over."""


@dataclass
class Conversation:
    """The terminal, as lines: what is said and what is typed."""

    input: TextIO
    output: TextIO
    width: int | None = None
    """Wrap paragraphs to this width (None: do not wrap, as for a pipe or a braille display)."""
    echo: bool = False
    """Repeat each line typed (when input is piped, so the output reads as the whole conversation)."""

    def say(self, text: str = "") -> None:
        """Write text, line by line. Everything written is cleaned here, the one way out to the terminal:
        scenario text cannot carry escape sequences or control characters through it."""
        for line in clean(text).split("\n"):
            if self.width and len(line) > self.width:
                indent = line[: len(line) - len(line.lstrip())]
                line = textwrap.fill(line, self.width, subsequent_indent=indent + "  ",
                                     break_long_words=False, break_on_hyphens=False)
            self.output.write(line + "\n")
        self.output.flush()

    def ask(self, prompt: str) -> str:
        """A line typed in answer (without its line ending). Raises InputEnded at the end of input."""
        self.output.write(clean(prompt))
        self.output.flush()
        line = self.input.readline()
        if not line:
            self.output.write("\n")
            raise InputEnded
        line = line.rstrip("\r\n")
        if self.echo:
            self.output.write(line + "\n")
        return line


@dataclass
class PlainGame:
    """One plain-mode playthrough: a `Session` (the state, the states before it, the player), the
    conversation it is played over, and where results go."""

    scenario: Scenario
    talk: Conversation
    player: InitVar[str | None] = None
    """The player's name, if already known (it then lives in the session)."""
    results_dir: Path | None = None
    session: Session = field(init=False)
    relist: bool = True
    """List the choices before the next prompt (not after a mistyped answer: the prompt says what to type)."""
    seconds_now: Callable[[], float] = time.monotonic
    """The real clock the desk reads while the player writes (tests give a fake one)."""

    def __post_init__(self, player: str | None) -> None:
        self.session = Session.start(self.scenario, player)

    @property
    def state(self) -> GameState:
        return self.session.state

    @state.setter
    def state(self, state: GameState) -> None:
        self.session = replace(self.session, state=state)

    # --- the loop ------------------------------------------------------------------------------

    def play(self, new: bool = False, ask_name: bool = True) -> int:
        """Play until the story is filed (0), the player quits (0), or input ends (1)."""
        try:
            self.title()
            if not new:
                self.offer_saved_game()
            if ask_name and self.session.player is None:
                name = self.talk.ask("Your name, for the report card (press Enter to skip): ").strip()
                self.session = replace(self.session, player=name or None)
            resumed = bool(self.state.history)
            self.autosave()
            self.show_scene()
            if not resumed:
                self.show_gathered()
            while True:
                outcome = self.desk() if self.state.at_desk else self.turn()
                if outcome is not None:
                    return outcome
        except InputEnded:
            self.talk.say("Input ended before the story was filed. Your game is saved: play again to carry on.")
            return 1

    def title(self) -> None:
        scenario = self.scenario
        view = title_view(scenario.title, scenario.summary, scenario.objectives, scenario.objectives_before_play)
        self.talk.say(f"Newsroom: {view.title}")
        self.talk.say()
        self.talk.say(view.summary)
        if view.objectives:
            self.talk.say()
            self.talk.say("What you will practise:")
            for objective in view.objectives:
                self.talk.say(f"- {objective}")
        self.talk.say()
        self.talk.say("Type the number of a choice and press Enter. Type h for help, n for your notebook, "
                      "q to save and stop.")
        self.talk.say()

    def offer_saved_game(self) -> None:
        if not paths.save_path(self.scenario.id).is_file():
            return
        try:
            saved = resume(self.scenario, self.session.player)
        except SaveError as error:
            self.talk.say(f"A saved game could not be used: {error}. Starting a new day.")
            return
        state = saved.state
        scene = saved.story.scene(state)
        where = "at the story desk" if state.at_desk else (scene.title or scene.id)
        answer = self.talk.ask(f"You have a saved game ({where}, {clock_text(state.time)}). "
                               "Carry on with it? Type y for yes or n to start the day again [y]: ")
        if answer.strip().lower() in ("", "y", "yes"):
            self.session = saved
            self.talk.say("Carrying on.")
        else:
            self.talk.say("Starting the day again.")
        self.talk.say()

    def turn(self) -> int | None:
        """One choice at a scene; a number to return ends the game loop."""
        view = views.scene_view(self.session)
        offered = view.choices
        if view.ending:
            ending = views.review_view(self.session)
            self.talk.say(f"The day is over. Ending: {ending.ending_title or self.state.ending}.")
            return 0
        if not offered:
            self.talk.say("There is nothing more to do here. Type u to undo or q to stop.")
        elif self.relist:
            self.list_options(view)
        self.relist = True
        if len(offered) > 1:
            prompt = f"Choose 1 to {len(offered)}, or type h for help: "
        else:
            prompt = "Type 1 to choose it, or h for help: " if offered else "Type u or q: "
        answer = self.talk.ask(prompt).strip()
        picked = offered[int(answer) - 1].key if answer.isdigit() and 1 <= int(answer) <= len(offered) else None
        if isinstance(picked, Key):  # a scene's entries are all the engine's options (no face's own)
            self.step(picked)
            return None
        return self.command(answer, len(offered))

    def command(self, typed: str, count: int) -> int | None:
        """A command word typed instead of a number; a number to return ends the game loop."""
        answer = typed.lower()
        if answer in ("n", "notebook"):
            self.show_notebook()
        elif answer in ("l", "look"):
            self.show_scene()
        elif answer in ("u", "undo"):
            self.take_back()
        elif answer in ("h", "help", "?"):
            self.talk.say(HELP)
        elif answer in ("q", "quit", "exit"):
            self.autosave()
            self.talk.say("Your game is saved. Play again to carry on where you stopped.")
            return 0
        elif answer:
            choices = f"a number from 1 to {count}" if count else "u or q"
            self.talk.say(f"'{typed}' is not on offer. Type {choices}, or h for help.")
            self.relist = False
        else:
            self.relist = False
        return None

    def step(self, key: Key) -> None:
        before = self.state
        self.session = self.session.choose(key)
        self.autosave()
        view = views.scene_view(self.session)
        self.talk.say()
        if view.response:
            self.talk.say(view.response)
        if self.state.scene != before.scene:
            if view.response:
                self.talk.say()
            self.show_scene(view)
        self.show_gathered(view)

    def take_back(self) -> None:
        if not self.session.can_undo:
            self.talk.say("There is nothing to undo yet.")
            return
        self.session = self.session.undo_last()
        self.autosave()
        self.talk.say("Taken back.")
        self.talk.say()
        self.show_scene()

    # --- what the player reads ------------------------------------------------------------------

    def clock_line(self, where: str | None = None) -> str:
        return views.clock_view(self.session, where).line

    def show_scene(self, view: views.SceneView | None = None) -> None:
        view = view or views.scene_view(self.session)
        clock = self.clock_line()
        self.talk.say(f"{view.heading}. {clock}." if view.heading else f"{clock}.")
        for paragraph in view.paragraphs:
            self.talk.say()
            self.talk.say(paragraph)
        if view.prompt and not view.ending:
            self.talk.say()
            self.talk.say(view.prompt)

    def show_gathered(self, view: views.SceneView | None = None) -> None:
        view = view or views.scene_view(self.session)
        if view.gathered:
            self.talk.say()
        for item in view.gathered:
            if item.kind == "quote":
                self.talk.say(f"In your notebook: {item.speaker}: \u201c{item.text}\u201d")
            else:
                self.talk.say(f"In your notebook: {item.text} ({item.status})")
                if item.check:
                    self.talk.say(f"  What checking showed: {item.check}")

    def list_options(self, view: views.SceneView) -> None:
        self.talk.say()
        if view.questions_left is not None and view.asking:
            self.talk.say(f"Questions you may still ask: {view.questions_left}.")
        self.talk.say("Choices:")
        for number, choice in enumerate(view.choices, 1):
            then = ", then write your story" if choice.to_desk else ""
            self.talk.say(f"{number}. {choice.text} ({choice.cost}{then})")

    def show_notebook(self) -> None:
        book = views.notebook_view(self.session)
        self.talk.say()
        self.talk.say("Your notebook.")
        if book.empty:
            self.talk.say("Nothing written down yet.")
        for speaker in book.speakers:
            self.talk.say(f"Quotes from {speaker.name}:")
            for quote in speaker.quotes:
                when = f", {quote.time}" if quote.time else ""
                self.talk.say(f"- \u201c{quote.text}\u201d ({quote.kind}{when}; {quote.context})")
        if book.facts:
            self.talk.say("Facts:")
        for fact in book.facts:
            who = f", from {fact.claimed_by}" if fact.claimed_by else ""
            self.talk.say(f"- {fact.statement} ({fact.status}{who})")
            if fact.check:
                self.talk.say(f"  What checking showed: {fact.check}")
        self.talk.say()

    # --- the story desk -------------------------------------------------------------------------

    def desk(self) -> int | None:
        """At the story desk: write and file, or go back to reporting."""
        self.show_desk()
        while True:
            answer = self.talk.ask("Choose 1 or 2, or n for your notebook: ").strip()
            if answer == "1":
                return self.write_and_file()
            if answer == "2":
                self.back_to_reporting()
                return None
            before = self.state
            outcome = self.command(answer, 2)
            if outcome is not None or self.state is not before:
                return outcome

    def show_desk(self) -> None:
        desk = views.desk_view(self.session)
        self.talk.say()
        self.talk.say(f"{self.clock_line('Story desk')}.")
        if desk.brief:
            self.talk.say(f"The desk wants: {desk.brief}")
        rules = " ".join(part for part in (desk.writing, "The clock runs while you write." * desk.clock_runs)
                         if part)
        if rules:
            self.talk.say(rules)
        self.talk.say("1. Write and file your story")
        self.talk.say("2. Go back to reporting")

    def back_to_reporting(self) -> None:
        self.session = self.session.leave_desk()
        self.autosave()
        self.talk.say()
        self.show_scene()

    def write_and_file(self) -> int | None:
        filing = self.scenario.filing
        while True:
            self.talk.say()
            started = self.seconds_now()
            headline = ""
            while not headline:
                headline = " ".join(self.talk.ask("Headline: ").split())
                if not headline:
                    self.talk.say("A story needs a headline. Type it and press Enter.")
            self.talk.say(f"Now type your story, line by line. Leave an empty line between paragraphs. "
                          f"A line holding a single {END_OF_STORY} ends the story.")
            lines: list[str] = []
            while (line := self.talk.ask("")).strip() != END_OF_STORY:
                lines.append(line.rstrip())
            body = "\n".join(lines).strip("\n")
            if filing and deadline.clock_runs(self.scenario):  # the clock ran while the player wrote
                self.state = deadline.DeskClock(self.state).spend(self.seconds_now() - started).state(self.scenario)
                self.talk.say(f"It is now {engine.clock(self.state)}.")
            check = views.filing_check(self.session, body)
            self.talk.say(f"Your story: {check.summary}")
            for note in check.notes:
                self.talk.say(note)
            self.talk.say("1. File it")
            self.talk.say("2. Write it again")
            self.talk.say("3. Go back to reporting (this story is not kept)")
            answer = self.talk.ask("Choose 1 to 3: ").strip()
            while answer not in ("1", "2", "3"):
                answer = self.talk.ask("Type 1 to file, 2 to write it again, 3 to go back: ").strip()
            if answer == "1":
                return self.file(headline, body)
            if answer == "3":
                self.back_to_reporting()
                return None

    def file(self, headline: str, body: str) -> int | None:
        """File the story (`game.play.filing`) and read out the editor's review. None when the grader broke
        and the game is still at the desk, with the story kept as its draft."""
        try:
            filed = file_story(self.session, headline, body, self.results_dir)
        except GradingFailed as failure:
            self.talk.say(str(failure))
            return None
        self.session = filed.session
        self.autosave()
        self.review(filed)
        return 0 if filed.card is not None else 1

    def review(self, filed: Outcome) -> None:
        review = views.review_view(filed.session, filed)
        self.talk.say()
        late = f", {review.late_by} late" if review.late_by else ", on time"
        self.talk.say(f"Filed at {review.filed_at}{late}.")
        self.talk.say()
        self.talk.say(f"The editor's grade: {review.overall} out of 100.")
        for grade in review.grades:
            self.talk.say(f"{grade.name.capitalize()}: {grade.score}{' (an error)' if grade.error else ''}")
        if review.findings:
            self.talk.say()
            self.talk.say(f"The editor's notes ({review.summary}):")
            for finding in review.findings:
                where = f" (\u201c{finding.quoted}\u201d)" if finding.quoted else ""
                self.talk.say(f"{finding.number}. {finding.name.capitalize()}, {finding.severity}: "
                              f"{finding.message}{where}")
                if finding.detail:
                    for line in finding.detail.splitlines():
                        self.talk.say(f"   {line}")
        if review.strong:
            self.talk.say()
            self.talk.say("What a strong story did:")
            for note in review.strong:
                self.talk.say(f"- {note}")
        self.talk.say()
        if review.ending_title:
            self.talk.say(f"Ending: {review.ending_title}.")
        for paragraph in review.ending_text.split("\n\n"):
            self.talk.say(paragraph)
        if review.debrief:
            self.talk.say()
            self.talk.say("What your choices meant:")
            for principle, text in review.debrief:
                self.talk.say(f"- {principle}: {text}" if principle else f"- {text}")
        self.talk.say()
        for note in review.notes:
            self.talk.say(note)
        if review.card is not None and review.record is not None:
            self.talk.say(f"Your report card is saved: {review.card} (and {review.record.name} beside it for your "
                          "teacher).")

    # --- saving ---------------------------------------------------------------------------------

    def autosave(self) -> None:
        """Keep the game on disk after every step (`game.play.session.autosave`)."""
        try:
            autosave(self.session)
        except OSError as error:
            path = paths.save_path(self.scenario.id)
            self.talk.say(f"(The game could not be saved to {path}: {error.strerror or error}.)")


def run_plain(scenario: Scenario, *, results_dir: Path | None = None, player: str | None = None,
              new: bool = False, input: TextIO | None = None, output: TextIO | None = None) -> int:
    """Play a scenario in plain mode on these streams (default: standard input and output).

    Returns the exit status: 0 when the story was filed or the player chose to stop, 1 when input
    ended first or the report card could not be saved.
    """
    stdin = input if input is not None else sys.stdin
    stdout = output if output is not None else sys.stdout
    interactive = _isatty(stdin)
    width = min(shutil.get_terminal_size((80, 24)).columns, 100) if _isatty(stdout) else None
    talk = Conversation(stdin, stdout, width=width, echo=not interactive)
    game = PlainGame(scenario, talk, player=player, results_dir=results_dir)
    return game.play(new=new)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
