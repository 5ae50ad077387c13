"""Lint: what a scenario can load with but a player would trip over, found without playing.

Validation (the loader and `game.references`) says whether a file is a scenario at all. Lint goes on to
ask what routes through it can do: choices whose conditions can never hold given the effects that exist,
scenes that trap the player, quotes and facts no route can gather, key facts the desk asks for that no
route can learn, people who never speak, endings no route reaches, scenes too long for a screen. Each
finding is a located `Problem` with an `Lxxx` code, so it prints like a validation problem.

Codes (errors stop a scenario from working; warnings are content a player can never see, or style):

- L101 a choice can never be offered · L102 a question can never be put · L103 an extra paragraph is
  never shown · L104 a filing outcome can never be met · L105 a debrief note is never shown (warnings)
- L110 a scene with no way out that can ever be offered · L111 a scene from which no route leads to an
  ending (errors)
- L120 a quote no route gathers · L121 a fact no route learns (warnings) · L122 a key fact no route
  learns (error)
- L130 a person who never speaks (no route gathers their quotes; or they have none and nothing mentions
  them: a person named in the story but never quoted is there on purpose) · L131 a side of the story
  that can never be heard (warnings)
- L140 an ending no route reaches · L141 a scene no route reaches (warnings; validation already
  reports scenes nothing leads to)
- L150 a scene longer than a screen · L151 a choice label longer than a line (warnings)
- L160 a flag or counter nothing uses · L161 a flag or counter that is changed but never tested (warnings)
- L106 a wording whose `when:` never holds · L107 arrival effects that never apply · L108 a timed event
  that never happens · L109 a template in a text that is shown as written (a title, a place, a brief, a
  debrief note), where it would not be filled in (warnings)
- L170 a text that speaks of a time as past before it has come · L171 a text that speaks of a time as
  still to come when it can be read after it · L172 a quote written into the prose beside it, so it is
  printed twice (warnings; see `game.authoring.continuity`)
- L180 a fact's proposition too weak to match anything · L181 a fact whose `asserts` match neither its
  own statement nor its excerpt (warnings; see `weak_propositions`)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from game import templates
from game.authoring import continuity
from game.authoring.reach import Reach, can_end, reach
from game.loader import Checked, check_file, check_text
from game.model import Scenario, plain_words, wordings
from game.problems import Located, Problem
from game.references import references, texts

SCENE_WORDS = 200
"""A scene's text (with every extra paragraph) longer than this will not fit an 80×24 screen."""
LABEL_CHARACTERS = 80
"""A choice label longer than this wraps onto a second line."""

CODES: dict[str, str] = {
    "L101": "choice never offered", "L102": "question never put", "L103": "paragraph never shown",
    "L104": "outcome never met", "L105": "debrief note never shown", "L110": "dead end",
    "L111": "no way to an ending", "L120": "quote never gathered", "L121": "fact never learned",
    "L122": "key fact never learned", "L130": "person never speaks", "L131": "side never heard",
    "L140": "ending never reached", "L141": "scene never reached", "L150": "scene too long",
    "L151": "label too long", "L160": "unused name", "L161": "changed but never tested",
    "L106": "wording never shown", "L107": "arrival never applies", "L108": "timed event never happens",
    "L109": "template not filled in",
    **continuity.CODES,
    "L180": "proposition too weak", "L181": "propositions miss their own fact",
}
"""Every lint code, with a few words on what it finds."""


@dataclass
class Linted:
    """The lint of one file: validation's problems first, then lint's own findings."""

    file: str
    checked: Checked
    findings: list[Problem]

    @property
    def problems(self) -> list[Problem]:
        return [*self.checked.problems, *self.findings]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def lint_file(path: Path, name: str | None = None) -> Linted:
    """Validate a file, then lint it if it validated."""
    return _after_validation(check_file(path, name))


def lint_text(text: str, name: str) -> Linted:
    return _after_validation(check_text(text, name))


