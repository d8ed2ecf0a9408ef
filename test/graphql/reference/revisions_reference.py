"""Reference values for release: FIRST, computed with pandas straight from the bundled vintage files.

Run from the repository root with Debian's Python (python3-pandas):
    /usr/bin/python3 test/graphql/reference/revisions_reference.py > test/graphql/reference/revisions_reference.json

Which vintage each value comes from is chosen by hand, from the dates the catalog gives each file
(data/catalog.json, data/calendars/cpi_release_dates.csv):
- cpiaucsl_monthly_fred_vintage_2024-12.csv holds every 2024 month up to November as first printed
  (each dated by its BLS release, e.g. June 2024 on 2024-07-11);
- cpiaucsl_monthly_fred_vintage_2026-01.csv is in force from 2025-02-12 (the 2025 seasonal revision),
  which is also when December 2024 is first known in the bundle;
- cpiaucsl_monthly_fred_vintage_2026-04.csv is in force from 2026-02-13 (latest);
- gdpc1_quarterly_fred_vintage_2024-12.csv: quarters up to 2024Q2 from 2024-09-26, 2024Q3 from 2024-12-19;
- gdpc1_quarterly_fred_vintage_2026-01.csv: from 2025-09-25 (latest).
A result is first published when its last input is, and is computed from that day's vintage.
"""
import json

import pandas as pd


def vintage(name, column):
    frame = pd.read_csv(f"data/real/{name}", parse_dates=["date"]).set_index("date")[column]
    return frame


cpi_2412 = vintage("cpiaucsl_monthly_fred_vintage_2024-12.csv", "CPIAUCSL")
cpi_2601 = vintage("cpiaucsl_monthly_fred_vintage_2026-01.csv", "CPIAUCSL")
cpi_2604 = vintage("cpiaucsl_monthly_fred_vintage_2026-04.csv", "CPIAUCSL")
gdp_2412 = vintage("gdpc1_quarterly_fred_vintage_2024-12.csv", "GDPC1")
gdp_2601 = vintage("gdpc1_quarterly_fred_vintage_2026-01.csv", "GDPC1")


def annualized(levels):
    """Quarter-on-quarter growth at an annual rate, a fraction: (x_t / x_{t-1})^4 - 1."""
    return (levels / levels.shift(1)) ** 4 - 1


def pct(levels):
    return levels.pct_change(fill_method=None)


def at(series, date):
    return float(series.loc[pd.Timestamp(date)])


out = {
    # GDPC1 annualized growth, first published (2024-12 vintage) and latest (2026-01 vintage).
    "gdpc1_annualized_first": {
        "2024-01-01": at(annualized(gdp_2412), "2024-01-01"),
        "2024-04-01": at(annualized(gdp_2412), "2024-04-01"),
        "2024-07-01": at(annualized(gdp_2412), "2024-07-01"),
    },
    "gdpc1_annualized_latest": {
        "2024-01-01": at(annualized(gdp_2601), "2024-01-01"),
        "2024-04-01": at(annualized(gdp_2601), "2024-04-01"),
        "2024-07-01": at(annualized(gdp_2601), "2024-07-01"),
    },
    # CPI month-on-month: June 2024 from the 2024-12 vintage; December 2024 is first known on
    # 2025-02-12, when November too is the 2026-01 vintage's (not its own first print).
    "cpi_pct_change_first": {
        "2024-06-01": at(pct(cpi_2412), "2024-06-01"),
        "2024-12-01": at(pct(cpi_2601), "2024-12-01"),
    },
    # What mixing first prints would give for December (November's first print from the 2024-12 file).
    "cpi_pct_change_dec_2024_mixed_first_prints": (at(cpi_2601, "2024-12-01") / at(cpi_2412, "2024-11-01") - 1),
    "cpi_pct_change_latest": {
        "2024-06-01": at(pct(cpi_2604), "2024-06-01"),
        "2024-12-01": at(pct(cpi_2604), "2024-12-01"),
    },
    # CPI year on year, June 2024: both months as known on 2024-07-11 (the 2024-12 vintage).
    "cpi_yoy_first_2024_06": (at(cpi_2412, "2024-06-01") / at(cpi_2412, "2023-06-01") - 1),
    "cpi_yoy_latest_2024_06": (at(cpi_2604, "2024-06-01") / at(cpi_2604, "2023-06-01") - 1),
    # Quarterly mean of 2024Q2: complete when June is first printed (2024-07-11).
    "cpi_quarterly_mean_first_2024_04": float(cpi_2412.resample("QS").mean().loc["2024-04-01"]),
    "cpi_quarterly_mean_latest_2024_04": float(cpi_2604.resample("QS").mean().loc["2024-04-01"]),
}
print(json.dumps(out, indent=2))
