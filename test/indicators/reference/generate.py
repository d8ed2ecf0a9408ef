#!/usr/bin/env python3
"""Reference values for the indicator tests, computed independently with pandas/numpy.

Reads the bundled real data in data/real/ and writes one JSON file per indicator next to this
script. Run from anywhere with Debian's python3 (python3-numpy, python3-pandas):

    python3 test/indicators/reference/generate.py

Conventions mirrored from the TypeScript side (and stated there):
- two series are inner-joined on the dates both have a row for; blank values stay NaN;
- returns never fill gaps (pct_change(fill_method=None)), so NaN propagates;
- rolling statistics use min_periods = window, so any NaN in the window gives NaN (null in JSON);
- std is the sample std (ddof = 1); volatility is annualised by sqrt(252) for daily data,
  sqrt(52) for weekly.
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


rut = load('rut_daily_yahoo.csv', 'Close')
nasdaq = load('nasdaqcom_daily_fred.csv', 'NASDAQCOM')
dgs2 = load('dgs2_daily_fred.csv', 'DGS2')

# Rolling 20-day correlation of RUT simple returns with DGS2 daily changes (inner join on dates).
j = pd.concat([rut.rename('a'), dgs2.rename('b')], axis=1, join='inner')
ra = j['a'].pct_change(fill_method=None)
db = j['b'].diff()
write('correlation_rut_dgs2_20', {'window': 20, **col(ra.rolling(20).corr(db))})
span = slice('2024-05-01', '2024-07-31')
write('correlation_rut_dgs2_may_jul_2024', {'from': '2024-05-01', 'to': '2024-07-31', 'n': int(ra[span].count()),
                                            'value': float(ra[span].corr(db[span]))})

# Rolling 60-day beta of RUT returns on NASDAQCOM returns (benchmark = NASDAQCOM).
j2 = pd.concat([rut.rename('a'), nasdaq.rename('b')], axis=1, join='inner')
r_rut = j2['a'].pct_change(fill_method=None)
r_ndq = j2['b'].pct_change(fill_method=None)
beta = r_rut.rolling(60).cov(r_ndq) / r_ndq.rolling(60).var()
write('beta_rut_nasdaqcom_60', {'window': 60, **col(beta)})

# Rolling 20-day annualised volatility of NASDAQCOM log returns (its own calendar; blank holidays).
lr = np.log(nasdaq / nasdaq.shift(1))
write('volatility_nasdaqcom_20', {'window': 20, 'frequency': 'DAILY', **col(lr.rolling(20).std() * math.sqrt(252))})

# Rolling 20-day mean and std of RUT closes.
write('mean_std_rut_20', {
    'window': 20,
    'dates': col(rut)['dates'],
    'mean': col(rut.rolling(20).mean())['values'],
    'std': col(rut.rolling(20).std())['values'],
})

# Rolling 20-day z-score and 60-day percentile rank of the DGS2 level (blank holidays inside).
z = (dgs2 - dgs2.rolling(20).mean()) / dgs2.rolling(20).std()
write('zscore_dgs2_20', {'window': 20, **col(z)})
write('percentile_rank_dgs2_60', {'window': 60, **col(dgs2.rolling(60).rank(pct=True, method='max'))})


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
                     'endDate': d1, 'endValue': v1, 'absolute': v1 - v0, 'percent': 100 * (v1 / v0 - 1)})

# Weekly (Friday) closes, then the ratio of 13-week rolling vols of simple returns.
wk_rut = rut.resample('W-FRI').last()
wk_ndq = nasdaq.resample('W-FRI').last()
wj = pd.concat([wk_rut.rename('a'), wk_ndq.rename('b')], axis=1, join='inner')
rel = wj['a'].pct_change(fill_method=None).rolling(13).std() / wj['b'].pct_change(fill_method=None).rolling(13).std()
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
        'pctOfOpenInterest': col(100 * long_ / oi)['values'],
        'netPctOfOpenInterest': col(100 * (long_ - short) / oi)['values'],
    }
write('positioning_russell_futures_only', out)
