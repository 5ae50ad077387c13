"""`newsroom new NAME`: a starter scenario that validates, lints clean, playtests clean, and teaches.

The starter is a complete little story (a fire at an old mill, wholly fictional) whose comments explain
each part of the format, so an author can change it piece by piece and run the tools after each change.
"""

from __future__ import annotations

import re
from pathlib import Path

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
MAX_NAME = 80


class ScaffoldError(ValueError):
    """The starter scenario cannot be written (a bad name, or the file is already there)."""


def check_name(name: str) -> str:
    """The scenario id for NAME (a trailing .yaml is allowed), or ScaffoldError saying what is wrong."""
    if name.endswith((".yaml", ".yml")):
        name = name.rsplit(".", 1)[0]
    if "/" in name or "\\" in name:
        raise ScaffoldError(f"'{name}' is a path; give just a name, and run the command in the folder "
                            "where the file should go")
    if not name:
        raise ScaffoldError("the name is empty")
    if len(name) > MAX_NAME:
        raise ScaffoldError(f"the name is {len(name)} characters long; the limit is {MAX_NAME}")
    if not NAME_PATTERN.match(name):
        raise ScaffoldError(f"'{name}' cannot be a scenario id: use letters, digits, '-' and '_', "
                            "starting with a letter or digit (for example: mill-fire)")
    return name


def title_of(name: str) -> str:
    """A first title from the name: "mill-fire" becomes "Mill Fire"."""
    words = [word for word in re.split(r"[-_]+", name) if word]
    return " ".join(word[:1].upper() + word[1:] for word in words) or name


def starter_text(name: str) -> str:
    """The starter scenario's YAML for a checked name."""
    title = title_of(name).replace('"', "'")
    text = STARTER.replace("@ID@ #", f"{name:<21} #")  # the comment lines up with its neighbours'
    return text.replace("@ID@", name).replace("@TITLE@", title).replace("@FILE@", f"{name}.yaml")


def write_starter(name: str, folder: Path) -> Path:
    """Write NAME.yaml in the folder; never overwrites. Raises ScaffoldError or OSError."""
    scenario_id = check_name(name)
    path = folder / f"{scenario_id}.yaml"
    try:
        with path.open("x", encoding="utf-8") as stream:  # "x": fail if the file exists, atomically
            stream.write(starter_text(scenario_id))
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; choose another name, or move that file away") from None
    return path