def _after_validation(checked: Checked) -> Linted:
    if checked.scenario is None or checked.errors or checked.located is None:
        return Linted(checked.file, checked, [])  # lint needs a scenario whose references hold
    return Linted(checked.file, checked, lint(checked.scenario, checked.located))


def lint(scenario: Scenario, located: Located) -> list[Problem]:
    """Every lint finding for a scenario that has passed validation, sorted by place in the file."""
    found = reach(scenario, counted=True)
    findings = [
        *_never_offered(scenario, found, located),
        *_traps(scenario, found, located),
        *_never_gathered(scenario, found, located),
        *_silent_people(scenario, found, located),
        *_never_reached(scenario, found, located),
        *_too_long(scenario, located),
        *_unused_names(scenario, located),
        *_templates_shown_as_written(scenario, located),
        *continuity.continuity(scenario, located),
        *weak_propositions(scenario, located),
    ]
    return sorted(findings)


def _warn(located: Located, path: tuple[object, ...], code: str, message: str, hint: str) -> Problem:
    """A warning, pointing at the key (`when:`, `text:`) rather than its value when the path names one."""
    return located.problem(path, code, message, hint, key=_names_key(located, path), severity="warning")


def _names_key(located: Located, path: tuple[object, ...]) -> bool:
    parent = located.find(path[:-1])
    return path[-1] in ("when", "text", "label") and isinstance(parent, MappingNode) and any(
        isinstance(key, ScalarNode) and key.value == path[-1] for key, _ in parent.value)


def _error(located: Located, path: tuple[object, ...], code: str, message: str, hint: str) -> Problem:
    return located.problem(path, code, message, hint, severity="error")


