#!/usr/bin/env python3
"""Reference values for the indicator tests, computed independently with pandas/numpy.

Reads the bundled real data in data/real/ and writes one JSON file per indicator next to this
script. Run from anywhere with Debian's python3 (python3-numpy, python3-pandas; not a virtualenv):

    /usr/bin/python3 test/indicators/reference/generate.py

Conventions mirrored from the TypeScript side (docs/indicators.md, "Inputs, alignment and nulls"):
- each series is reduced to its own observations first (dropna), so a return spans a holiday;
- two series are inner-joined on the dates both have a value for (after each drops its gaps);
- prices move by returns (pct_change; log returns for volatility), rates (unit Percent) by
  changes in basis points (diff * 100);
- rolling statistics use rolling(window, min_periods=minObservations), minObservations = window
  unless stated; std is the sample std (ddof = 1); volatility is annualised by sqrt(252) for
  daily data, sqrt(52) for weekly;
- percentile ranks are mid-ranks of ties: rolling(window).rank(method="average", pct=True);
- weekly bars end on Friday; the last, incomplete week (data ending before its Friday) is dropped;
- every relative figure is a fraction (0.1154 = +11.54 %).
"""
import json
import math
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', '..', 'data', 'real')


def load(file, column):
    df = pd.read_csv(os.path.join(DATA, file), parse_dates=[0], index_col=0)
    return df[column].astype(float)


def col(series):
    return {
        'dates': [d.strftime('%Y-%m-%d') for d in series.index],
        'values': [None if (v is None or math.isnan(v)) else float(v) for v in series.to_numpy()],
    }


def write(name, payload):
    payload['generator'] = 'pandas ' + pd.__version__ + ', numpy ' + np.__version__
    with open(os.path.join(HERE, name + '.json'), 'w') as f:
        json.dump(payload, f, indent=1)
        f.write('\n')


def joined(a, b):
    """Inner join of two series on the dates both have a value for."""
    return pd.concat([a.dropna().rename('a'), b.dropna().rename('b')], axis=1, join='inner')


def bp(s):
    return s.diff() * 100


def log_returns(s):
    return np.log(s / s.shift(1))


def weekly_last(s):
    """Friday-ending weekly closes; the last week is dropped when the data end before its Friday."""
    s = s.dropna()
    w = s.resample('W-FRI').last()
    if s.index[-1] < w.index[-1]:
        w = w.iloc[:-1]
    return w


rut = load('rut_daily_yahoo.csv', 'Close')
nasdaq = load('nasdaqcom_daily_fred.csv', 'NASDAQCOM')
dgs2 = load('dgs2_daily_fred.csv', 'DGS2')

# Rolling 20-day correlation of RUT simple returns with DGS2 changes in bp, on common dates.
j = joined(rut, dgs2)
ra = j['a'].pct_change()
db = bp(j['b'])
write('correlation_rut_dgs2_20', {'window': 20, **col(ra.rolling(20).corr(db))})
write('correlation_rut_dgs2_250', {'window': 250, **col(ra.rolling(250).corr(db))})
span = slice('2024-05-01', '2024-07-31')
write('correlation_rut_dgs2_may_jul_2024', {'from': '2024-05-01', 'to': '2024-07-31', 'n': int(ra[span].count()),
                                            'value': float(ra[span].corr(db[span]))})

# Rolling 60-day beta of RUT returns on NASDAQCOM returns (benchmark = NASDAQCOM).
j2 = joined(rut, nasdaq)
r_rut = j2['a'].pct_change()
r_ndq = j2['b'].pct_change()
beta = r_rut.rolling(60).cov(r_ndq) / r_ndq.rolling(60).var()
write('beta_rut_nasdaqcom_60', {'window': 60, **col(beta)})

# Annualised volatility of NASDAQCOM log returns on its own observations (holiday blanks dropped).
ndq = nasdaq.dropna()
lr = log_returns(ndq)
write('volatility_nasdaqcom_20', {'window': 20, 'frequency': 'DAILY', **col(lr.rolling(20).std() * math.sqrt(252))})
write('volatility_nasdaqcom_250', {'window': 250, 'frequency': 'DAILY', **col(lr.rolling(250).std() * math.sqrt(252))})
write('volatility_nasdaqcom_250_min_60', {'window': 250, 'minObservations': 60, 'frequency': 'DAILY',
                                          **col(lr.rolling(250, min_periods=60).std() * math.sqrt(252))})
