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
``__in`` over a list of varying length); every marker is checked to reach the SQL's
parameters, so a shape that would not survive the substitution fails loudly when first
compiled. :class:`CompiledUpdate` does the same for an ``update()``.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from django.db.models.sql.subqueries import UpdateQuery

#: The types a placeholder may have, and how each is marked while the ORM compiles.
_MARKERS: dict[type, Callable[[int], Any]] = {
    str: lambda number: f"\ufffecompiled-select-marker-{number}\ufffe",
    int: lambda number: -(2**52) - number,
    datetime.datetime: lambda number: datetime.datetime(1901, 2, 3, 4, 5, number, tzinfo=datetime.UTC),
}


def _unchanged(value: Any) -> Any:
    return value


def _wrapped_int(parameter: Any, markers: dict[str, Any]) -> tuple[str, Callable[[Any], Any]] | None:
    """An int marker the backend wrapped in a type of its own (PostgreSQL's ``Int4`` for an
    integer column), with that wrapping as the adaptation."""
    if not isinstance(parameter, int) or isinstance(parameter, bool) or type(parameter) is int:
        return None
    for name, marker in markers.items():
        if type(marker) is int and int(parameter) == marker:
            return name, type(parameter)
    return None


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
    ``build`` hands each placeholder to the ORM as it is: arithmetic on one in Python
    (``5 * amount``) would bake the marker's result into the SQL as a constant.
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
        statement, parameters = self._bind(using, values)
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, parameters)
            rows = cursor.fetchall()
        if statement.converters and rows:
            rows = [self._convert(row, statement, connection) for row in rows]
        return [tuple(row) for row in rows]

    def _bind(self, using: str, values: dict[str, Any]) -> tuple[_Statement, list]:
        if values.keys() != self._placeholders.keys():
            raise TypeError(f"Expected the values {sorted(self._placeholders)}, got {sorted(values)}")
        statement = self._statements.get(using) or self._compile(using)
        parameters = [
            constant if name is None else adapt(values[name]) for name, adapt, constant in statement.parameters
        ]
        return statement, parameters

    def _compiler(self, markers: dict[str, Any], using: str):
        return self._build(**markers).query.get_compiler(using=using)

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
            compiler = self._compiler(markers, using)
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
                ) or _wrapped_int(parameter, markers)
                if match is None:
                    parameters.append((None, None, parameter))
                else:
                    seen[match[0]] += 1
                    parameters.append((match[0], match[1], None))
            if not all(seen.values()):
                raise ValueError(f"Each placeholder must be an SQL parameter; found {seen} in {sql!r}")
            converters = []
            for index, (expression, _sql, _alias) in enumerate(getattr(compiler, "select", None) or ()):
                found = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
                if found:
                    converters.append((index, tuple(found), expression))
            statement = _Statement(sql=sql, parameters=tuple(parameters), converters=tuple(converters))
            self._statements[using] = statement
            return statement


class CompiledUpdate(CompiledSelect):
    """An UPDATE whose SQL Django writes once per database alias: ``build`` receives the
    placeholders and returns ``(queryset, changes)``, what ``queryset.update(**changes)``
    would run (expressions such as ``F("n") + amount`` included); :meth:`execute` runs it
    with the caller's values, in the caller's transaction, and returns the number of rows
    it changed. For models without parents (a multi-table child's update is several
    statements)."""

    def execute(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> int:
        statement, parameters = self._bind(using, values)
        connection = connections[using]
        with transaction.mark_for_rollback_on_error(using=using), connection.cursor() as cursor:
            cursor.execute(statement.sql, parameters)
            return cursor.rowcount

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list[tuple]:
        raise TypeError("An UPDATE returns no rows: use execute()")

    def _compiler(self, markers: dict[str, Any], using: str):
        queryset, changes = self._build(**markers)
        if queryset.model._meta.parents:
            raise TypeError(f"{queryset.model.__name__} has parent models: its update is several statements")
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(changes)
        query.annotations = {}
        return query.get_compiler(using=using)