def _never_offered(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    for s, scene in enumerate(scenario.scenes):
        if scene.id not in found.scenes:
            continue  # the whole scene is reported once, not each of its parts
        for c, choice in enumerate(scene.choices):
            if (s, c) not in found.choices:
                reason = found.why_never(choice.when) or "its condition can never hold"
                yield _warn(located, ("scenes", s, "choices", c, "when"), "L101",
                            f"choice \"{plain_words(choice.label)}\" in scene '{scene.id}' can never be offered: "
                            f"{reason}",
                            "fix or remove its `when:`, or add the effect it waits for somewhere a route reaches")
        for a, arrival in enumerate(scene.arrive):
            hidden = found.why_never(arrival.when)
            if hidden:
                yield _warn(located, ("scenes", s, "arrive", a, "when"), "L107",
                            f"arrival effects {a + 1} of scene '{scene.id}' never apply: {hidden}",
                            "fix their `when:` or remove them")
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            if (s, q) not in found.questions:
                reason = found.why_never(question.when) or "its condition can never hold"
                yield _warn(located, ("scenes", s, "questions", "items", q, "when"), "L102",
                            f"question '{question.id}' can never be put: {reason}",
                            "fix or remove its `when:`, or add the effect it waits for somewhere a route reaches")
        for v, variant in enumerate(scene.extra):
            hidden = found.why_never(variant.when)
            if hidden:
                yield _warn(located, ("scenes", s, "extra", v, "when"), "L103",
                            f"an extra paragraph of scene '{scene.id}' is never shown: {hidden}",
                            "fix its `when:` or remove the paragraph")
    if scenario.filing and found.filing:
        outcomes = scenario.filing.outcomes
        for o, outcome in enumerate(outcomes):
            if o not in found.outcomes:
                reason = found.outcome_never(outcome, outcomes[:o]) or "its tests can never hold together"
                yield _warn(located, ("filing", "outcomes", o), "L104",
                            f"outcome {o + 1} (ending '{outcome.ending}') can never be met: {reason}",
                            "reorder the outcomes (most particular first) or fix its tests")
    for e, event in enumerate(scenario.events):
        hidden = found.why_never(event.when)
        if hidden:
            yield _warn(located, ("events", e, "when"), "L108", f"timed event '{event.id}' never happens: {hidden}",
                        "fix its `when:` or remove the event")
    yield from _wordings_never_shown(scenario, found, located)
    for n, note in enumerate(scenario.debrief):
        hidden = found.why_never(note.when)
        if hidden:
            yield _warn(located, ("debrief", n, "when"), "L105", f"debrief note {n + 1} is never shown: {hidden}",
                        "fix its `when:` or remove the note")


def _wordings_never_shown(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    for words, path in texts(scenario):
        if not isinstance(words, list):
            continue
        for v, variant in enumerate(words):
            hidden = found.why_never(variant.when)
            if hidden:
                yield _warn(located, (*path, v, "when"), "L106",
                            f"wording {v + 1} of {path[-1]} is never shown: {hidden}",
                            "fix its `when:` or remove the wording")


def _traps(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    ending_reachable = can_end(scenario, found)
    for s, scene in enumerate(scenario.scenes):
        if scene.ending or scene.id not in found.scenes:
            continue
        exits = [c for c, choice in enumerate(scene.choices)
                 if (s, c) in found.choices and (choice.file or (choice.goto and choice.goto != scene.id))]
        has_exits = any(choice.file or (choice.goto and choice.goto != scene.id) for choice in scene.choices)
        if not exits and has_exits:
            yield _error(located, ("scenes", s, "id"), "L110",
                         f"scene '{scene.id}' is a dead end: none of its ways out can ever be offered",
                         "give it a way out with no condition, or one with `fallback: true`")
        elif exits and scene.id not in ending_reachable:
            yield _error(located, ("scenes", s, "id"), "L111",
                         f"from scene '{scene.id}' no route leads to an ending: the player goes round for ever",
                         "add a choice that leads on towards an ending, or one with `file: true`")


def _never_gathered(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    gathered_anywhere = {r.id for r in references(scenario) if r.kind == "quote" and r.path[-2] == "gather"}
    learned_anywhere = {r.id for r in references(scenario)
                        if r.kind == "fact" and r.path[-2] in ("learn", "verify")}
    for index, quote in enumerate(scenario.quotes):
        if quote.id not in found.quotes and quote.id not in found.initial.quotes:
            where = ("only in places no route reaches" if quote.id in gathered_anywhere
                     else "nowhere: no scene, choice or question has it in `gather:`")
            yield _warn(located, ("quotes", index, "id"), "L120",
                        f"no route gathers quote '{quote.id}': it is gathered {where}",
                        f"add `gather: [{quote.id}]` to a scene, choice or question the player can reach")
    key_facts = {key.fact: k for k, key in enumerate(scenario.filing.key_facts)} if scenario.filing else {}
    for index, fact in enumerate(scenario.facts):
        if fact.id in found.facts or fact.id in found.initial.facts:
            continue
        where = ("only in places no route reaches" if fact.id in learned_anywhere
                 else "nowhere: no scene, choice or question has it in `learn:` or `verify:`")
        if fact.id in key_facts:
            yield _error(located, ("filing", "key_facts", key_facts[fact.id], "fact"), "L122",
                         f"the desk asks for key fact '{fact.id}', but no route learns it: it is learned {where}",
                         f"add `learn: [{fact.id}]` somewhere the player can reach, or drop it from key_facts")
        else:
            yield _warn(located, ("facts", index, "id"), "L121",
                        f"no route learns fact '{fact.id}': it is learned {where}",
                        f"add `learn: [{fact.id}]` to a scene, choice or question the player can reach")


def _silent_people(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    gatherable = found.quotes | set(found.initial.quotes)
    learnable = found.facts | set(found.initial.facts)
    speaks = {quote.speaker for quote in scenario.quotes if quote.id in gatherable}
    claims = {fact.claimed_by for fact in scenario.facts if fact.id in learnable and fact.claimed_by}
    referred = {r.id for r in references(scenario) if r.kind == "person" and r.path[-1] != "speaker"}
    referred |= {name.partition(".")[2] for words, _ in texts(scenario) for _, text in wordings(words)
                 for name in templates.names(text) if name.startswith("person.")}
    writing = _all_text(scenario)
    for index, person in enumerate(scenario.people):
        if person.id in speaks:
            continue
        if any(quote.speaker == person.id for quote in scenario.quotes):
            yield _warn(located, ("people", index, "id"), "L130",
                        f"{person.name} ('{person.id}') never speaks: no route gathers any of their quotes",
                        "let the player reach a scene, choice or question that gathers one of their quotes")
        elif person.id not in referred and not any(name in writing for name in [person.name, *person.names]):
            # Someone with no words who is named in the story is there on purpose (the record speaks of
            # them, and the grader should know their name); someone nothing mentions is likely forgotten.
            yield _warn(located, ("people", index, "id"), "L130",
                        f"{person.name} ('{person.id}') never speaks, and nothing in the scenario mentions them",
                        "give them a quote the player can gather, mention them, or remove them from `people:`")
    if scenario.filing:
        for index, side in enumerate(scenario.filing.balance):
            if not any(person in speaks or person in claims for person in side.people):
                yield _warn(located, ("filing", "balance", index), "L131",
                            f"side '{side.label}' can never be heard: no route gathers a quote or claim from "
                            f"{', '.join(side.people)}",
                            "let the player gather a quote from someone on this side, or change the side")


def _all_text(scenario: Scenario) -> str:
    """Every piece of prose in the scenario, run together, to look for people's names in."""
    parts = [scenario.summary, scenario.filing.brief if scenario.filing else ""]
    parts += [text for quote in scenario.quotes for text in (quote.text, quote.context)]
    parts += [text or "" for fact in scenario.facts for text in (fact.statement, fact.excerpt, fact.check)]
    for scene in scenario.scenes:
        parts += [variant.text for variant in scene.extra]
    parts += [text for words, _ in texts(scenario) for _, text in wordings(words)]
    return "\n".join(parts)


def _never_reached(scenario: Scenario, found: Reach, located: Located) -> Iterator[Problem]:
    from game.references import reachable

    linked = reachable(scenario)
    for s, scene in enumerate(scenario.scenes):
        if scene.id in found.scenes or scene.id not in linked:
            continue  # scenes nothing links to are validation's R306
        if scene.ending:
            yield _warn(located, ("scenes", s, "ending"), "L140",
                        f"no route reaches ending '{scene.id}': every way there can never be taken",
                        "check the conditions of the choices and outcomes that lead to it (see the other findings)")
        else:
            yield _warn(located, ("scenes", s, "id"), "L141",
                        f"no route reaches scene '{scene.id}': every choice leading there can never be offered",
                        "check the conditions of the choices that lead to it (see the other findings)")


def _too_long(scenario: Scenario, located: Located) -> Iterator[Problem]:
    for s, scene in enumerate(scenario.scenes):
        words = max(len(text.split()) for _, text in wordings(scene.text)) + sum(
            len(variant.text.split()) for variant in scene.extra)
        if words > SCENE_WORDS:
            yield _warn(located, ("scenes", s, "text"), "L150",
                        f"scene '{scene.id}' runs to {words} words; a screen holds about {SCENE_WORDS}",
                        "split it into two scenes, or move a paragraph into a choice's `response:`")
        for c, choice in enumerate(scene.choices):
            longest = max(len(text) for _, text in wordings(choice.label))
            if longest > LABEL_CHARACTERS:
                yield _warn(located, ("scenes", s, "choices", c, "label"), "L151",
                            f"a choice label in scene '{scene.id}' is {longest} characters long",
                            f"keep labels under {LABEL_CHARACTERS} characters; put detail in `response:`")


def _templates_shown_as_written(scenario: Scenario, located: Located) -> Iterator[Problem]:
    """Templates are filled in only in the texts a scene shows; elsewhere braces would reach the player."""
    fixed: list[tuple[str | None, tuple[object, ...]]] = [
        (scenario.filing.brief if scenario.filing else None, ("filing", "brief"))]
    fixed += [(note.text, ("debrief", n, "text")) for n, note in enumerate(scenario.debrief)]
    for s, scene in enumerate(scenario.scenes):
        fixed += [(scene.title, ("scenes", s, "title")), (scene.place, ("scenes", s, "place")),
                  (scene.ending.title if scene.ending else None, ("scenes", s, "ending", "title"))]
        fixed += [(choice.debrief, ("scenes", s, "choices", c, "debrief")) for c, choice in enumerate(scene.choices)]
    for text, path in fixed:
        if text and any(isinstance(found, templates.Slot) for found in templates.slots(text)):
            yield _warn(located, path, "L109", f"{path[-1]} holds a template, but this text is shown as written",
                        "templates are filled in in scene text, extra paragraphs, labels, responses, questions, "
                        "answers, prompts and event texts; write the words out here")


def _unused_names(scenario: Scenario, located: Located) -> Iterator[Problem]:
    tested: set[tuple[str, str]] = set()
    changed: set[tuple[str, str]] = set()
    for reference in references(scenario):
        if reference.kind not in ("flag", "counter"):
            continue
        is_effect = len(reference.path) > 1 and reference.path[-2] in ("set", "clear", "change", "set_to")
        (changed if is_effect else tested).add((reference.kind, reference.id))
    for words, _ in texts(scenario):  # a counter shown in the text is used, as much as one tested
        for _, text in wordings(words):
            tested |= {("counter", name.partition(".")[2]) for name in templates.names(text)
                       if name.startswith("counter.")}
    declared: list[tuple[tuple[object, ...], str, str]] = [
        (("flags", i), "flag", name) for i, name in enumerate(scenario.flags)]
    declared += [(("counters", name), "counter", name) for name in scenario.counters]
    for path, kind, name in declared:
        if (kind, name) not in tested and (kind, name) not in changed:
            yield _warn(located, path, "L160", f"{kind} '{name}' is declared but nothing sets or tests it",
                        f"remove it from `{kind}s:`, or use it in an effect and a `when:`")
        elif (kind, name) not in tested:
            yield _warn(located, path, "L161", f"{kind} '{name}' is changed but no condition ever tests it",
                        "test it in a `when:` (a choice, a paragraph, an outcome or a debrief note), or remove it")


def weak_propositions(scenario: Scenario, located: Located) -> Iterator[Problem]:
    """L180: a fact's proposition too weak to match anything (a sense with no words, only common words, or a
    negation inside it); L181: a fact whose `asserts` match neither its own statement nor its excerpt."""
    from game.grading.assertions import weak_senses
    for f, fact in enumerate(scenario.facts):
        for part in ("asserts", "opposes"):
            for p, proposition in enumerate(getattr(fact, part)):
                for problem in weak_senses(proposition):
                    yield _warn(located, ("facts", f, part, p), "L180",
                                f"fact '{fact.id}': a proposition in `{part}` is too weak: {problem}",
                                "give each sense a word that tells this fact from others (a noun or a verb)")
        if fact.asserts and not _asserts_own_words(fact):
            yield _warn(located, ("facts", f, "asserts"), "L181",
                        f"fact '{fact.id}': no proposition in `asserts` matches the fact's own statement or excerpt",
                        "check that the `about` and `happened` senses are words a sentence stating it would use")


def _asserts_own_words(fact: object) -> bool:
    """Whether any of a fact's propositions matches its statement or excerpt, read like a story."""
    from game.grading.assertions import matches, tokens_of
    from game.grading.text import read
    statement = getattr(fact, "statement", "") + "\n\n" + (getattr(fact, "excerpt", None) or "")
    reading = read("\n\n" + statement, 0)
    tokens = tokens_of(reading)
    return any(matches(tokens, reading, proposition) for proposition in getattr(fact, "asserts", []))
