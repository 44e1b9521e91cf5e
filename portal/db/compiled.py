"""Reads a hot path runs on every request with other values, compiled once per database.

Django's ORM builds every read afresh: it clones the queryset, resolves each lookup, works
out the columns (``only``, ``select_related``) and writes the SQL. For a lookup on a
unique key that costs several times what the database spends answering it: on the customer
form (``bench/customer_form.py``) reading the feedback link through the ORM took 0.47 ms of
CPU, running its SQL 0.07 ms. :class:`CompiledSelect` lets the ORM write the query once per
database alias, with marker values where the caller's values go, and then runs that SQL with
each call's values, converted exactly as the ORM converts them (the field's own adaptation,
the backend's converters on the way back).

Only what can be compiled once qualifies: a fixed shape of lookups on single values (no
``__in`` over a list of varying length); the markers are checked to appear exactly once
each, so a shape that would not survive the substitution fails loudly when first compiled.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

#: The types a placeholder may have, and how each is marked while the ORM compiles.
_MARKERS: dict[type, Callable[[int], Any]] = {
    str: lambda number: f"\ufffecompiled-select-marker-{number}\ufffe",
    int: lambda number: -(2**52) - number,
    datetime.datetime: lambda number: datetime.datetime(1901, 2, 3, 4, 5, number, tzinfo=datetime.UTC),
}


def _unchanged(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class _Statement:
    sql: str
    #: Per SQL parameter: (placeholder name, how its value is adapted, None) for a caller's
    #: value, or (None, None, the constant).
    parameters: tuple[tuple[str | None, Callable[[Any], Any] | None, Any], ...]
    #: Per selected column with converters: (index, converters, expression).
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]


class CompiledSelect:
    """A read whose SQL Django writes once per database alias.

    ``build`` receives one keyword argument per placeholder and returns the queryset (any
    ``values_list`` or model queryset whose lookups take those values); ``placeholders``
    names each placeholder's type (``str``, ``int`` or aware ``datetime.datetime``).
    :meth:`rows` runs it with the caller's values and returns the rows as tuples, with the
    values the ORM would return for the selected columns."""

    def __init__(self, build: Callable[..., QuerySet], **placeholders: type) -> None:
        unknown = {name: kind for name, kind in placeholders.items() if kind not in _MARKERS}
        if unknown:
            raise TypeError(f"Placeholders of unsupported types: {unknown}")
        self._build = build
        self._placeholders = placeholders
        self._statements: dict[str, _Statement] = {}
        self._lock = threading.Lock()

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list[tuple]:
        if values.keys() != self._placeholders.keys():
            raise TypeError(f"Expected the values {sorted(self._placeholders)}, got {sorted(values)}")
        statement = self._statements.get(using) or self._compile(using)
        parameters = [
            constant if name is None else adapt(values[name]) for name, adapt, constant in statement.parameters
        ]
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, parameters)
            rows = cursor.fetchall()
        if statement.converters and rows:
            rows = [self._convert(row, statement, connection) for row in rows]
        return [tuple(row) for row in rows]

    @staticmethod
    def _convert(row, statement: _Statement, connection) -> list:
        row = list(row)
        for index, converters, expression in statement.converters:
            value = row[index]
            for converter in converters:
                value = converter(value, expression, connection)
            row[index] = value
        return row

    def _compile(self, using: str) -> _Statement:
        with self._lock:
            if using in self._statements:
                return self._statements[using]
            connection = connections[using]
            markers = {
                name: _MARKERS[kind](number) for number, (name, kind) in enumerate(self._placeholders.items(), 1)
            }
            compiler = self._build(**markers).query.get_compiler(using=using)
            sql, compiled_parameters = compiler.as_sql()
            # Each marker as it appears among the compiled parameters, with the adaptation
            # that turned it into that (a datetime becomes text on SQLite).
            forms: list[tuple[str, Any, Callable[[Any], Any]]] = []
            for name, marker in markers.items():
                forms.append((name, marker, _unchanged))
                if isinstance(marker, datetime.datetime):
                    adapt = connection.ops.adapt_datetimefield_value
                    forms.append((name, adapt(marker), adapt))
            parameters: list[tuple[str | None, Callable[[Any], Any] | None, Any]] = []
            seen: dict[str, int] = dict.fromkeys(markers, 0)
            for parameter in compiled_parameters:
                match = next(
                    (
                        (name, adapt)
                        for name, form, adapt in forms
                        if type(parameter) is type(form) and parameter == form
                    ),
                    None,
                )
                if match is None:
                    parameters.append((None, None, parameter))
                else:
                    seen[match[0]] += 1
                    parameters.append((match[0], match[1], None))
            if any(count != 1 for count in seen.values()):
                raise ValueError(f"Each placeholder must be one SQL parameter; found {seen} in {sql!r}")
            converters = []
            for index, (expression, _sql, _alias) in enumerate(compiler.select):
                found = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
                if found:
                    converters.append((index, tuple(found), expression))
            statement = _Statement(sql=sql, parameters=tuple(parameters), converters=tuple(converters))
            self._statements[using] = statement
            return statement
