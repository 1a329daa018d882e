"""Immutable record types that cost next to nothing to define (standard library only).

Why not ``typing.NamedTuple`` or ``@dataclass(frozen=True)``: both generate and compile code for
every class they create (``NamedTuple`` ~0.15 ms a class, a frozen slotted dataclass ~0.4 ms), and
the value types on the Lambda import path number about twenty, so together they were several
milliseconds of every cold start. :class:`Record` gives the same behaviour as ``NamedTuple`` —
a ``tuple`` subclass with named, read-only fields, defaults, keyword construction, ``_fields``,
``_field_defaults``, ``_replace`` and ``_asdict`` — from the class annotations, without generating
code. Fields are read through the same C accessor ``collections.namedtuple`` uses.

A record class lists its fields as annotations (defaults after the required ones) and declares
``__slots__ = ()`` so instances carry no ``__dict__``::

    class Card(Record):
        __slots__ = ()
        title: str
        text: str = ""

Like any tuple, a record equals another tuple with the same items; code treats records as
records, never as sequences.
"""

from typing import Any, ClassVar, Self, dataclass_transform

try:  # CPython's C field accessor (what collections.namedtuple uses), else the same in Python
    from collections import _tuplegetter  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str | None) -> Any:
        return property(itemgetter(index), doc=doc)


@dataclass_transform(frozen_default=True)
class Record(tuple):  # type: ignore[type-arg]
    """Base class of immutable records; see the module docstring."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__slots__" not in cls.__dict__:
            raise TypeError(f"{cls.__name__}: a Record subclass must declare __slots__ = ()")
        annotations = cls.__dict__.get("__annotations__", {})
        own = [name for name in annotations if not name.startswith("_")]
        fields = (*cls._fields, *own)
        defaults = dict(cls._field_defaults)
        for index, name in enumerate(fields):
            if name in cls.__dict__ and name in own:
                defaults[name] = cls.__dict__[name]
            elif defaults and name not in defaults:
                raise TypeError(f"{cls.__name__}: field {name!r} needs a default (one before has)")
            if name in own:
                setattr(cls, name, _tuplegetter(index, f"Field {index}: {name}"))
        cls._fields = fields
        cls._field_defaults = defaults

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        if kwargs or len(args) != len(cls._fields):
            args = cls._bind(args, kwargs)
        return tuple.__new__(cls, args)

    @classmethod
    def _bind(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """Positional and keyword arguments to field values, with the same errors as a call."""
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(
                f"{cls.__name__}() takes {len(fields)} arguments but {len(args)} were given"
            )
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._field_defaults:
                values.append(cls._field_defaults[name])
            else:
                raise TypeError(f"{cls.__name__}() missing required argument {name!r}")
        if kwargs:
            unexpected = sorted(kwargs)
            raise TypeError(f"{cls.__name__}() got unexpected or repeated arguments {unexpected}")
        return tuple(values)

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)

    def __repr__(self) -> str:
        pairs = zip(self._fields, self, strict=True)
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in pairs)})"

    def _replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (``NamedTuple._replace``)."""
        values = [changes.pop(name, value) for name, value in zip(self._fields, self, strict=True)]
        if changes:
            raise ValueError(f"{type(self).__name__} has no fields {sorted(changes)}")
        return tuple.__new__(type(self), values)

    def _asdict(self) -> dict[str, Any]:
        """Field name -> value, in field order (``NamedTuple._asdict``)."""
        return dict(zip(self._fields, self, strict=True))
