"""The relay route: places from route.json, legs from the fact store (never restated)."""

from __future__ import annotations

import copy
import json

import pytest

from skill.facts import values
from skill.facts.store import default_store
from skill.screens.route import ROUTE_FILE, RouteError, load_route, parse_route, projection
from skill.story.chapters import load_chapters


def _raw() -> dict:
    with open(ROUTE_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def test_every_leg_is_the_fact_stores_musher_miles_and_order():
    store = default_store()
    route = load_route()
    assert len(route.legs) == 20
    for leg in route.legs:
        recorded = store.get(leg.fact_id).answers[leg.musher]
        assert recorded["leg.order"] == leg.order
        miles = values.main(recorded["leg.miles"])
        assert leg.miles == (None if miles is True else miles)
        assert leg.musher_name == store.entities[leg.musher].name


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_route_json_restates_no_leg_facts():
    keys = _keys(_raw())
    assert not keys & {"miles", "order", "leg.order", "leg.miles", "departure", "arrival"}


def test_total_is_the_sum_of_the_stores_leg_miles():
    store = default_store()
    expected = sum(
        values.main(rel["leg.miles"]) for fact in store.facts.values() if fact.id.startswith("leg.")
        for entity, rel in fact.answers.items()
        if "leg.order" in rel and isinstance(values.main(rel.get("leg.miles")), (int, float))
        and not isinstance(values.main(rel.get("leg.miles")), bool)
        and store.entities[entity].type == "person")
    assert load_route().total_miles == expected


def test_the_legs_join_up_from_nenana_to_nome():
    legs = load_route().legs
    assert legs[0].start == "nenana" and legs[-1].end == "nome"
    for before, after in zip(legs, legs[1:], strict=False):
        assert before.end == after.start


def test_every_sourced_place_names_a_listed_source_and_lies_in_alaska():
    raw = _raw()
    for pid, place in raw["places"].items():
        if "estimated" in place:
            continue
        assert place["source"] in raw["sources"], pid
        assert 63 < place["lat"] < 66 and -166 < place["lon"] < -148, pid


def test_estimated_places_lie_between_their_anchors():
    route = load_route()
    raw = _raw()
    for pid, place in raw["places"].items():
        if "estimated" not in place:
            continue
        a, b = (route.places[p] for p in place["estimated"]["between"])
        here = route.places[pid]
        assert here.estimated
        assert min(a.lat, b.lat) <= here.lat <= max(a.lat, b.lat), pid
        assert min(a.lon, b.lon) <= here.lon <= max(a.lon, b.lon), pid


def test_fish_lake_sits_at_its_share_of_the_relays_miles():
    route = load_route()
    manley, tanana, fish = (route.places[p] for p in ("manley_hot_springs", "tanana", "fish_lake"))
    green, folger = route.leg_of("green").miles, route.leg_of("folger").miles
    share = green / (green + folger)
    assert fish.lat == pytest.approx(manley.lat + (tanana.lat - manley.lat) * share)


def test_every_chapter_has_a_progress_entry():
    assert set(load_route().chapters) == {c.id for c in load_chapters().chapters}


def test_a_handoff_without_coordinates_is_refused():
    raw = copy.deepcopy(_raw())
    del raw["places"]["kallands"]
    with pytest.raises(RouteError, match="kallands"):
        parse_route(raw, default_store())


def test_a_place_without_a_source_is_refused():
    raw = copy.deepcopy(_raw())
    del raw["places"]["nome"]["source"]
    with pytest.raises(RouteError, match="nome"):
        parse_route(raw, default_store())


def test_a_chapter_naming_an_unknown_musher_is_refused():
    raw = copy.deepcopy(_raw())
    raw["chapters"]["storm"] = {"through": "nobody"}
    with pytest.raises(RouteError, match="nobody"):
        parse_route(raw, default_store())


def test_the_projection_keeps_every_place_on_the_map_west_to_east():
    route = load_route()
    proj = projection(route)
    nome = proj.xy(route.places["nome"].lat, route.places["nome"].lon)
    nenana = proj.xy(route.places["nenana"].lat, route.places["nenana"].lon)
    assert 0 < nome[0] < nenana[0] < 1000
    for place in route.places.values():
        x, y = proj.xy(place.lat, place.lon)
        assert 0 <= x <= 1000 and 0 <= y <= 400
