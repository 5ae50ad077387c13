"""The latest the clock can ever show: a bound on time that proves late endings and late tests out of reach.

The clock moves only when the player takes an option: by its minutes, or, for a choice that waits
`until` a time, up to that time. So a route's time is bounded by how much it can spend:

- every question is put at most once, and so is a `once` choice; at most `limit` questions in a scene
  with a question limit: together they can spend at most the sum of their minutes (`once_minutes`);
- between two of those once-only moves (and before the first and after the last) the player moves only by
  sticky choices, or to the desk and back to the same scene (the desk's clock stands still when it has no
  rate). If no cycle of
  sticky moves costs minutes, each such stretch is a path that can cost at most the longest sticky path
  (`stretch`); a cycle that does cost minutes lets the clock run for ever, and then there is no bound;
- a timed event that moves the player spends no minutes, but breaks a stretch like a once-only move;
- waiting `until` a time leaves the clock at that time or later, and adds nothing to what the route spends.

So the clock never passes `max(start, latest until) + once_minutes + (once moves + 1) * stretch`. The
bound is sound (it over-estimates), not tight: conditions that close moves are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from game import engine
from game.model import Condition, Scenario, clock_text, minutes_of


@dataclass(frozen=True)
class Budget:
    """The latest clock a route can reach, and how that was worked out (for the reason a proof gives)."""

    latest: int
    """Minutes since midnight of the first day."""
    once_minutes: int
    once_moves: int
    stretch: int

    def why(self) -> str:
        return (f"the clock can never pass {clock_text(self.latest)}: the once-only questions and choices "
                f"spend at most {self.once_minutes} minutes and no loop of repeatable choices costs time")


def latest_clock(scenario: Scenario) -> Budget | None:
    """The latest clock any route can reach (`Budget`), or None when a loop of repeatable moves costs time
    or the desk's clock runs (then the clock has no bound the moves can give)."""
    if scenario.filing is not None and scenario.filing.desk_clock_rate > 0:
        return None
    menus = engine.index(scenario).menus
    edges: dict[str, list[tuple[str, int]]] = {}
    once_minutes = once_moves = 0
    waits = [minutes_of(scenario.clock.start)]
    for scene in scenario.scenes:
        if scene.ending:
            continue
        menu = menus[scene.id]
        out = edges.setdefault(scene.id, [])
        costs = sorted((option.minutes for option, _ in menu.questions), reverse=True)
        if menu.limit is not None:
            costs = costs[:menu.limit]
        once_minutes += sum(costs)
        once_moves += len(costs)
        for option, choice in menu.choices:
            if choice.until:
                waits.append(minutes_of(choice.until))
                cost = 0
            else:
                cost = option.minutes
            goals = {outcome.goto or choice.goto or scene.id for outcome in choice.chance} or {choice.goto or scene.id}
            if choice.file:
                goals = {scene.id}  # to the desk, and leaving it comes back here
            if choice.once:
                once_minutes += cost
                once_moves += 1
                continue
            out.extend((goal, cost) for goal in goals)
    once_moves += len(scenario.events)
    stretch = _longest_path(edges)
    if stretch is None:
        return None
    latest = max(waits) + once_minutes + (once_moves + 1) * stretch
    return Budget(latest, once_minutes, once_moves, stretch)


def _longest_path(edges: dict[str, list[tuple[str, int]]]) -> int | None:
    """The most minutes any path of these edges costs, or None when a cycle costs some (unbounded).

    Edges into scenes that are not nodes (endings) cost nothing further. Strongly connected parts whose
    inner edges all cost 0 are free to go round; the longest path is then over the condensation."""
    nodes = list(edges)
    part = _components(nodes, {node: [goal for goal, _ in edges[node] if goal in edges] for node in nodes})
    longest: dict[int, int] = {}
    inner: dict[int, list[tuple[int, int]]] = {}
    for node in nodes:
        for goal, cost in edges[node]:
            if goal not in edges:
                continue
            if part[goal] == part[node]:
                if cost > 0:
                    return None
                continue
            inner.setdefault(part[node], []).append((part[goal], cost))
    # Tarjan numbers components in reverse topological order: a component's successors come first.
    for component in sorted(set(part.values())):
        longest[component] = max((cost + longest[goal] for goal, cost in inner.get(component, [])), default=0)
    return max(longest.values(), default=0)


