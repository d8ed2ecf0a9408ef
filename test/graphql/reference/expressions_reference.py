"""Reference values for series expressions (test/graphql/expressions.test.ts), computed with pandas
straight from the bundled source files, independently of Tide's code.

    /usr/bin/python3 test/graphql/reference/expressions_reference.py > test/graphql/reference/expressions_reference.json

Rules reproduced: each operand drops its missing values, then operands are joined on the dates they
share; basket() is 100 on the first shared date and moves each shared date by the (weighted) mean of
the members' returns since the previous shared date; rebase(x, d) is 100 * x / x on d.
"""
import json
import math
import os

import pandas as pd

REAL = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'data', 'real')


def load(file, column, date='Date'):
    df = pd.read_csv(os.path.join(REAL, file), na_values=['.', ''])
    s = pd.Series(df[column].values, index=df[date].astype(str)).astype(float)
    return s.dropna().sort_index()


RUT = load('rut_daily_yahoo.csv', 'Close')
QQQ = load('qqq_daily_yahoo.csv', 'Close')
IWM = load('iwm_daily_yahoo.csv', 'Close')
NASDAQCOM = load('nasdaqcom_daily_fred.csv', 'NASDAQCOM', 'date')
DGS2 = load('dgs2_daily_fred.csv', 'DGS2', 'date')
DFF = load('dff_daily_fred.csv', 'DFF', 'date')


def joined(*series):
    return pd.concat(series, axis=1, join='inner')


def basket(members, weights=None):
    df = joined(*members)
    w = pd.Series(weights if weights else [1.0] * len(members), index=df.columns, dtype=float)
    w = w / w.sum()
    move = (df.pct_change() * w).sum(axis=1, min_count=len(members))
    move.iloc[0] = 0.0
    return 100 * (1 + move).cumprod()


def rebase(s, date):
    return 100 * s / s[s.index <= date].iloc[-1]


def window(s, start, end):
    s = s[(s.index >= start) & (s.index <= end)]
    return {'dates': list(s.index), 'values': [None if math.isnan(v) else float(v) for v in s.values]}


def ratio(a, b):
    df = joined(a, b)
    return df.iloc[:, 0] / df.iloc[:, 1]


out = {}
out['RUT / NASDAQCOM, July 2024'] = window(ratio(RUT, NASDAQCOM), '2024-07-01', '2024-07-31')
spread = joined(DGS2, DFF)
out['DGS2 - DFF, 2024-09'] = window(spread.iloc[:, 0] - spread.iloc[:, 1], '2024-09-01', '2024-09-30')
b = basket([RUT, QQQ, IWM])
rel = ratio(rebase(b, '2023-01-03'), rebase(NASDAQCOM, '2023-01-03'))
out['rebase(basket(RUT, QQQ, IWM), "2023-01-03") / rebase(NASDAQCOM, "2023-01-03"), Dec 2024'] = window(rel, '2024-12-01', '2024-12-31')
out['basket(RUT, QQQ, weights: [3, 1]), 2022-01 first week'] = window(basket([RUT, QQQ], [3, 1]), '2022-01-01', '2022-01-07')
out['basket(RUT, QQQ, weights: [3, 1]), 2024-12-31'] = window(basket([RUT, QQQ], [3, 1]), '2024-12-31', '2024-12-31')
out['RUT / lag(RUT, 5) - 1, 2024-07'] = window(RUT / RUT.shift(5) - 1, '2024-07-01', '2024-07-31')
lq = joined(RUT, QQQ)
out['log(RUT / QQQ), 2024-07-31'] = window(pd.Series(lq.iloc[:, 0] / lq.iloc[:, 1]).apply(math.log), '2024-07-31', '2024-07-31')
# Weekly (Friday) last close per series, then each series' own PCT_CHANGE, then the difference.
wk = lambda s: s.groupby(pd.to_datetime(s.index).to_period('W-FRI')).last().pipe(lambda x: x.set_axis([p.end_time.strftime('%Y-%m-%d') for p in x.index]))
wr, wq = wk(RUT).pct_change(), wk(QQQ).pct_change()
rr = joined(wr.dropna(), wq.dropna())
# Whole periods: the week holding "to" (2024-07-31) is the one ending Friday 2024-08-02.
out['RUT - QQQ weekly PCT_CHANGE, 2024-07'] = window(rr.iloc[:, 0] - rr.iloc[:, 1], '2024-07-01', '2024-08-02')
# indicator(CORRELATION, inputs: ["RUT / QQQ", "DGS2"], window: 63) on 2024-07-31: the ratio (a price,
# so simple returns) joined with DGS2 (a rate, so changes in bp) on the dates both have, as
# test/indicators/reference/generate.py does for two stored series.
jr = joined(ratio(RUT, QQQ), DGS2)
corr = jr.iloc[:, 0].pct_change().rolling(63).corr(jr.iloc[:, 1].diff() * 100)
out['CORRELATION(RUT / QQQ, DGS2, 63), 2024-07-31'] = window(corr, '2024-07-31', '2024-07-31')
# The note's claim as one formula, from the breadth files (aapl_daily_yahoo.csv … rsp_daily_yahoo.csv in
# data/real, SOURCES.md); left out, with a note on stderr, where those files are not there.
MEGA = ['aapl', 'msft', 'nvda', 'amzn', 'googl', 'meta', 'tsla']
if all(os.path.exists(os.path.join(REAL, f'{t}_daily_yahoo.csv')) for t in MEGA + ['rsp']):
    mega = basket([load(f'{t}_daily_yahoo.csv', 'Close') for t in MEGA])
    claim = ratio(rebase(mega, '2023-01-03'), rebase(load('rsp_daily_yahoo.csv', 'Close'), '2023-01-03'))
    out['mega-caps over RSP, rebased 2023-01-03'] = {k: v for k, v in [('2023-01-03', window(claim, '2023-01-03', '2023-01-03')),
                                                                        ('2023-12-29', window(claim, '2023-12-29', '2023-12-29')),
                                                                        ('2024-12-31', window(claim, '2024-12-31', '2024-12-31'))]}
else:
    import sys
    print('breadth files (aapl … rsp_daily_yahoo.csv) not in data/real: the mega-cap reference is left out', file=sys.stderr)
print(json.dumps(out, indent=1))
