"""Expected release days for test/series/freshness.test.ts, computed independently of Tide's date code
with Python's standard library (datetime, calendar): the next observation after the last one (the
next weekday for daily data, the next period otherwise), the last day of its period, plus the
publication lag of its frequency (api/series/freshness.ts: daily 4 days, weekly 7, monthly 30,
quarterly 35, annual 120).

    /usr/bin/python3 test/series/reference/freshness_reference.py > test/series/reference/freshness_reference.json
"""
import calendar
import json
from datetime import date, timedelta

LAG = {"DAILY": 4, "WEEKLY": 7, "MONTHLY": 30, "QUARTERLY": 35, "ANNUAL": 120}
CASES = [
    ("2024-12-31", "DAILY"), ("2025-01-03", "DAILY"), ("2025-01-04", "DAILY"), ("2025-01-05", "DAILY"),
    ("2024-03-12", "WEEKLY"), ("2024-12-27", "WEEKLY"),
    ("2024-12-01", "MONTHLY"), ("2025-01-01", "MONTHLY"), ("2024-01-15", "MONTHLY"),
    ("2024-10-01", "QUARTERLY"), ("2024-07-01", "QUARTERLY"),
    ("2023-01-01", "ANNUAL"),
]


def month_end(y, m):
    return date(y, m, calendar.monthrange(y, m)[1])


def expected(last, freq):
    d = date.fromisoformat(last)
    if freq == "DAILY":
        n = d + timedelta(days=1)
        while n.weekday() >= 5:
            n += timedelta(days=1)
        end = n
    elif freq == "WEEKLY":
        end = d + timedelta(days=7)
    elif freq == "MONTHLY":
        y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
        end = month_end(y, m)
    elif freq == "QUARTERLY":
        q_first = (d.month - 1) // 3 * 3 + 1 + 3
        y, m = (d.year + 1, q_first - 12) if q_first > 12 else (d.year, q_first)
        end = month_end(y, m + 2)
    else:
        end = date(d.year + 1, 12, 31)
    return (end + timedelta(days=LAG[freq])).isoformat()


print(json.dumps([{"last": l, "frequency": f, "expectedBy": expected(l, f)} for l, f in CASES], indent=1))
