#!/usr/bin/env python3
"""Reference values for rolling indicators whose window is longer than the data up to `to`, while
minObservations fits: pandas' rolling(window, min_periods=minObservations) gives values from the
minObservations-th change on, and Tide must answer those dates rather than refuse the window.

Reads the bundled real data in data/real/ with the conventions of generate.py (each series reduced
to its own observations, pairs inner-joined on common dates, returns for prices, bp changes for
rates, sample statistics, volatility annualised by sqrt(252) daily / sqrt(52) weekly, Friday-ending
weeks). Writes min_periods_start.json next to this script:

    /usr/bin/python3 test/indicators/reference/min_periods_start.py
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
    return df[column].astype(float).dropna()


def col(series):
    return {
        'dates': [d.strftime('%Y-%m-%d') for d in series.index],
        'values': [None if (v is None or math.isnan(v)) else float(v) for v in series.to_numpy()],
    }


def joined(a, b):
    return pd.concat([a.rename('a'), b.rename('b')], axis=1, join='inner')


def weekly_last(s):
    w = s.resample('W-FRI').last()
    if s.index[-1] < w.index[-1]:
        w = w.iloc[:-1]
    return w


def log_returns(s):
    return np.log(s / s.shift(1))


def bp(s):
    return s.diff() * 100


rut = load('rut_daily_yahoo.csv', 'Close')
qqq = load('qqq_daily_yahoo.csv', 'Close')
nasdaq = load('nasdaqcom_daily_fred.csv', 'NASDAQCOM')
dgs2 = load('dgs2_daily_fred.csv', 'DGS2')
TO = '2022-06-30'
cases = []


def case(name, args, window, min_obs, series, through=TO):
    """`through`: the last date answered for `to`; for weekly data the period holding `to`, labelled with its Friday."""
    cases.append({'name': name, 'args': args, 'window': window, 'minObservations': min_obs,
                  'from': series.index[0].strftime('%Y-%m-%d'), 'to': TO, **col(series.loc[:through])})


case('VOLATILITY(NASDAQCOM) 250 days, 60 enough', 'name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250, minObservations: 60',
     250, 60, log_returns(nasdaq).rolling(250, min_periods=60).std() * math.sqrt(252))

wj = joined(weekly_last(rut), weekly_last(qqq))
rel = log_returns(wj['a']).rolling(26, min_periods=8).std() / log_returns(wj['b']).rolling(26, min_periods=8).std()
case('RELATIVE_VOL(RUT, QQQ) weekly 26 weeks, 8 enough',
     'name: RELATIVE_VOL, inputs: ["RUT", "QQQ"], frequency: WEEKLY, window: 26, minObservations: 8', 26, 8, rel,
     through='2022-07-01')

j = joined(rut, dgs2)
case('CORRELATION(RUT, DGS2) 250 days, 30 enough', 'name: CORRELATION, inputs: ["RUT", "DGS2"], window: 250, minObservations: 30',
     250, 30, j['a'].pct_change().rolling(250, min_periods=30).corr(bp(j['b'])))

j2 = joined(rut, nasdaq)
ra, rb = j2['a'].pct_change(), j2['b'].pct_change()
case('BETA(RUT, NASDAQCOM) 250 days, 30 enough', 'name: BETA, inputs: ["RUT", "NASDAQCOM"], window: 250, minObservations: 30',
     250, 30, ra.rolling(250, min_periods=30).cov(rb) / rb.rolling(250, min_periods=30).var())

c = bp(dgs2)
case('ZSCORE(DGS2) 250 days, 30 enough', 'name: ZSCORE, inputs: ["DGS2"], window: 250, minObservations: 30',
     250, 30, (c - c.rolling(250, min_periods=30).mean()) / c.rolling(250, min_periods=30).std())

case('PERCENTILE_RANK(DGS2) 250 days, 30 enough', 'name: PERCENTILE_RANK, inputs: ["DGS2"], window: 250, minObservations: 30',
     250, 30, dgs2.rolling(250, min_periods=30).rank(pct=True, method='average'))

with open(os.path.join(HERE, 'min_periods_start.json'), 'w') as f:
    json.dump({'generator': 'pandas ' + pd.__version__ + ', numpy ' + np.__version__, 'cases': cases}, f, indent=1)
    f.write('\n')
