"""Reference values for a period the source never published: October 2025 CPI (BLS published no
October 2025 index; FRED's CPIAUCSL has no value for 2025-10-01, as the bundled file shows),
computed with pandas from the bundled latest vintage, data/real/cpiaucsl_monthly_fred_vintage_2026-04.csv.

Run from the repository root with Debian's Python (python3-pandas):
    /usr/bin/python3 test/graphql/reference/cpi_gap_reference.py > test/graphql/reference/cpi_gap_reference.json

The rule (schema.graphql, Observations.missingPeriods): a monthly series owes a value every month, so
- PCT_CHANGE / CHANGE / LOG_RETURN: pandas' pct_change(fill_method=None) / diff on the monthly index,
  the missing month kept as NaN, so both October (no level) and November (no previous month) are null;
- ANNUALIZED: (x_t / x_(t-k))^(12/k) - 1 over the k months since the previous published value, so
  November 2025 compounds the two-month change six times, not twelve;
- indicators work on each series' own observations (the missing month dropped), and a change whose
  previous observation is more than one month back is null: RETURNS, and VOLATILITY's log returns
  (rolling(window).std() * sqrt(12)).
"""
import json
import math

import numpy as np
import pandas as pd

s = pd.read_csv("data/real/cpiaucsl_monthly_fred_vintage_2026-04.csv", parse_dates=["date"]).set_index("date")["CPIAUCSL"].astype(float)
s = s.asfreq("MS")  # one row per month; a month never published stays NaN
assert math.isnan(s["2025-10-01"])

obs = s.dropna()
months = (obs.index.year - obs.index.to_series().shift(1).dt.year) * 12 + (obs.index.month - obs.index.to_series().shift(1).dt.month)
one_month = months == 1


def col(series, start="2025-07-01"):
    series = series.loc[start:]
    return {"dates": [d.strftime("%Y-%m-%d") for d in series.index],
            "values": [None if (v is None or math.isnan(v)) else float(v) for v in series.to_numpy()]}


annualized = (obs / obs.shift(1)) ** (12 / months) - 1
returns = (obs / obs.shift(1) - 1).where(one_month)
log_returns = np.log(obs / obs.shift(1)).where(one_month)
out = {
    "generator": "pandas " + pd.__version__,
    "source": "data/real/cpiaucsl_monthly_fred_vintage_2026-04.csv",
    "from": "2025-07-01",
    "missing": [d.strftime("%Y-%m-%d") for d in s.index[s.isna()]],
    "PCT_CHANGE": col(s.pct_change(fill_method=None)),
    "CHANGE": col(s.diff()),
    "LOG_RETURN": col(np.log(s / s.shift(1))),
    "ANNUALIZED": col(annualized.reindex(s.index)),
    "ANNUALIZED_bridged_12th_power": float((obs["2025-11-01"] / obs["2025-09-01"]) ** 12 - 1),
    "RETURNS": col(returns),
    "VOLATILITY_3": col(log_returns.rolling(3).std() * math.sqrt(12)),
}
print(json.dumps(out, indent=1))
