"""Dates written out in words and digits: «25 شوال 1436 هـ», «10 أغسطس 2015 م» → ISO."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from hijridate import Hijri

from ..arabic import Token, digits_value, normalize, stems, tokenize
from ..lexicon.dates import dates


@dataclass(frozen=True)
class Date:
    iso: str  # Gregorian ISO date (Hijri dates converted, Umm al-Qura)
    calendar: str  # "gregorian" | "hijri"
    first: int  # token indexes, end exclusive
    end: int


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, tuple[tuple[tuple[str, ...], int, str], ...]]  # first word → (words, month, calendar)
    marks: dict[str, str]
    years: dict[str, tuple[int, int]]
    same_day: frozenset[str]  # normalised


@cache
def _lexicon() -> _Lexicon:
    data = dates()
    months: dict[str, list] = {}
    for calendar in ("gregorian", "hijri"):
        for month, names in getattr(data, calendar).items():
            for name in names:
                words = tuple(t.norm for t in tokenize(name))
                months.setdefault(words[0], []).append((words, int(month), calendar))
    marks = {normalize(m): "hijri" for m in data.hijri_marks}
    marks.update({normalize(m): "gregorian" for m in data.gregorian_marks})
    return _Lexicon({k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in months.items()},
                    marks, {k: tuple(v) for k, v in data.years.items()}, frozenset(map(normalize, data.same_day)))


def _month_at(tokens: tuple[Token, ...], j: int) -> tuple[int, str, int] | None:
    """(month, calendar, end) of a month name starting at tokens[j]."""
    if j >= len(tokens) or tokens[j].kind != "word":
        return None
    for stem, _ in stems(tokens[j].norm):
        for words, month, calendar in _lexicon().months.get(stem, ()):
            end = j + len(words)
            if end <= len(tokens) and all(tokens[j + k].norm == w for k, w in enumerate(words[1:], 1)):
                return month, calendar, end
    return None


def read_date(tokens: tuple[Token, ...], i: int) -> Date | None:
    """The date «DAY MONTH YEAR [era]» that starts at tokens[i], if any."""
    if tokens[i].kind != "num":
        return None
    day = digits_value(tokens[i].text)
    month = _month_at(tokens, i + 1) if isinstance(day, int) and 1 <= day <= 31 else None
    if month is None:
        return None
    number, calendar, j = month
    if j >= len(tokens) or tokens[j].kind != "num":
        return None
    year = digits_value(tokens[j].text)
    low, high = _lexicon().years[calendar]
    if not isinstance(year, int) or not low <= year <= high:
        return None
    end = j + 1
    if end < len(tokens) and _lexicon().marks.get(tokens[end].norm) == calendar:
        end += 1
    try:
        if calendar == "hijri":
            iso = Hijri(year, number, day).to_gregorian().isoformat()
        else:
            iso = date(year, number, day).isoformat()
    except (ValueError, OverflowError):
        return None
    return Date(iso, calendar, i, end)


def with_same_day(tokens: tuple[Token, ...], first: Date) -> Date:
    """`first` and the same day in the other calendar written right after it («10 شوال 1436هـ
    الموافق 26 يوليو 2015م», «… (26 يوليو 2015)») as one date, the Gregorian one's (a conversion
    may be a day off the writer's); `first` alone where there is none."""
    k = first.end
    while k < len(tokens) and k - first.end < dates().same_day_gap and tokens[k].norm in _lexicon().same_day:
        k += 1
    second = read_date(tokens, k) if first.end < k < len(tokens) else None
    if second is None or second.calendar == first.calendar:
        return first
    between = [t.text for t in tokens[first.end:k]]
    start, end = first.first, second.end
    if between[0] == ")" and start > 0 and tokens[start - 1].text == "(":  # «(10 شوال 1436هـ) الموافق …»
        start -= 1
    inside = [t.text for t in tokens[start:end]]
    if inside.count("(") > inside.count(")") and end < len(tokens) and tokens[end].text == ")":
        end += 1
    gregorian = first if first.calendar == "gregorian" else second
    return Date(gregorian.iso, "gregorian", start, end)


def dates_in(tokens: tuple[Token, ...]) -> list[Date]:
    """Every date in a run of tokens, left to right."""
    found, i = [], 0
    while i < len(tokens):
        hit = read_date(tokens, i) if tokens[i].kind == "num" else None
        if hit:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found
