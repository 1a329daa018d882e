"""What a screen shows, as APL data sources: plain dicts the documents in ``data/`` bind to.

The documents (``story.apl.json``, ``answer.apl.json``) are layout only; everything that changes
from one response to the next is built here, from the story, the route and the answer, so a
document never needs editing when a chapter or a fact does. The text is plain (no markup), the
numbers are rounded map coordinates: small enough to keep a response well inside Alexa's size
limit (the validator checks every response the tests build).

PURE: standard library, the story and the route.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from skill.screens.route import (
    MAP_HEIGHT,
    Leg,
    Projection,
    Route,
    load_route,
    projection,
)
from skill.story.chapters import Story

#: How a leg is drawn: run in an earlier chapter, in this one, or still ahead.
PAST, NOW, AHEAD = "past", "now", "ahead"
#: More legs than this in one chapter are summed up rather than named one by one.
_MAX_NAMED = 4


def _miles(leg: Leg) -> str:
    return f", {leg.miles:g} mi" if leg.miles is not None else ""


def _leg_line(legs: Sequence[Leg], partial: Leg | None) -> str:
    """ "Legs 15-17: Victor Anagick, 34 mi · ..." for the legs this chapter covers."""
    shown = [*legs, *([partial] if partial else [])]
    if not shown:
        return ""
    first, last = shown[0].order, shown[-1].order
    head = f"Leg {first}" if first == last else f"Legs {first}\u2013{last}"
    if len(shown) > _MAX_NAMED:
        miles = sum(leg.miles or 0 for leg in legs)
        return (f"{head}: {len(legs)} mushers, {miles:g} miles, from {legs[0].musher_name} "
                f"to {legs[-1].musher_name}")
    parts = [f"{leg.musher_name}{_miles(leg)}" for leg in legs]
    if partial is not None:
        parts.append(f"{partial.musher_name}{_miles(partial)} (under way)")
    return f"{head}: " + " \u00b7 ".join(parts)


def _path(points: Sequence[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:g} {head[1]:g}" + "".join(f" L{x:g} {y:g}" for x, y in rest)


def _edge(a: tuple[float, float], b: tuple[float, float], *, west: bool) -> tuple[float, float]:
    """Continue the line a->b past b to the map's west edge (x = 0) or south edge."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if west:
        t = -b[0] / dx if dx else 0.0
    else:
        t = (MAP_HEIGHT - b[1]) / dy if dy else 0.0
    return round(b[0] + dx * t, 1), round(b[1] + dy * t, 1)


@lru_cache(maxsize=1)
def _base_map() -> dict[str, Any]:
    """The parts of the map every chapter shares: the coast, the sea, the places."""
    route = load_route()
    proj = projection(route)
    coast = [proj.xy(route.places[p].lat, route.places[p].lon) for p in route.coast]
    west = _edge(coast[1], coast[0], west=True)
    south = _edge(coast[-2], coast[-1], west=False)
    outline = [west, *coast, south]
    handoffs = {p for leg in route.legs for p in (leg.start, leg.end)}
    places = []
    for place in route.places.values():
        if place.id not in handoffs and place.label is None:
            continue
        x, y = proj.xy(place.lat, place.lon)
        anchor = "start" if x < 80 else "end" if x > 920 else "middle"
        places.append({
            "x": x, "y": y, "name": place.name if place.label else "",
            "ly": round(y - 12 if place.label == "above" else y + 28, 1), "anchor": anchor,
        })
    return {
        "coast": _path(outline),
        "sea": _path([*outline, (0, MAP_HEIGHT)]) + " Z",
        "places": places,
    }


def _leg_points(route: Route, proj: Projection, leg: Leg, stop: str | None = None
                ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The leg's drawn points, split at ``stop`` (done part, part still ahead)."""
    ids = route.path(leg)
    points = [proj.xy(route.places[p].lat, route.places[p].lon) for p in ids]
    if stop is None:
        return points, []
    cut = ids.index(stop, 1)
    return points[: cut + 1], points[cut:]


def chapter_progress(route: Route, chapter_id: str) -> tuple[int, Leg | None, str | None]:
    """(legs completed, the leg under way or None, where the serum is or None) for a chapter."""
    progress = route.chapters.get(chapter_id, {})
    done = route.leg_of(progress["through"]).order if "through" in progress else 0
    partial = route.leg_of(progress["partial"]["musher"]) if "partial" in progress else None
    if partial is not None:
        return done, partial, progress["partial"]["at"]
    if done:
        return done, None, route.legs[done - 1].end
    return 0, None, progress.get("at")


def _map(route: Route, chapter_id: str, before: int) -> tuple[dict[str, Any], int, Leg | None]:
    proj = projection(route)
    done, partial, serum_at = chapter_progress(route, chapter_id)
    legs = []
    for leg in route.legs:
        if partial is not None and leg.order == partial.order:
            run, ahead = _leg_points(route, proj, leg, serum_at)
            legs.append({"d": _path(run), "state": NOW, "order": leg.order})
            legs.append({"d": _path(ahead), "state": AHEAD, "order": leg.order})
            continue
        points, _ = _leg_points(route, proj, leg)
        if len(points) < 2 or points[0] == points[-1]:
            continue  # a handoff on the spot (leg 17): nothing to draw
        state = AHEAD if leg.order > done else PAST if leg.order <= before else NOW
        legs.append({"d": _path(points), "state": state, "order": leg.order})
    serum = None
    if serum_at is not None:
        x, y = proj.xy(route.places[serum_at].lat, route.places[serum_at].lon)
        serum = {"x": x, "y": y, "name": route.places[serum_at].name}
    data = {**_base_map(), "legs": legs, "serum": serum or {"x": -100, "y": -100, "name": ""},
            "serumShown": serum is not None}
    return data, done, partial


def story_view(story: Story, number: int) -> dict[str, Any]:
    """The ``story`` data source for chapter ``number``: title, progress, map, buttons."""
    chapter = story.chapter(number)
    if chapter is None:
        raise ValueError(f"no chapter {number}")
    route = load_route()
    previous = story.chapter(number - 1)
    before = chapter_progress(route, previous.id)[0] if previous else 0
    data, done, partial = _map(route, chapter.id, before)
    new_legs = [leg for leg in route.legs if before < leg.order <= done]
    if done == len(route.legs) and not new_legs:
        legs_line = (f"All {len(route.legs)} legs, {route.total_miles:g} miles, "
                     f"{route.places[route.legs[0].start].name} to "
                     f"{route.places[route.legs[-1].end].name}")
    elif done == 0 and partial is None:
        legs_line = (f"{len(route.legs)} legs ahead, {route.total_miles:g} miles, "
                     f"{route.places[route.legs[0].start].name} to "
                     f"{route.places[route.legs[-1].end].name}")
    else:
        legs_line = _leg_line(new_legs, partial)
    where = data["serum"]["name"]
    note = route.chapters.get(chapter.id, {}).get("note", "")
    return {
        "title": chapter.title,
        "progress": f"Chapter {number} of {story.chapter_count}",
        "chapter": number,
        "count": story.chapter_count,
        "legs": legs_line,
        "serum": f"The serum: {where}" if where else note,
        "map": data,
    }


def answer_view(title: str, text: str, sources: Sequence[str], hint: str | None) -> dict[str, Any]:
    """The ``answer`` data source: the entity's name, the answer, its sources, a hint."""
    named = "; ".join(dict.fromkeys(sources))
    return {
        "title": title,
        "text": text,
        "source": f"Source: {named}" if len(sources) == 1 else f"Sources: {named}",
        "hint": f"Try: \u201c{hint}\u201d" if hint else "",
    }
