"""The second pass: do the parts of a valid-shaped scenario point at each other correctly?

Every id a scenario mentions must exist, every scene must be reachable, and every scene that is not
an ending must have a way out. Each finding is located by its path in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game import templates
from game.model import Choice, Condition, Effects, Question, Scenario, UseQuestion, Variant
from game.problems import Located, Problem, did_you_mean

Path = tuple[object, ...]


@dataclass(frozen=True)
class Reference:
    """An id used somewhere in the scenario, the kind of thing it should name, and where it is."""

    kind: str
    id: str
    path: Path


def conditions(condition: Condition | None, path: Path) -> Iterator[tuple[Condition, Path]]:
    """A condition and every condition nested in it, with their paths."""
    if condition is None:
        return
    yield condition, path
    for index, part in enumerate(condition.all or []):
        yield from conditions(part, (*path, "all", index))
    for index, part in enumerate(condition.any or []):
        yield from conditions(part, (*path, "any", index))
    yield from conditions(condition.not_, (*path, "not"))


_CONDITION_REFERENCES = {
    "flag": "flag", "has_quote": "quote", "knows": "fact", "verified": "fact",
    "visited": "scene", "asked": "question", "counter": "counter",
}
_EFFECT_REFERENCES = {"gather": "quote", "learn": "fact", "verify": "fact", "set": "flag", "clear": "flag"}
Words = str | list[Variant] | None


def _condition_references(condition: Condition | None, path: Path) -> Iterator[Reference]:
    for part, part_path in conditions(condition, path):
        kind = _CONDITION_REFERENCES.get(part.kind)
        if kind:
            yield Reference(kind, str(part.part(part.kind)), (*part_path, part.kind))


def _effect_references(effects: Effects, path: Path) -> Iterator[Reference]:
    if not effects.has_effects:
        return  # most choices and scenes have no effects: skip the field-by-field walk
    for field, kind in _EFFECT_REFERENCES.items():
        for index, target in enumerate(getattr(effects, field)):
            yield Reference(kind, target, (*path, field, index))
    for name in effects.change:
        yield Reference("counter", name, (*path, "change", name))
    for name in effects.set_to:
        yield Reference("counter", name, (*path, "set_to", name))


def _wording_references(words: Words, path: Path) -> Iterator[Reference]:
    if isinstance(words, list):
        for index, variant in enumerate(words):
            yield from _condition_references(variant.when, (*path, index, "when"))


def texts(scenario: Scenario) -> Iterator[tuple[Words, Path]]:
    """Every text the player reads that may vary (templates, wordings), with its path."""
    for s, scene in enumerate(scenario.scenes):
        here: Path = ("scenes", s)
        yield scene.text, (*here, "text")
        for v, variant in enumerate(scene.extra):
            yield variant.text, (*here, "extra", v, "text")
        for c, choice in enumerate(scene.choices):
            yield choice.label, (*here, "choices", c, "label")
            yield choice.response, (*here, "choices", c, "response")
            for o, outcome in enumerate(choice.chance):
                yield outcome.text, (*here, "choices", c, "chance", o, "text")
        if scene.questions:
            yield scene.questions.prompt, (*here, "questions", "prompt")
            for q, item in enumerate(scene.questions.items):
                if isinstance(item, Question) and not _shared(scenario, item):
                    yield from _question_texts(item, (*here, "questions", "items", q))
    for q, question in enumerate(scenario.questions):
        yield from _question_texts(question, ("questions", q))
    for e, event in enumerate(scenario.events):
        yield event.text, ("events", e, "text")


def _question_texts(question: Question, path: Path) -> Iterator[tuple[Words, Path]]:
    yield question.ask, (*path, "ask")
    yield question.answer, (*path, "answer")


def _shared(scenario: Scenario, question: Question) -> bool:
    """Whether a scene's question is a shared one put there by `use:` (checked once, where it is defined)."""
    return any(question is shared for shared in scenario.questions)


def _question_references(question: Question, at: Path) -> Iterator[Reference]:
    yield from _effect_references(question, at)
    yield from _condition_references(question.when, (*at, "when"))
    if question.to:
        yield Reference("person", question.to, (*at, "to"))