def _components(nodes: list[str], graph: dict[str, list[str]]) -> dict[str, int]:
    """Tarjan's strongly connected components, iteratively; numbered so successors' components come first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    part: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    count = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, goals = work[-1]
            goal = next(goals, None)
            if goal is not None:
                if goal not in index:
                    index[goal] = low[goal] = len(index)
                    stack.append(goal)
                    on_stack.add(goal)
                    work.append((goal, iter(graph[goal])))
                elif goal in on_stack:
                    low[node] = min(low[node], index[goal])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part[member] = count
                    if member == node:
                        break
                count += 1
    return part


def needs_after(condition: Condition | None) -> int | None:
    """The clock a condition can hold no earlier than (from `after`, or `not before`), or None."""
    if condition is None:
        return None
    kind = condition.kind
    if kind == "after":
        return minutes_of(condition.after or "")
    if kind == "not" and condition.not_ is not None and condition.not_.kind == "before":
        return minutes_of(condition.not_.before or "")
    if kind == "all":
        found = [needs_after(part) for part in condition.all or ()]
        return max((time for time in found if time is not None), default=None)
    if kind == "any":
        found = [needs_after(part) for part in condition.any or ()]
        return None if not found or None in found else min(time for time in found if time is not None)
    return None


def out_of_time(scenario: Scenario, conditions: list[Condition | None], late: bool, found: Budget) -> str | None:
    """Why none of these conditions (the tests of the places a target happens) can ever hold in time, or
    a late filing can never happen, or None."""
    if late and scenario.filing is not None and not scenario.filing.minutes_per_100_words:
        filed = found.latest + engine.writing_minutes(scenario)
        if filed <= minutes_of(scenario.clock.deadline):
            return (f"it needs a late story, but {found.why()}; a story filed then is in by "
                    f"{clock_text(filed)}, before the {scenario.clock.deadline} deadline")
    if not conditions:
        return None
    times = [needs_after(condition) for condition in conditions]
    if None in times:
        return None
    soonest = min(time for time in times if time is not None)
    if soonest <= found.latest:
        return None
    return f"it needs the clock at {clock_text(soonest)} or later, but {found.why()}"


def never_in_time(scenario: Scenario, target: object, found: Budget | None) -> str | None:
    """Why a target (a `directed.Target`) is out of time (`out_of_time`), or None: a timed event whose time
    never comes; a choice, question or chance outcome by its own condition; an ending only when filing is the
    only way in, it is not the fallback ending (the last outcome's, reached when no outcome's tests hold), and
    every outcome naming it is out of time."""
    if found is None:
        return None
    kind, name = getattr(target, "kind", ""), getattr(target, "name", "")
    if kind == "event":
        event = next((event for event in scenario.events if event.id == name), None)
        at = minutes_of(event.at) if event else 0
        return f"it comes at {clock_text(at)}, but {found.why()}" if at > found.latest else None
    if kind in ("choice", "question", "chance"):
        whens = [when for whens in getattr(target, "places", {}).values() for when in whens]
        return out_of_time(scenario, whens, False, found)
    if kind != "ending" or scenario.filing is None or scenario.filing.outcomes[-1].ending == name:
        return None
    if any(event.goto == name for event in scenario.events) or any(
            name in {choice.goto, *(outcome.goto for outcome in choice.chance)}
            for scene in scenario.scenes for choice in scene.choices):
        return None
    reasons = [out_of_time(scenario, [outcome.when] if outcome.when else [], bool(outcome.late), found)
               for outcome in scenario.filing.outcomes if outcome.ending == name]
    return reasons[0] if reasons and all(reasons) else None
