"""The words of an answer: a fact, a yes or no, a comparison, or an honest "no record".

The answering core (:mod:`skill.facts.answering`) decides what is true; this module only says it.
Plain sentences, no markup: :mod:`skill.speech.render` writes the SSML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from skill.facts import values
from skill.facts.answer_records import Answer, Comparison, Row

NameOf = Callable[[str], str]

_YES_NO = {"yes": "Yes.", "no": "No.", "disputed": "Accounts differ on that.",
           "before": "Before.", "after": "After."}

#: Two entities compared: "{w}" won with value "{vw}" against "{l}" with "{vl}".
_COMPARE: dict[tuple[str, str], str] = {
    ("birth.when", "asc"): "{w} was older: born in {vw}, against {vl} for {l}.",
    ("birth.when", "desc"): "{w} was younger: born in {vw}, against {vl} for {l}.",
    ("death.when", "asc"): "{w} died first, in {vw}; {l} died in {vl}.",
    ("death.when", "desc"): "{w} died later, in {vw}; {l} died in {vl}.",
    ("death.age", "desc"): "{w} lived longer, to the age of {vw}; {l} died at {vl}.",
    ("death.age", "asc"): "{w} died younger, at {vw}; {l} lived to {vl}.",
    ("leg.miles", "desc"): "{w} went farther: {vw} carrying the serum, against {vl} for {l}.",
    ("leg.miles", "asc"): "{w} had the shorter run: {vw}, against {vl} for {l}.",
    ("miles", "desc"): "{w} went farther: {vw} in all, against {vl} for {l}.",
    ("temperature.temperature", "asc"): "{w} had the colder run, at {vw}, against {vl} for {l}.",
    ("temperature.temperature", "desc"): "{w} had the warmer run, at {vw}, against {vl} for {l}.",
    ("speed.speed", "desc"): "{w} was faster, at {vw}, against {vl} for {l}.",
    ("speed.speed", "asc"): "{w} was slower, at {vw}, against {vl} for {l}.",
    ("weight.weight", "desc"): "{w} was heavier, at {vw}, against {vl} for {l}.",
    ("weight.weight", "asc"): "{w} was lighter, at {vw}, against {vl} for {l}.",
    ("team.how_many", "desc"): "{w} had more dogs: {vw}, against {vl} for {l}.",
    ("team.how_many", "asc"): "{w} had fewer dogs: {vw}, against {vl} for {l}.",
    ("age", "desc"): "{w} was older: {vw} in 1925, against {vl} for {l}.",
    ("age", "asc"): "{w} was younger: {vw} in 1925, against {vl} for {l}.",
    ("fame.rank", "asc"): "{w} got more of the fame and the credit than {l}.",
    ("leg.order", "asc"): "{w} ran earlier in the relay, on leg {vw}; {l} ran leg {vl}.",
    ("leg.order", "desc"): "{w} ran later in the relay, on leg {vw}; {l} ran leg {vl}.",
    ("serum.how_many", "desc"): "{w} was the bigger: {vw}, against {vl} for {l}.",
    ("serum.how_many", "asc"): "{w} was the smaller: {vw}, against {vl} for {l}.",
}
#: Relations whose values are only ranks: the winner's fact follows the comparison.
_SAYS_WHY = frozenset({"fame.rank"})
_COMPARE_ANY = "{w} comes first on that: {vw}, against {vl} for {l}."
#: Two happenings in order ("which came first, the serum run or the first Iditarod").
_COMPARE[("when", "asc")] = "{w} came first, in {vw}; {l} was in {vl}."
#: One entity of a kind: "{w}" with "{vw}", among the "{kind}" whose values are recorded.
_SUPERLATIVE: dict[tuple[str, str], str] = {
    ("birth.when", "asc"): "Of the {kind} whose birth years I have, {w} was the oldest, born in "
                           "{vw}.",
    ("birth.when", "desc"): "Of the {kind} whose birth years I have, {w} was the youngest, born "
                            "in {vw}.",
    ("leg.miles", "desc"): "The longest run with the serum was {w}'s, {vw}.",
    ("leg.miles", "asc"): "The shortest leg was {w}'s, {vw}.",
    ("temperature.temperature", "asc"): "The coldest run was {w}'s, at {vw}.",
    ("speed.speed", "desc"): "The fastest was {w}, at {vw}.",
    ("leg.order", "asc"): "Of the {kind} on the relay, {w} ran first.",
    ("leg.order", "desc"): "Of the {kind} on the relay, {w} ran last.",
    ("age", "desc"): "Of the {kind} whose ages I have, {w} was the oldest, at {vw}.",
    ("age", "asc"): "Of the {kind} whose ages I have, {w} was the youngest, at {vw}.",
    ("death.age", "desc"): "Of the {kind} whose ages at death I have, {w} lived longest, to {vw}.",
}
_KINDS = {"dog": "dogs", "person": "people", "leg": "mushers", None: "ones"}
_UNITS = {"miles": "miles", "temperature": "degrees", "weight": "pounds",
          "speed": "miles an hour", "duration": "hours", "how_many": ""}


def spoken_value(relation: str, value: Any) -> str:
    """A recorded value as said in a comparison ("1877", "91 miles", "minus 64 degrees")."""
    value = values.main(value)
    facet = relation.rpartition(".")[2]
    if isinstance(value, str):
        year = values.year_of(value)
        return str(year) if year is not None else value
    if isinstance(value, dict):
        text = f"{_number(value['min'])} to {_number(value['max'])}"
    else:
        text = _number(value)
    if relation in _COUNTED_IN:
        # ("1.1 million units of antitoxin", "300,000 units of antitoxin")
        text = _large(float(values.main(value)) if not isinstance(value, dict) else 0.0) or text
        return f"{text} {_COUNTED_IN[relation]}"
    unit = _UNITS.get(facet, "")
    if value == 1 and unit in _ONE:
        unit = _ONE[unit]  # ("a difference of 1 mile")
    return f"{text} {unit}".strip()


#: A unit said of one.
_ONE = {"miles": "mile", "degrees": "degree", "pounds": "pound", "hours": "hour",
        "miles an hour": "mile an hour"}


#: Counts said with what they count.
_COUNTED_IN = {"serum.how_many": "units of antitoxin"}


def _large(value: float) -> str:
    """A large count as said aloud: "1.1 million", "300,000"."""
    if value >= 1_000_000:
        millions = value / 1_000_000
        return f"{millions:g} million"
    return f"{int(value):,}" if value >= 1000 and value.is_integer() else ""


def _number(value: float) -> str:
    if value < 0:
        return f"minus {_number(-value)}"
    return str(int(value)) if float(value).is_integer() else str(value)


def _notes(rows: tuple[Row, ...], relation: str) -> list[str]:
    """The sources' disagreements, said with the values. A leg's place in the relay says
    nothing of the dispute over its dogs or hours: compared by order, only an order the
    sources dispute brings its note."""
    seen: list[str] = []
    for row in rows:
        note = row.fact.disagreement
        disputed = not relation.endswith(".order") or len(values.readings(row.value)) > 1
        if note and note not in seen and disputed:
            seen.append(note)
    return seen[:2]


def _in_between(relation: str, rows: tuple[Row, ...], name_of: NameOf) -> str:
    """The ones compared between the first and the last, with their values ("George
    Nollner, leg 11")."""
    leg = ", leg" if relation.endswith(".order") else ""
    return ", ".join(f"{name_of(r.entity)}{leg} {spoken_value(relation, r.value)}" for r in rows)


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def comparison_text(comparison: Comparison, name_of: NameOf, kind: str | None) -> str:
    """A comparison said with its values and the sources' disagreements."""
    rows = comparison.rows
    told = _told_by_the_facts(comparison)
    if told is not None:
        return told
    winner = rows[0]
    w, vw = name_of(winner.entity), spoken_value(comparison.relation, winner.value)
    key = (comparison.relation, comparison.order)
    if comparison.superlative or len(rows) == 1:
        template = _SUPERLATIVE.get(key)
        lead = template.format(w=w, vw=vw, kind=_KINDS.get(kind, "ones")) if template else ""
        verdict = _YES_NO.get(comparison.polarity or "")
        parts = [p for p in (verdict, lead, winner.fact.spoken) if p]
        return " ".join(parts)
    loser = rows[-1]
    # (or one of two comparatives offered, "Shorter.")
    verdict = _YES_NO.get(comparison.polarity or "") or (
        f"{comparison.polarity.capitalize()}." if comparison.polarity else None)
    last = name_of(loser.entity)
    if comparison.labels:  # happenings, said as they were asked ("togo dying")
        first = comparison.labels[0]
        w, last = first[:1].upper() + first[1:], comparison.labels[-1]
    if _tied(rows):
        # Neither won: "Shannon had the colder run, at minus 62, against minus 62" says
        # nothing true.
        text = f"The records give {w} and {last} the same: {vw}."
    else:
        text = _COMPARE.get(key, _COMPARE_ANY).format(
            w=w, vw=vw, l=last, vl=spoken_value(comparison.relation, loser.value))
    text = text[:1].upper() + text[1:]  # ("the second serum relay was the bigger")
    difference = _difference(comparison.relation, winner.value, loser.value)
    if difference is not None and not _tied(rows):
        text += f" That is a difference of {difference}."  # ("how much farther did togo run")
    if len(rows) > 2:
        text += f" In between: {_in_between(comparison.relation, rows[1:-1], name_of)}."
    if comparison.relation in _SAYS_WHY:
        text += f" {winner.fact.spoken}"  # a rank says little on its own: the fact says why
    notes = _notes(rows, comparison.relation)
    parts = [verdict, text, *notes] if verdict else [text, *notes]
    if comparison.missing:
        names = " or ".join(name_of(e) for e in comparison.missing)
        parts.append(f"I don't have a record of that for {names}.")
    return " ".join(parts)


def _difference(relation: str, first: Any, second: Any) -> str | None:
    """How far apart two measures are, in their unit ("208 miles"), or two dates in years,
    from the main readings; None for ranges and counts of no unit."""
    facet = relation.rpartition(".")[2]
    a, b = values.main(first), values.main(second)
    if facet == "when":
        return _years_between(a, b)
    if not _UNITS.get(facet) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b)):
        return None
    apart = round(abs(a - b), 1)
    return spoken_value(facet, int(apart) if float(apart).is_integer() else apart)