STARTER = '''\
# yaml-language-server: $schema=scenario.schema.json
#
# @TITLE@: a Newsroom scenario, started with `newsroom new`.
#
# This file is a complete, playable little story (wholly fictional: a fire at an old mill) so you can
# change it one piece at a time. After each change, run:
#
#     newsroom validate @FILE@        every problem, as file:line:column, with a hint
#     newsroom lint --strict @FILE@   what no route can use: dead ends, unreachable endings, ...
#     newsroom playtest @FILE@        play every route: coverage, endings, dead ends
#     newsroom graph @FILE@           the story map (Mermaid; --format dot for Graphviz)
#     newsroom play @FILE@            play it yourself
#
# docs/authoring.md has the tutorial and a reference for every field. Editors that speak the YAML
# language server (VS Code with the YAML extension, for one) autocomplete every field and underline
# mistakes, through the first line of this file, once the schema sits beside it:
#
#     newsroom schema > scenario.schema.json
#
# YAML is read strictly: yes/no/on/off are text, not true/false, and a time like 09:30 stays a time. Put
# text that looks like a number in quotes ("1.0"). Indent with spaces, never tabs.

# --- about the scenario -------------------------------------------------------------------------
format: 1                 # the version of the file format: always 1 for now
id: @ID@ # the scenario's name in saves and reports; keep it once people play
version: "1.0"            # your own version number, in quotes so it stays text
title: "@TITLE@"
summary: >-
  A fire has gutted the old mill on the river. You have the morning to find out what happened,
  weigh what people are saying, and file before the noon deadline.
authors: [Your Name]
language: en
objectives:               # what a player should learn; shown on the title screen and to teachers
  - Quote people word for word and say who said what.
  - Check a rumour before you report it.

# --- the record -----------------------------------------------------------------------------------
# Every real person's words and every fact rest on a source record. For a fictional story the record is
# your own notes: say so in the title.
sources:
  - id: notes
    title: Reporter's notes, fire at the old mill (fictional)
    outlet: Our newsroom
    date: "2024-03-02"    # YYYY-MM-DD, in quotes
    where: @FILE@

# --- the clock --------------------------------------------------------------------------------------
# Every choice costs minutes_per_action game minutes unless it says `minutes:`. A story filed after the
# deadline is late.
clock:
  start: "08:00"
  deadline: "12:00"
  minutes_per_action: 15

# --- people -----------------------------------------------------------------------------------------
# real: true is for real people, whose quotes must be word for word from the source record. Everyone
# here is invented (real: false). `names` are what a story may call them besides the full name.
people:
  - id: chief
    name: Sam Okoro
    role: Fire chief
    real: false
    names: [Okoro, the chief, Chief Okoro]
  - id: owner
    name: Lena Marsh
    role: Owner of the mill
    real: false
    names: [Marsh]
  - id: neighbour
    name: Tom Reyes
    role: Lives across the river
    real: false
    names: [Reyes]
  - id: editor
    name: Priya Shah
    role: Your editor
    real: false
    names: [Shah]

# --- quotes ---------------------------------------------------------------------------------------
# The words exactly as said, without quotation marks. `kind` is on_record, statement, social_post or
# second_hand (second_hand quotes also say `heard_from:`). Scenes, choices and questions `gather` them.
quotes:
  - id: editor-brief
    speaker: editor
    text: "Find out what burned, whether anyone was hurt, and what the owner says."
    context: The morning call
    kind: on_record
  - id: chief-cause
    speaker: chief
    text: "We don't know the cause yet, and I won't guess."
    context: At the scene, answering your question
    kind: on_record
  - id: chief-injuries
    speaker: chief
    text: "Nobody was inside. Two of my firefighters were treated for smoke."
    context: At the scene, answering your question
    kind: on_record
  - id: owner-rebuild
    speaker: owner
    text: "My grandfather built that mill. We will build it again."
    context: Outside the gates, to reporters
    kind: on_record
  - id: neighbour-sparks
    speaker: neighbour
    text: "I saw sparks over the roof before I smelled the smoke."
    context: On his front step, across the river
    kind: on_record

# --- facts ----------------------------------------------------------------------------------------
# status: confirmed (the record says so), claim (someone says so; give claimed_by) or rumour (talk,
# not checked). `accurate` says whether checking shows a claim or rumour true. `wording` lists phrases
# the editor looks for in the story; `contradictions` phrases that would state the opposite.
facts:
  - id: mill-destroyed
    statement: The fire destroyed the main building of the old mill overnight.
    status: confirmed
    excerpt: destroyed the main building
    source: notes
    wording: ["destroyed", "gutted"]
    contradictions: ["minor damage"]
  - id: arson-rumour
    statement: People across the river say the fire was started on purpose.
    status: rumour
    claimed_by: neighbour
    accurate: false
    wording: ["started on purpose", "arson"]
    check: The chief says the cause is not known; nobody has found any sign it was set.

# --- flags and counters -----------------------------------------------------------------------------
# Flags are on/off marks that effects `set` and `clear` and conditions test; they start unset.
# Counters are numbers that effects `change`; give their starting values.
flags: [checked-rumour]
counters:
  trust: 0

# --- scenes -----------------------------------------------------------------------------------------
# The first scene listed is where the day starts. A scene has an `id`, `text` (present tense, second
# person), optional `title` and `place`, and `choices`. Effects written on a scene (`gather`, `learn`,
# `verify`, `set`, `clear`, `change`) happen each time the player arrives.
scenes:
  - id: call
    title: The morning call
    place: Newsroom
    text: |
      Your editor rings at eight. The old mill by the river burned in the night.
    gather: [editor-brief]
    choices:
      - label: Drive to the mill
        goto: mill
        minutes: 30          # this choice costs 30 minutes, not the clock's 15

  - id: mill
    title: At the mill
    place: The old mill
    text: |
      The roof is gone. Fire crews are damping down what is left, and the chief is by the gate.
    learn: [mill-destroyed]
    extra:                   # paragraphs shown only while their condition holds
      - when: {counter: trust, at_least: 1}
        text: The chief nods at you. He remembers you asked straight questions.
    choices:
      - label: Talk to the chief
        goto: chief
        once: true           # offered until taken once; without it a choice stays on offer
      - label: Cross the river to the houses opposite
        goto: houses
        when: {before: "10:00"}   # offered only while this holds: people leave for work at ten
      - label: Wait for the owner at the gates
        goto: owner
        when: {not: {visited: owner}}
      - label: Head back and write
        file: true           # goes to the story desk (see `filing:` below)
        # A choice with `fallback: true` is offered only when nothing else is: a way out for when every
        # other choice's `when:` fails. This scene needs none, since this choice has no condition.
        debrief: Filing early is safe on the clock, but a fire story needs the cause and the people.

  - id: chief
    title: The chief
    place: The mill gate
    text: Chief Okoro pulls off his helmet. "Two minutes," he says.
    questions:               # an interview: each question can be asked once
      limit: 2               # the player may ask two of the three
      minutes: 5             # each question costs five minutes
      prompt: You have time for two questions.
      items:
        - id: ask-cause
          ask: What started it?
          to: chief
          answer: He shakes his head.
          gather: [chief-cause]
          change: {trust: 1}
        - id: ask-hurt
          ask: Was anyone hurt?
          to: chief
          answer: He glances at the ambulance.
          gather: [chief-injuries]
        - id: ask-arson
          ask: People are saying it was set on purpose. Was it?
          to: chief
          when: {knows: arson-rumour}     # only once the player has heard the rumour
          answer: '"Nobody has found anything like that," he says. "Don''t print a guess."'
          verify: [arson-rumour]
          set: [checked-rumour]
    choices:
      - label: Back to the gate
        goto: mill

  - id: houses
    title: Across the river
    place: River Lane
    text: Tom Reyes is on his front step, still in his dressing gown.
    gather: [neighbour-sparks]
    learn: [arson-rumour]
    choices:
      - label: Back over the bridge to the mill
        goto: mill

  - id: owner
    title: The owner
    place: The mill gates
    text: Lena Marsh arrives, white-faced, and stops in front of the cameras.
    gather: [owner-rebuild]
    choices:
      - label: Back to the mill
        goto: mill
      - label: Head back and write
        file: true

  # Endings: scenes with an `ending:` block. The game stops there. The story desk picks one (below).
  - id: front-page
    title: Front page
    text: Your story leads the paper. The fire, the people, and no guesses.
    ending: {title: Front page, tone: great}      # tone: great, good, mixed, poor or bad
  - id: inside
    title: Page five
    text: The story runs inside. It is sound, but thin.
    ending: {title: Page five, tone: mixed}
  - id: correction
    title: A correction
    text: The fire service says there is no sign of arson. Your paper prints a correction.
    ending: {title: Correction, tone: bad}
  - id: missed
    title: Missed the edition
    text: The edition closed without your story.
    ending: {title: Missed deadline, tone: poor}

# --- the story desk -------------------------------------------------------------------------------------
# What the editor asks for, and which ending a filed story reaches.
filing:
  brief: 300 words on the mill fire, with the cause as far as anyone knows it.
  min_words: 40
  max_words: 500
  writing_minutes: 30          # the clock moves on by this much while you write
  key_facts:                   # what a complete story carries; the heaviest belongs in the lede
    - fact: mill-destroyed
      weight: 3
  balance:                     # the sides a fair story hears from
    - label: The fire service
      people: [chief]
    - label: The owner
      people: [owner]
  outcomes:                    # tried in order: the first whose tests all hold wins
    - ending: missed
      late: true
    - ending: correction
      errors_in: [accuracy, verification]
    - ending: front-page
      min_score: 80
    - ending: inside           # the last one has no tests: every other story lands here

# --- the debrief ---------------------------------------------------------------------------------------
# Teaching notes for the editor's review, shown when their condition holds at the end.
debrief:
  - when: {not: {flag: checked-rumour}}
    principle: Verify before you publish
    text: You never put the arson talk to anyone who would know. A rumour is not a fact until checked.
  - when: {flag: checked-rumour}
    principle: Verify before you publish
    text: You put the arson rumour to the chief and learned nobody had found any sign of it.
'''
