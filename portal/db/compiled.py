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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django.db.models.sql.subqueries import UpdateQuery

#: The types a placeholder may have, and how each is marked while the ORM compiles.
_MARKERS: dict[type, Callable[[int], Any]] = {
    str: lambda number: f"\ufffecompiled-select-marker-{number}\ufffe",
    int: lambda number: -(2**52) - number,
    datetime.datetime: lambda number: datetime.datetime(1901, 2, 3, 4, 5, number, tzinfo=datetime.UTC),
}


def _unchanged(value: Any) -> Any:
    return value


def fields_in_model_order(model: type[Model], names: Iterable[str]) -> tuple[str, ...]:
    """The attribute names among ``names`` in ``model``'s field order: the order
    ``Model.from_db`` takes a row's values in, so a compiled read of these columns builds
    instances as ``only()`` would (the other fields deferred)."""
    names = set(names)
    return tuple(field.attname for field in model._meta.concrete_fields if field.attname in names)


def _placeholder_for(parameter: Any, forms: list[tuple[str, Any, Callable[[Any], Any]]]):
    """``(name, adapt)`` of the placeholder whose marker became ``parameter``, or None for a
    constant of the query. A backend may wrap an integer in a type of its own (PostgreSQL's
    ``Int4`` for an integer column): that wrapping is then the adaptation."""
    for name, form, adapt in forms:
        if type(parameter) is type(form) and parameter == form:
            return name, adapt
        if type(form) is int and isinstance(parameter, int) and not isinstance(parameter, bool) and parameter == form:
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


class _CompiledStatement:
    """What a compiled read and a compiled update share: the placeholders, the SQL written
    once per database alias, and binding a call's values to it."""

    def __init__(self, build: Callable[..., Any], **placeholders: type) -> None:
        unknown = {name: kind for name, kind in placeholders.items() if kind not in _MARKERS}
        if unknown:
            raise TypeError(f"Placeholders of unsupported types: {unknown}")
        self._build = build
        self._placeholders = placeholders
        self._statements: dict[str, _Statement] = {}
        self._lock = threading.Lock()

    def _compiler(self, markers: dict[str, Any], using: str):
        raise NotImplementedError

    def _bind(self, using: str, values: dict[str, Any]) -> tuple[_Statement, list]:
        if values.keys() != self._placeholders.keys():
            raise TypeError(f"Expected the values {sorted(self._placeholders)}, got {sorted(values)}")
        statement = self._statements.get(using) or self._compile(using)
        parameters = [
            constant if name is None else adapt(values[name]) for name, adapt, constant in statement.parameters
        ]
        return statement, parameters

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
            # Each marker as it may appear among the compiled parameters, with the adaptation
            # that turned it into that (a datetime becomes text on SQLite).
            forms: list[tuple[str, Any, Callable[[Any], Any]]] = []
            for name, marker in markers.items():
                forms.append((name, marker, _unchanged))
                if isinstance(marker, datetime.datetime):
                    adapt = connection.ops.adapt_datetimefield_value
                    forms.append((name, adapt(marker), adapt))
            parameters: list[tuple[str | None, Callable[[Any], Any] | None, Any]] = []
            for parameter in compiled_parameters:
                match = _placeholder_for(parameter, forms)
                parameters.append((None, None, parameter) if match is None else (*match, None))
            unused = set(markers) - {name for name, _adapt, _constant in parameters}
            if unused:
                raise ValueError(f"Each placeholder must be an SQL parameter; {sorted(unused)} not in {sql!r}")
            converters = []
            for index, (expression, _sql, _alias) in enumerate(getattr(compiler, "select", None) or ()):
                found = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
                if found:
                    converters.append((index, tuple(found), expression))
            statement = _Statement(sql=sql, parameters=tuple(parameters), converters=tuple(converters))
            self._statements[using] = statement
            return statement


class CompiledSelect(_CompiledStatement):
    """A read whose SQL Django writes once per database alias.

    ``build`` receives one keyword argument per placeholder and returns the queryset (any
    ``values_list`` or model queryset whose lookups take those values); ``placeholders``
    names each placeholder's type (``str``, ``int`` or aware ``datetime.datetime``).
    ``build`` hands each placeholder to the ORM as it is: arithmetic on one in Python
    (``5 * amount``) would bake the marker's result into the SQL as a constant.
    :meth:`rows` runs it with the caller's values and returns the rows as tuples, with the
    values the ORM would return for the selected columns."""

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list[tuple]:
        statement, parameters = self._bind(using, values)
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, parameters)
            rows = cursor.fetchall()
        if statement.converters and rows:
            rows = [self._convert(row, statement, connection) for row in rows]
        return [tuple(row) for row in rows]

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


class CompiledUpdate(_CompiledStatement):
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

    def _compiler(self, markers: dict[str, Any], using: str):
        queryset, changes = self._build(**markers)
        if queryset.model._meta.parents:
            raise TypeError(f"{queryset.model.__name__} has parent models: its update is several statements")
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(changes)
        query.annotations = {}
        return query.get_compiler(using=using)
