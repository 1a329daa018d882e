"""skill.records.Record: the NamedTuple behaviour value types rely on, without code generation."""

import copy
import pickle

import pytest

from skill.records import Record


class Point(Record):
    """A test record: one required field, two defaults and a property."""

    __slots__ = ()

    x: int
    y: int = 0
    label: str | None = None

    @property
    def total(self) -> int:
        return self.x + self.y


def test_fields_defaults_and_construction() -> None:
    assert Point._fields == ("x", "y", "label")
    assert Point._field_defaults == {"y": 0, "label": None}
    assert Point(1) == Point(x=1, y=0, label=None) == Point(1, 0, None)
    assert Point(1, label="a").label == "a"
    assert Point(2, 3).total == 5


def test_repr_replace_asdict() -> None:
    point = Point(1, 2)
    assert repr(point) == "Point(x=1, y=2, label=None)"
    assert point._replace(label="b") == Point(1, 2, "b")
    assert point._asdict() == {"x": 1, "y": 2, "label": None}
    with pytest.raises(ValueError, match="no fields"):
        point._replace(z=1)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing required argument 'x'"),
        ((1,), {"x": 2}, "unexpected or repeated"),
        ((1, 2, 3, 4), {}, "takes 3 arguments but 4 were given"),
        ((1,), {"z": 2}, "unexpected or repeated"),
    ],
)
def test_bad_calls_raise_type_error(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Point(*args, **kwargs)


def test_immutable_and_without_instance_dict() -> None:
    point = Point(1)
    with pytest.raises(AttributeError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.other = 2  # type: ignore[attr-defined]


def test_hash_copy_and_pickle_round_trip() -> None:
    point = Point(1, 2, "a")
    assert hash(point) == hash(Point(1, 2, "a"))
    assert copy.deepcopy(point) == point
    restored = pickle.loads(pickle.dumps(point))
    assert restored == point and type(restored) is Point


def test_subclass_must_declare_slots_and_order_defaults() -> None:
    with pytest.raises(TypeError, match="__slots__"):

        class NoSlots(Record):
            x: int

    with pytest.raises(TypeError, match="needs a default"):

        class BadOrder(Record):
            __slots__ = ()
            x: int = 0
            y: int