cover = lr.rolling(250).std().loc['2023-06-01':'2024-12-31']
write('volatility_nasdaqcom_250_coverage', {'from': '2023-06-01', 'to': '2024-12-31',
                                            'dates': int(cover.shape[0]), 'withValue': int(cover.count())})

# Annualised volatility of DGS2 changes in basis points.
write('volatility_dgs2_250_bp', {'window': 250, 'unit': 'bp', **col(bp(dgs2.dropna()).rolling(250).std() * math.sqrt(252))})

# Simple returns of NASDAQCOM on its own observations: 2024-07-05 is measured from 2024-07-03.
write('returns_nasdaqcom', {**col(ndq.pct_change())})

# Rolling 20-day mean and std of RUT closes.
write('mean_std_rut_20', {
    'window': 20,
    'dates': col(rut)['dates'],
    'mean': col(rut.rolling(20).mean())['values'],
    'std': col(rut.rolling(20).std())['values'],
})

# Rolling 20-day z-score of DGS2 daily changes (bp) and 60-day mid-rank percentile of the DGS2 level.
c = bp(dgs2.dropna())
z = (c - c.rolling(20).mean()) / c.rolling(20).std()
write('zscore_dgs2_20', {'window': 20, **col(z)})
write('percentile_rank_dgs2_60', {'window': 60, **col(dgs2.dropna().rolling(60).rank(pct=True, method='average'))})


def runup(s):
    s = s.dropna()
    ratio = s / s.cummin() - 1
    peak = ratio.idxmax()
    trough = s.loc[:peak].idxmin()
    return {'value': float(ratio.max()), 'fromDate': trough.strftime('%Y-%m-%d'), 'toDate': peak.strftime('%Y-%m-%d')}


def drawdown(s):
    s = s.dropna()
    ratio = s / s.cummax() - 1
    trough = ratio.idxmin()
    peak = s.loc[:trough].idxmax()
    return {'value': float(ratio.min()), 'fromDate': peak.strftime('%Y-%m-%d'), 'toDate': trough.strftime('%Y-%m-%d')}


after = rut.loc['2024-07-09':'2024-12-31']
write('runup_rut', {
    'since_2024_07_09': {'from': '2024-07-09', 'to': '2024-12-31', 'runup': runup(after), 'drawdown': drawdown(after)},
    'whole_2022_2024': {'runup': runup(rut), 'drawdown': drawdown(rut)},
})


def last_on_or_before(s, date):
    s = s.loc[:date].dropna()
    return s.index[-1].strftime('%Y-%m-%d'), float(s.iloc[-1])


(d0, v0), (d1, v1) = last_on_or_before(rut, '2024-07-06'), last_on_or_before(rut, '2024-07-16')
write('change_rut', {'from': '2024-07-06', 'to': '2024-07-16', 'startDate': d0, 'startValue': v0,
                     'endDate': d1, 'endValue': v1, 'absolute': v1 - v0, 'relative': v1 / v0 - 1})

# Friday closes (the incomplete last week dropped), then the ratio of 13-week rolling vols of log returns.
wj = joined(weekly_last(rut), weekly_last(nasdaq))
rel = log_returns(wj['a']).rolling(13).std() / log_returns(wj['b']).rolling(13).std()
write('relative_vol_rut_nasdaqcom_weekly_13', {
    'window': 13,
    'inputs': {'a': col(wj['a']), 'b': col(wj['b'])},
    **col(rel),
})

# CFTC TFF positioning per trader group (futures only).
cot = pd.read_csv(os.path.join(DATA, 'cftc_tff_russell_emini_2024_futures_only.csv'))
cot = cot.set_index(pd.to_datetime(cot['Report_Date_as_YYYY-MM-DD'])).sort_index()
groups = {'DEALER': 'Dealer', 'ASSET_MANAGER': 'Asset_Mgr', 'LEVERAGED_FUNDS': 'Lev_Money',
          'OTHER_REPORTABLES': 'Other_Rept', 'NON_REPORTABLES': 'NonRept'}
oi = cot['Open_Interest_All'].astype(float)
out = {'dates': [d.strftime('%Y-%m-%d') for d in cot.index]}
for g, stem in groups.items():
    long_ = cot[stem + '_Positions_Long_All'].astype(float)
    short = cot[stem + '_Positions_Short_All'].astype(float)
    out[g] = {
        'net': col(long_ - short)['values'],
        'longShare': col(long_ / (long_ + short))['values'],
        'pctOfOpenInterest': col(long_ / oi)['values'],
        'netPctOfOpenInterest': col((long_ - short) / oi)['values'],
    }
write('positioning_russell_futures_only', out)