def _choice_references(choice: Choice, at: Path) -> Iterator[Reference]:
    yield from _effect_references(choice, at)
    yield from _condition_references(choice.when, (*at, "when"))
    if choice.goto:
        yield Reference("scene", choice.goto, (*at, "goto"))
    for o, outcome in enumerate(choice.chance):
        yield from _effect_references(outcome, (*at, "chance", o))
        if outcome.goto:
            yield Reference("scene", outcome.goto, (*at, "chance", o, "goto"))


def references(scenario: Scenario) -> Iterator[Reference]:
    """Every id the scenario uses, with where it is used."""
    if scenario.start:
        yield Reference("scene", scenario.start, ("start",))
    for index, quote in enumerate(scenario.quotes):
        yield Reference("person", quote.speaker, ("quotes", index, "speaker"))
        if quote.heard_from:
            yield Reference("person", quote.heard_from, ("quotes", index, "heard_from"))
        if quote.source:
            yield Reference("source", quote.source, ("quotes", index, "source"))
    for index, fact in enumerate(scenario.facts):
        if fact.claimed_by:
            yield Reference("person", fact.claimed_by, ("facts", index, "claimed_by"))
        if fact.source:
            yield Reference("source", fact.source, ("facts", index, "source"))
    for s, scene in enumerate(scenario.scenes):
        here: Path = ("scenes", s)
        yield from _effect_references(scene, here)
        for a, arrival in enumerate(scene.arrive):
            yield from _effect_references(arrival, (*here, "arrive", a))
            yield from _condition_references(arrival.when, (*here, "arrive", a, "when"))
        for v, variant in enumerate(scene.extra):
            yield from _condition_references(variant.when, (*here, "extra", v, "when"))
        for c, choice in enumerate(scene.choices):
            yield from _choice_references(choice, (*here, "choices", c))
        if scene.questions:
            for q, item in enumerate(scene.questions.items):
                at: Path = (*here, "questions", "items", q)
                if isinstance(item, UseQuestion):
                    yield Reference("shared question", item.use, (*at, "use"))
                elif not _shared(scenario, item):
                    yield from _question_references(item, at)
    for q, question in enumerate(scenario.questions):
        yield from _question_references(question, ("questions", q))
    for e, event in enumerate(scenario.events):
        yield from _effect_references(event, ("events", e))
        yield from _condition_references(event.when, ("events", e, "when"))
        if event.goto:
            yield Reference("scene", event.goto, ("events", e, "goto"))
    for words, path in texts(scenario):
        yield from _wording_references(words, path)
    if scenario.filing:
        for index, key_fact in enumerate(scenario.filing.key_facts):
            yield Reference("fact", key_fact.fact, ("filing", "key_facts", index, "fact"))
        for s, side in enumerate(scenario.filing.balance):
            for p, person in enumerate(side.people):
                yield Reference("person", person, ("filing", "balance", s, "people", p))
        for index, outcome in enumerate(scenario.filing.outcomes):
            at = ("filing", "outcomes", index)
            yield Reference("ending", outcome.ending, (*at, "ending"))
            yield from _condition_references(outcome.when, (*at, "when"))
            for field, kind in (("carried", "fact"), ("omitted", "fact"), ("quoted", "person")):
                for position, target in enumerate(getattr(outcome, field)):
                    yield Reference(kind, target, (*at, field, position))
    for index, note in enumerate(scenario.debrief):
        yield from _condition_references(note.when, ("debrief", index, "when"))


def known_ids(scenario: Scenario) -> dict[str, list[str]]:
    """Every id the scenario defines, by kind."""
    questions = [q.id for scene in scenario.scenes if scene.questions for q in scene.questions.asked]
    questions += [q.id for q in scenario.questions]
    return {
        "scene": [scene.id for scene in scenario.scenes],
        "ending": [scene.id for scene in scenario.scenes if scene.ending],
        "person": [person.id for person in scenario.people],
        "quote": [quote.id for quote in scenario.quotes],
        "fact": [fact.id for fact in scenario.facts],
        "source": [source.id for source in scenario.sources],
        "flag": list(scenario.flags),
        "counter": list(scenario.counters),
        "question": questions,
        "shared question": [q.id for q in scenario.questions],
    }


