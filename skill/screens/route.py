"""The relay route for the map: places from ``data/route.json``, legs from the fact store.

Why two sources: a leg's musher, miles and order are facts with sources and disagreements, and
they live once, in ``skill/facts/data/facts.json`` (the ``leg.*`` relations); restating them here
would let the map and the spoken answers drift apart. What the fact store does not hold is where
the handoff points are on a map, so ``route.json`` gives each place sourced coordinates, or an
estimate between two sourced places with the reason (see its ``about``). Everything is checked
when the route is first built, and a missing place, an unknown musher or a leg without miles for
an estimate fails with the file and the record named, not with a broken picture.

Built once per process, on the first screen a device with a screen asks for: a speaker never
pays for it.

PURE: standard library and the packaged fact store.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from skill.facts import values
from skill.facts.store import FactStore, default_store
from skill.jsonfile import read_json
from skill.records import Record

ROUTE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "route.json")

#: The AVG viewport the map is drawn in (story.apl.json's ``relayMap`` graphic has the same).
MAP_WIDTH = 1000.0
MAP_HEIGHT = 400.0
#: Blank space kept around the places, in degrees of latitude (and the same distance east-west).
_MARGIN_DEG = 0.28


class RouteError(ValueError):
    """``route.json`` or the legs in the fact store do not make a route."""


class Place(Record):
    """A handoff point, roadhouse or coastal place, in degrees (west negative)."""

    __slots__ = ()

    id: str
    name: str
    lat: float
    lon: float
    #: Where the map writes the name ("above" or "below" the dot), or None for no name.
    label: str | None = None
    estimated: bool = False


class Leg(Record):
    """One relay leg as the fact store records it (``miles`` is None where it has no number)."""

    __slots__ = ()

    order: int
    musher: str
    musher_name: str
    miles: float | None
    start: str
    end: str
    fact_id: str


class Route(Record):
    """The places, the legs in order, and how the map outline is drawn."""

    __slots__ = ()

    places: Mapping[str, Place]
    legs: tuple[Leg, ...]
    via: Mapping[str, tuple[str, ...]]
    coast: tuple[str, ...]
    chapters: Mapping[str, Mapping[str, Any]]

    def leg_of(self, musher: str) -> Leg:
        """The leg the musher (an entity id) ran."""
        for leg in self.legs:
            if leg.musher == musher:
                return leg
        raise RouteError(f"{ROUTE_FILE}: no leg in the fact store was run by {musher!r}")

    def path(self, leg: Leg) -> tuple[str, ...]:
        """The places a leg passes, start and end included."""
        return (leg.start, *self.via.get(f"{leg.start}>{leg.end}", ()), leg.end)

    @property
    def total_miles(self) -> float:
        """The relay's length: the sum of the legs' recorded miles."""
        return sum(leg.miles or 0 for leg in self.legs)


def _slug(text: str) -> str:
    return "_".join(text.lower().replace("'", "").split())


def legs_from_store(store: FactStore) -> tuple[Leg, ...]:
    """Every leg the fact store records: a person with ``leg.order`` and both ends.

    A place given as a plain name in the facts ("Fish Lake") is matched by its slug
    (``fish_lake``); an entity id ("tanana") is used as it is.
    """
    legs: dict[int, Leg] = {}
    for fact in store.facts.values():
        for entity_id, relations in fact.answers.items():
            order = relations.get("leg.order")
            start = relations.get("departure.where")
            end = relations.get("arrival.where")
            entity = store.entities.get(entity_id)
            if (entity is None or entity.type != "person" or not isinstance(order, int)
                    or isinstance(order, bool) or not isinstance(start, str)
                    or not isinstance(end, str)):
                continue
            miles = values.main(relations.get("leg.miles"))
            legs[order] = Leg(
                order=order,
                musher=entity_id,
                musher_name=entity.name,
                miles=float(miles) if isinstance(miles, (int, float))
                and not isinstance(miles, bool) else None,
                start=_slug(start),
                end=_slug(end),
                fact_id=fact.id,
            )
    ordered = tuple(legs[k] for k in sorted(legs))
    if [leg.order for leg in ordered] != list(range(1, len(ordered) + 1)):
        raise RouteError(f"the fact store's legs are not numbered 1..n: "
                         f"{[leg.order for leg in ordered]}")
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.end != after.start:
            raise RouteError(f"leg {before.order} ends at {before.end!r} but leg {after.order} "
                             f"starts at {after.start!r}")
    return ordered


def _label(where: str, raw: Mapping[str, Any]) -> str | None:
    label = raw.get("label")
    if label not in (None, "above", "below"):
        raise RouteError(f"{where}: 'label' must be 'above' or 'below'")
    return label


def _sourced(pid: str, raw: Mapping[str, Any], sources: Mapping[str, Any]) -> Place:
    where = f"{ROUTE_FILE}: place {pid!r}"
    lat, lon = raw.get("lat"), raw.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        raise RouteError(f"{where}: needs 'lat' and 'lon' numbers, or 'estimated'")
    if not (50 <= lat <= 72 and -180 <= lon <= -129):
        raise RouteError(f"{where}: ({lat}, {lon}) is not in Alaska")
    if raw.get("source") not in sources:
        raise RouteError(f"{where}: 'source' must name one of the file's sources")
    return Place(pid, str(raw["name"]), float(lat), float(lon), _label(where, raw))


def _share_by_miles(pid: str, a: str, b: str, legs: tuple[Leg, ...]) -> float:
    """How far along the relay's own miles from ``a`` to ``b`` the place ``pid`` lies."""
    chain: list[Leg] = []
    inside = False
    for leg in legs:
        inside = inside or leg.start == a
        if inside:
            chain.append(leg)
            if leg.end == b:
                break
    if not chain or chain[-1].end != b:
        raise RouteError(f"{ROUTE_FILE}: place {pid!r}: no run of legs from {a!r} to {b!r}")
    if any(leg.miles is None for leg in chain):
        raise RouteError(f"{ROUTE_FILE}: place {pid!r}: a leg from {a!r} to {b!r} has no miles")
    total = sum(leg.miles or 0 for leg in chain)
    done = 0.0
    for leg in chain:
        done += leg.miles or 0
        if leg.end == pid:
            return done / total
    raise RouteError(f"{ROUTE_FILE}: place {pid!r} is not a handoff between {a!r} and {b!r}")


