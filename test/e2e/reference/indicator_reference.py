"""Reference values for the TIDE indicator functions, computed with pandas from data/real/.

Run: /usr/bin/python3 test/e2e/reference/indicator_reference.py
Writes indicator_reference.json next to this script.
"""
import json
from pathlib import Path

import pandas as pd

DATA = Path("data/real")


def closes(name, column):
    return pd.read_csv(DATA / name, index_col=0, parse_dates=True)[column]


rut = closes("rut_daily_yahoo.csv", "Close")
dgs2 = closes("dgs2_daily_fred.csv", "DGS2")

# CORR("RUT","DGS2",63): RUT simple returns vs DGS2 changes (a yield), on the dates both have a value for,
# one 63-return window ending 2024-07-31.
both = pd.concat([rut.dropna().rename("rut"), dgs2.dropna().rename("dgs2")], axis=1, join="inner")[:"2024-07-31"]
moves = pd.DataFrame({"rut": both["rut"].pct_change(), "dgs2": both["dgs2"].diff()}).iloc[-63:]
corr = moves["rut"].corr(moves["dgs2"])

# CHANGE defaults: the relative change for a price (a fraction), the change in basis points for a yield.
def on_or_before(series, date):
    return float(series.dropna()[:date].iloc[-1])


change_rut = on_or_before(rut, "2024-07-16") / on_or_before(rut, "2024-07-06") - 1
change_dgs2 = 100 * (on_or_before(dgs2, "2024-07-16") - on_or_before(dgs2, "2024-07-09"))
window = rut["2024-07-09":"2024-07-31"]
runup = max(window.iloc[j] / window.iloc[: j + 1].min() - 1 for j in range(len(window)))

# POSITIONING long share = long / (long + short), futures only, reports in July 2024.
cftc = pd.read_csv(DATA / "cftc_tff_russell_emini_2024_futures_only.csv", parse_dates=["Report_Date_as_YYYY-MM-DD"])
cftc = cftc.set_index("Report_Date_as_YYYY-MM-DD").sort_index()["2024-07-01":"2024-07-21"]
share = cftc["Asset_Mgr_Positions_Long_All"] / (cftc["Asset_Mgr_Positions_Long_All"] + cftc["Asset_Mgr_Positions_Short_All"])

# CUTPROB("2024-09-18","2024-07-10"): CME FedWatch for a meeting on day 18 of a 30-day month,
# the rate before it being DFF (no July contract in the data): avg = 100 - ZQU24. CME's day count
# (its worked example: 16 of 30 days before a 17 Sep decision): the decision day carries the new
# rate, so 17 days at the old rate.
zq = closes("zq_fed_funds_futures_ZQU24_daily_barchart.csv", "last")
dff = on_or_before(closes("dff_daily_fred.csv", "DFF"), "2024-07-10")
avg = 100 - float(zq["2024-07-10"])
d, n = 17, 30
r_end = (avg - d / n * dff) * n / (n - d)
steps = (r_end - dff) / 0.25  # negative: cuts
p_one_cut = -steps  # between 0 and 1 cuts: P(-25bp) = fraction of a step

out = {
    "corr_rut_dgs2_63_ending_2024_07_31": float(corr),
    "change_rut_2024_07_06_to_07_16": float(change_rut),
    "change_dgs2_2024_07_09_to_07_16": float(change_dgs2),
    "max_runup_rut_2024_07_09_to_07_31": float(runup),
    "asset_manager_long_share_july_2024": {d.strftime("%Y-%m-%d"): float(v) for d, v in share.items()},
    "cutprob_2024_09_18_asof_2024_07_10": {"minus25": float(p_one_cut), "unchanged": float(1 - p_one_cut)},
}
Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=1) + "\n")
