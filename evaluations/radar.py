"""The report's radar chart as pure geometry for a server-rendered SVG (no ORM, no text).

The SVG carries no words: WeasyPrint does not shape Arabic inside SVG ``<text>``, so the
competencies' names are in the HTML around the chart (a numbered list matching the numbered
axes). Axis 1 points up; the axes follow the reading direction: clockwise in a
left-to-right language, anticlockwise in Arabic."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Axis:
    number: int
    x: float
    y: float
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Radar:
    size: int
    centre: float
    rings: list[str]
    axes: list[Axis]
    series: list[tuple[str, str]]  # (css class, polygon points)


def _point(centre: float, radius: float, index: int, count: int, rtl: bool) -> tuple[float, float]:
    angle = 2 * math.pi * index / count
    direction = -1 if rtl else 1
    return centre + direction * radius * math.sin(angle), centre - radius * math.cos(angle)


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def radar(
    *, series: Sequence[tuple[str, Sequence[float | None]]], scale_max: int = 5, rtl: bool = False, size: int = 320
) -> Radar | None:
    """Geometry for ``series`` (css class, one value per axis; ``None`` is drawn at the
    centre). ``None`` when there are fewer than three axes (no polygon to draw)."""
    count = len(series[0][1]) if series else 0
    if count < 3:
        return None
    centre = size / 2
    outer = size / 2 - 28
    rings = [
        _points([_point(centre, outer * level / scale_max, i, count, rtl) for i in range(count)])
        for level in range(1, scale_max + 1)
    ]
    axes = []
    for i in range(count):
        x, y = _point(centre, outer, i, count, rtl)
        label_x, label_y = _point(centre, outer + 16, i, count, rtl)
        axes.append(
            Axis(number=i + 1, x=round(x, 1), y=round(y, 1), label_x=round(label_x, 1), label_y=round(label_y, 1))
        )
    drawn = []
    for css_class, values in series:
        drawn.append(
            (
                css_class,
                _points(
                    [
                        _point(centre, outer * max(0.0, min(value or 0.0, scale_max)) / scale_max, i, count, rtl)
                        for i, value in enumerate(values)
                    ]
                ),
            )
        )
    return Radar(size=size, centre=centre, rings=rings, axes=axes, series=drawn)