def _duplicates(scenario: Scenario, located: Located) -> Iterator[Problem]:
    groups: dict[str, list[tuple[str, Path]]] = {
        "scene": [(scene.id, ("scenes", i, "id")) for i, scene in enumerate(scenario.scenes)],
        "person": [(person.id, ("people", i, "id")) for i, person in enumerate(scenario.people)],
        "quote": [(quote.id, ("quotes", i, "id")) for i, quote in enumerate(scenario.quotes)],
        "fact": [(fact.id, ("facts", i, "id")) for i, fact in enumerate(scenario.facts)],
        "source": [(source.id, ("sources", i, "id")) for i, source in enumerate(scenario.sources)],
        "flag": [(flag, ("flags", i)) for i, flag in enumerate(scenario.flags)],
        "question": [(q.id, ("questions", i, "id")) for i, q in enumerate(scenario.questions)] + [
            (q.id, ("scenes", s, "questions", "items", i, "id"))
            for s, scene in enumerate(scenario.scenes) if scene.questions
            for i, q in enumerate(scene.questions.items)
            if isinstance(q, Question) and not _shared(scenario, q)],
        "event": [(event.id, ("events", i, "id")) for i, event in enumerate(scenario.events)],
    }
    for s, scene in enumerate(scenario.scenes):
        groups[f"choice in scene '{scene.id}'"] = [
            (choice.id, ("scenes", s, "choices", c, "id"))
            for c, choice in enumerate(scene.choices) if choice.id]
    for kind, entries in groups.items():
        first: dict[str, Path] = {}
        for name, path in entries:
            if name in first:
                earlier = located.find(first[name])
                line = earlier.start_mark.line + 1 if earlier else "?"
                yield located.problem(path, "R301", f"duplicate {kind} id '{name}'",
                                      f"ids must be unique; the first '{name}' is on line {line}")
            else:
                first[name] = path


def successors(scenario: Scenario, desk: str | None = None) -> dict[str, set[str]]:
    """Which scenes each scene can lead to, through choices and (for filing choices) the outcomes.

    With `desk`, filing choices lead to a node of that name instead of straight to the outcome endings.
    """
    if desk is not None:
        endings = {desk}
    else:
        endings = {outcome.ending for outcome in scenario.filing.outcomes} if scenario.filing else set()
    graph: dict[str, set[str]] = {} if desk is None else {desk: set()}
    timed = {event.goto for event in scenario.events if event.goto}
    for scene in scenario.scenes:
        targets = graph.setdefault(scene.id, set())
        for choice in scene.choices:
            targets |= choice_targets(choice)
            if choice.file:
                targets |= endings
        if not scene.ending:
            targets |= timed  # a timed event can take the player away from any scene
    return graph


def every_effect(scenario: Scenario) -> Iterator[Effects]:
    """Everything that can change the state: scenes, their choices and chance outcomes, questions (shared
    ones as placed in scenes: uses are resolved on loading), arrivals, and timed events."""
    for scene in scenario.scenes:
        yield scene
        for choice in scene.choices:
            yield choice
            yield from choice.chance
        yield from scene.questions.asked if scene.questions else ()
        yield from scene.arrive
    yield from scenario.events


def choice_targets(choice: Choice) -> set[str]:
    """The scenes a choice can lead to: its goto, and each chance outcome's (or the goto, for those without)."""
    if not choice.chance:
        return {choice.goto} if choice.goto else set()
    return {target for outcome in choice.chance if (target := outcome.goto or choice.goto)}


def reachable(scenario: Scenario) -> set[str]:
    graph = successors(scenario)
    seen = {scenario.start_scene}
    todo = [scenario.start_scene]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


_UNKNOWN_CODES = {"scene": "R302", "ending": "R302", "quote": "R303", "fact": "R304", "person": "R305",
                  "source": "R308", "flag": "R309", "counter": "R309", "question": "R310",
                  "shared question": "R310"}