def _years_between(first: Any, second: Any) -> str | None:
    """The years between two dates' years ("how many years older was Seppala": born 1877
    and 1882, 5 years); None where either has no year or they share one."""
    one, other = values.year_of(first), values.year_of(second)
    if one is None or other is None or one == other:
        return None
    apart = abs(one - other)
    return f"{apart} year" if apart == 1 else f"{apart} years"


def _told_by_the_facts(comparison: Comparison) -> str | None:
    """The comparisons each fact tells in its own words: who each one is, the same question
    of each one named, and a verdict on two happenings ("Before.", "No.") with each as its
    fact tells it, earliest first."""
    rows = comparison.rows
    if comparison.relation == "identity":
        return " ".join(_first_sentence(r.fact.answer) for r in rows)
    if comparison.relation == "each":
        return " ".join(r.fact.spoken for r in rows)
    if comparison.order == "apart":
        return _years_apart(rows)
    in_order = comparison.relation == "when" and not comparison.labels
    if comparison.polarity in ("before", "after") or in_order and comparison.polarity:
        return " ".join([_YES_NO[comparison.polarity or ""],
                         *(_first_sentence(r.fact.answer) for r in rows),
                         *_notes(rows, comparison.relation)])
    return None


def _years_apart(rows: tuple[Row, ...]) -> str:
    """Two happenings as their facts tell them, earliest first, and the years between."""
    years = [values.year_of(str(r.value)) or 0 for r in rows]
    apart = abs(years[-1] - years[0])
    between = (f"Both were in {years[0]}." if apart == 0 else
               f"That is {apart} year{'s' if apart != 1 else ''} apart.")
    return " ".join([*(_first_sentence(r.fact.answer) for r in rows), between])


def _tied(rows: tuple[Row, ...]) -> bool:
    """Whether two compared have the same value."""
    return len(rows) == 2 and values.same(rows[0].value, rows[-1].value)


def answer_text(result: Answer, name_of: NameOf) -> str:
    """What to say for an answer that speaks facts (fact, yes/no, comparison)."""
    if result.kind == "compare" and result.comparison is not None:
        kind = result.query.category if result.query is not None else None
        return comparison_text(result.comparison, name_of, kind)
    assert result.fact is not None
    if result.kind == "yes_no" and result.polarity in _YES_NO:
        return f"{_YES_NO[result.polarity]} {result.fact.spoken}"
    if result.derived_age is not None and result.entity is not None:
        age, exact = result.derived_age
        return (f"{result.fact.spoken} That would make {name_of(result.entity)} "
                f"{age if exact else f'about {age}'} during the 1925 serum run.")
    return result.fact.spoken


def no_record_text(missing: str, offer: str | None) -> str:
    """The honest "no record", with the nearest real fact as an offer, not an answer."""
    text = f"I don't have a record of {missing}."
    if offer:
        text += f" I can tell you {offer} instead. Would you like that?"
    return text