def _estimated(pid: str, raw: Mapping[str, Any], known: Mapping[str, Place],
               legs: tuple[Leg, ...], sources: Mapping[str, Any]) -> Place:
    where = f"{ROUTE_FILE}: place {pid!r}"
    estimate = raw["estimated"]
    a, b = estimate.get("between", (None, None))
    if a not in known or b not in known:
        raise RouteError(f"{where}: 'between' must name two places with coordinates")
    if estimate.get("by") == "miles":
        share = _share_by_miles(pid, a, b, legs)
    else:
        share = estimate.get("share")
        if not isinstance(share, (int, float)) or not 0 < share < 1:
            raise RouteError(f"{where}: needs 'by': 'miles' or a 'share' between 0 and 1")
        if estimate.get("source") not in sources or not estimate.get("reason"):
            raise RouteError(f"{where}: a stated share needs a 'source' and a 'reason'")
    pa, pb = known[a], known[b]
    return Place(pid, str(raw["name"]), pa.lat + (pb.lat - pa.lat) * share,
                 pa.lon + (pb.lon - pa.lon) * share, _label(where, raw), True)


def _check_chapter(route: Route, chapter_id: str, progress: Mapping[str, Any]) -> None:
    """A chapter's progress names a musher with a leg, a place on a leg, or a known place."""
    if "through" in progress:
        route.leg_of(progress["through"])
    partial = progress.get("partial")
    if partial is not None:
        leg = route.leg_of(partial["musher"])
        if partial.get("at") not in route.path(leg)[1:-1]:
            raise RouteError(f"{ROUTE_FILE}: chapter {chapter_id!r}: 'partial.at' must be a "
                             f"place on {leg.musher}'s leg")
    if progress.get("at") is not None and progress["at"] not in route.places:
        raise RouteError(f"{ROUTE_FILE}: chapter {chapter_id!r}: unknown place")


def parse_route(data: Any, store: FactStore) -> Route:
    """Validate ``route.json`` (already decoded) against the fact store's legs."""
    if not isinstance(data, dict) or not isinstance(data.get("places"), dict):
        raise RouteError(f"{ROUTE_FILE}: expected an object with 'places'")
    sources = data.get("sources") or {}
    legs = legs_from_store(store)
    raw_places: dict[str, Any] = data["places"]
    places: dict[str, Place] = {
        pid: _sourced(pid, raw, sources)
        for pid, raw in raw_places.items() if "estimated" not in raw
    }
    for pid, raw in raw_places.items():
        if "estimated" in raw:
            places[pid] = _estimated(pid, raw, places, legs, sources)
    via = {key: tuple(ids) for key, ids in (data.get("via") or {}).items()}
    coast = tuple(data.get("coast") or ())
    named = {p for leg in legs for p in (leg.start, leg.end)}
    named |= {p for ids in via.values() for p in ids} | set(coast)
    missing = sorted(named - set(places))
    if missing:
        raise RouteError(f"{ROUTE_FILE}: no coordinates for {missing}")
    chapters = data.get("chapters") or {}
    route = Route(places, legs, via, coast, chapters)
    for chapter_id, progress in chapters.items():
        _check_chapter(route, chapter_id, progress)
    return route


@lru_cache(maxsize=1)
def load_route() -> Route:
    """The packaged route, built once per process from route.json and the fact store."""
    return parse_route(read_json(ROUTE_FILE, RouteError, "the route file"), default_store())


# -- drawing coordinates -------------------------------------------------------------------------
class Projection(Record):
    """Degrees to the map's AVG viewport: equirectangular, east-west shrunk by cos(latitude)."""

    __slots__ = ()

    lat0: float
    lon0: float
    scale: float
    kx: float

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x = MAP_WIDTH / 2 + (lon - self.lon0) * self.kx * self.scale
        y = MAP_HEIGHT / 2 - (lat - self.lat0) * self.scale
        return round(x, 1), round(y, 1)


def projection(route: Route) -> Projection:
    """The projection that fits every place (plus a margin) into the map viewport."""
    lats = [p.lat for p in route.places.values()]
    lons = [p.lon for p in route.places.values()]
    lat0 = (min(lats) + max(lats)) / 2
    lon0 = (min(lons) + max(lons)) / 2
    kx = math.cos(math.radians(lat0))
    span_x = (max(lons) - min(lons)) * kx + 2 * _MARGIN_DEG
    span_y = (max(lats) - min(lats)) + 2 * _MARGIN_DEG
    scale = min(MAP_WIDTH / span_x, MAP_HEIGHT / span_y)
    return Projection(lat0, lon0, scale, kx)