def _unknown_references(scenario: Scenario, located: Located,
                        defined_elsewhere: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """A problem for every id used but not defined (ids in `defined_elsewhere` count as defined)."""
    known = known_ids(scenario)
    lookup = {kind: set(ids) for kind, ids in known.items()}  # membership by set: linear, not quadratic
    problems = []
    for reference in references(scenario):
        if reference.id in lookup[reference.kind] or reference.id in defined_elsewhere:
            continue
        hint = did_you_mean(reference.id, known[reference.kind], f"{reference.kind}s")
        message = f"unknown {reference.kind} '{reference.id}'"
        if reference.kind == "ending" and reference.id in lookup["scene"]:
            message = f"scene '{reference.id}' is not an ending"
            hint = "give that scene an `ending:` block, or name an ending scene here"
        elif reference.kind in ("flag", "counter"):
            hint += f" (declare {reference.kind}s at the top level, under `{reference.kind}s:`)"
        elif reference.kind == "shared question":
            hint += " (define shared questions at the top level, under `questions:`)"
        problems.append(located.problem(reference.path, _UNKNOWN_CODES[reference.kind], message, hint))
    return problems


def check_references(scenario: Scenario, located: Located) -> list[Problem]:
    """Every broken reference, duplicate id, unreachable scene and dead end, located."""
    problems = list(_duplicates(scenario, located))
    problems += _unknown_references(scenario, located)
    problems += _people_rules(scenario, located)
    problems += _flow(scenario, located)
    problems += template_problems(scenario, located)
    return problems


def template_problems(scenario: Scenario, located: Located) -> list[Problem]:
    """A problem for every template that names nothing, pointing at the template itself."""
    known = {"counter": list(scenario.counters), "person": [person.id for person in scenario.people]}
    problems: list[Problem] = []
    for words, path in texts(scenario):
        if words is None:
            continue
        wordings = [(words, path)] if isinstance(words, str) else [
            (variant.text, (*path, v, "text")) for v, variant in enumerate(words)]
        for text, at in wordings:
            for mistake in templates.check(text, known):
                problems.append(_located_inside(located, at, text, mistake))
    return problems


def _located_inside(located: Located, path: Path, text: str, mistake: templates.Mistake) -> Problem:
    """A template problem at the template's own line and column: the nth time its words appear in the
    scalar's source (escapes or folding can hide it; then the scalar's start is used)."""
    problem = located.problem(path, "R320", mistake.message, mistake.hint)
    node = located.find(path)
    start, end = getattr(node, "start_mark", None), getattr(node, "end_mark", None)
    if start is None or end is None or not located.text:
        return problem
    source = located.text[start.index:end.index]
    nth = text[:mistake.start].count(mistake.written)
    found = -1
    for _ in range(nth + 1):
        found = source.find(mistake.written, found + 1)
        if found < 0:
            return problem
    at = start.index + found
    line = located.text.count("\n", 0, at) + 1
    column = at - (located.text.rfind("\n", 0, at) + 1) + 1
    return Problem(problem.file, line, column, problem.code, problem.message, problem.hint)


def _people_rules(scenario: Scenario, located: Located) -> Iterator[Problem]:
    real = {person.id for person in scenario.people if person.real}
    for index, quote in enumerate(scenario.quotes):
        if quote.speaker in real and quote.source is None and len(scenario.sources) > 1:
            yield located.problem(("quotes", index), "R311",
                                  f"quote '{quote.id}' by a real person names no source",
                                  "add `source: ID`: a real person's words must come from the record")
        if quote.kind == "second_hand" and quote.heard_from is None:
            yield located.problem(("quotes", index, "kind"), "R312",
                                  f"second-hand quote '{quote.id}' does not say who passed it on",
                                  "add `heard_from: PERSON` so the notebook can say where it came from")


def _flow(scenario: Scenario, located: Located) -> Iterator[Problem]:
    files = [(s, c) for s, scene in enumerate(scenario.scenes)
             for c, choice in enumerate(scene.choices) if choice.file]
    if files and scenario.filing is None:
        s, c = files[0]
        yield located.problem(("scenes", s, "choices", c, "file"), "R313",
                              "a choice sends the player to the story desk, but there is no `filing:` section",
                              "add `filing:` with a brief and outcomes (see docs/authoring.md)")
    if scenario.filing and not scenario.filing.outcomes[-1].unconditional:
        yield located.problem(("filing", "outcomes", len(scenario.filing.outcomes) - 1), "R314",
                              "the last outcome has tests, so some filed stories would reach no ending",
                              "end the list with an outcome that names only an ending")
    scene_ids = {scene.id for scene in scenario.scenes}
    if scenario.start_scene not in scene_ids:
        return  # already reported as an unknown scene; reachability would only repeat it
    seen = reachable(scenario)
    for s, scene in enumerate(scenario.scenes):
        if scene.id not in seen:
            yield located.problem(("scenes", s, "id"), "R306", f"nothing leads to scene '{scene.id}'",
                                  "add a choice with `goto: " + scene.id + "` somewhere, or remove the scene")
        if scene.ending:
            if scene.choices or scene.questions:
                yield located.problem(("scenes", s, "ending"), "R315",
                                      f"ending '{scene.id}' has choices or questions the player can never use",
                                      "an ending stops the game: remove its choices, or its `ending:` block")
            continue
        exits = [c for c in scene.choices if c.file or choice_targets(c) - {scene.id}]
        if not exits:
            yield located.problem(("scenes", s, "id"), "R307",
                                  f"scene '{scene.id}' has no way out and is not an ending",
                                  "add a choice with `goto:` another scene or `file: true`, "
                                  "or make it an ending with an `ending:` block")


# --- when the structure is broken ----------------------------------------------------------------

_PLACEHOLDERS: dict[str, object] = {
    "format": 1, "id": "salvage", "version": "0", "title": "-", "summary": "-", "authors": ["-"],
    "sources": [{"id": "-", "title": "-", "outlet": "-", "date": "2000-01-01", "where": "-"}],
    "clock": {"start": "00:00", "deadline": "23:59"},
    "people": [{"id": "-", "name": "-", "role": "-", "real": False}],
}
_LISTS = ("sources", "people", "quotes", "facts", "questions", "events", "scenes", "debrief")


def _raw_ids(data: dict[str, object]) -> set[str]:
    """Every id written anywhere in the raw data, valid or not: a broken part still defines its id."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found.add(node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    flags, counters = data.get("flags"), data.get("counters")
    if isinstance(flags, list):
        found |= {item for item in flags if isinstance(item, str)}
    if isinstance(counters, dict):
        found |= {key for key in counters if isinstance(key, str)}
    return found


def salvaged_references(data: dict[str, object], located: Located) -> list[Problem]:
    """Reference problems in the parts of a structurally broken scenario that are sound.

    Each top-level list keeps the items that validate on their own, missing or broken top-level
    fields get placeholders, and only duplicate ids and "unknown id" findings are made, the latter only
    for ids that appear nowhere in the file, so a broken part never causes a false report about another.
    Flow checks (reachability, dead ends) wait until the structure is sound.
    """
    from pydantic import ValidationError

    fields = Scenario.model_fields
    repaired: dict[str, object] = {}
    kept_indexes: dict[str, list[int]] = {}
    for name, value in data.items():
        if name not in fields:
            continue
        if name in _LISTS and isinstance(value, list):
            item_type = fields[name].annotation.__args__[0]  # type: ignore[union-attr]
            kept = []
            for position, item in enumerate(value):
                try:
                    item_type.model_validate(item)
                except ValidationError:
                    continue
                kept.append(position)
            kept_indexes[name] = kept
            repaired[name] = [value[position] for position in kept]
        else:
            repaired[name] = value
    for name, placeholder in _PLACEHOLDERS.items():
        repaired.setdefault(name, placeholder)
    if not repaired.get("scenes"):
        return []
    try:
        scenario = Scenario.model_validate(repaired)
    except ValidationError:
        for name in list(repaired):
            if name not in _LISTS and name in _PLACEHOLDERS:
                repaired[name] = _PLACEHOLDERS[name]
            elif name not in _LISTS:
                repaired.pop(name)
        try:
            scenario = Scenario.model_validate(repaired)
        except ValidationError:
            return []
    remapped = _RemappedLocated(located, kept_indexes)
    return list(_duplicates(scenario, remapped)) + _unknown_references(scenario, remapped, _raw_ids(data))


class _RemappedLocated(Located):
    """Paths into the repaired data, translated back to the original list positions."""

    def __init__(self, located: Located, kept: dict[str, list[int]]) -> None:
        super().__init__(located.file, located.root, located.text)
        self.kept = kept

    def find(self, path: tuple[object, ...], key: bool = False) -> object:  # type: ignore[override]
        if len(path) >= 2 and path[0] in self.kept and isinstance(path[1], int):
            path = (path[0], self.kept[str(path[0])][path[1]], *path[2:])
        return super().find(path, key=key)
