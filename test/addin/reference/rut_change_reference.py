"""Reference values for CHANGE, computed with pandas/numpy from the Russell 2000 closes.

Run: /usr/bin/python3 test/addin/reference/rut_change_reference.py data/real/rut_daily_yahoo.csv
Writes rut_change_reference.json next to this script.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

closes = pd.read_csv(sys.argv[1], index_col="Date", parse_dates=True)["Close"]
window = closes["2024-06-01":"2024-07-31"]


def on_or_before(date):
    """The close on or before `date` (the last trading day before a weekend or holiday)."""
    point = closes[:date]
    return point.index[-1].strftime("%Y-%m-%d"), float(point.iloc[-1])


cases = []
for start, end in [("2024-07-09", "2024-07-16"), ("2024-07-06", "2024-07-31"), ("2024-06-03", "2024-07-04")]:
    (bd, b), (ed, e) = on_or_before(start), on_or_before(end)
    cases.append({"start": start, "end": end, "startClose": [bd, b], "endClose": [ed, e],
                  "PCT": e / b - 1, "ABS": e - b, "LOG": float(np.log(e / b))})

out = {
    "source": "data/real/rut_daily_yahoo.csv (Yahoo Finance ^RUT closes)",
    "dates": [d.strftime("%Y-%m-%d") for d in window.index],
    "closes": [float(v) for v in window.values],
    "cases": cases,
}
Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=1) + "\n")
