"""Independent reference (pandas) for the polling average over a file in 538's own format: M/D/YY
dates, state rows mixed with national ones. Same rule as api/ingest/connectors/polls-average.ts.
Usage (Debian python3-pandas):
  /usr/bin/python3 test/ingest/reference/polls_average_real.py > test/ingest/reference/polls_average_real.json"""
import json
import numpy as np
import pandas as pd

FILE = 'test/ingest/recorded/538/president_polls_2024-05-01_to_05-20.csv'
DAY = pd.Timestamp('2024-05-20')


def average(df, cand):
    df = df.copy()
    rank = {'lv': 0, 'rv': 1, 'v': 2, 'a': 3}
    df['pop_rank'] = df['population'].map(rank).fillna(9)
    df['n_answers'] = df.groupby('question_id')['answer'].transform('count')
    c = df[df['answer'] == cand].copy()
    c = c[c['pop_rank'] == c.groupby('poll_id')['pop_rank'].transform('min')]
    c = c[c['n_answers'] == c.groupby('poll_id')['n_answers'].transform('min')]
    polls = c.groupby('poll_id').agg(pct=('pct', 'mean'), pollster=('pollster', 'first'), end=('end_date', 'first'),
                                    n=('sample_size', 'first'), grade=('numeric_grade', 'first')).reset_index()
    polls['w'] = np.sqrt(polls['n'].fillna(600).clip(upper=5000)) * polls['grade'].fillna(0.5) / 3
    win = polls[(polls['end'] > DAY - pd.Timedelta(days=14)) & (polls['end'] <= DAY)].copy()
    win['w'] = win['w'] / win.groupby('pollster')['w'].transform('count')
    return round(float((win['w'] * win['pct']).sum() / win['w'].sum()), 2), int(len(win))


df = pd.read_csv(FILE)
df['end_date'] = pd.to_datetime(df['end_date'], format='%m/%d/%y')
national = df[df['state'].isna()]
out = {'day': str(DAY.date()), 'file': FILE}
for cand in ['Biden', 'Trump']:
    out[cand] = {'national': average(national, cand)[0], 'national_polls': average(national, cand)[1],
                 'with_state_polls': average(df, cand)[0]}
mi = df[df['state'] == 'Michigan']
out['Michigan_Biden'] = average(mi, 'Biden')[0] if (mi['answer'] == 'Biden').any() else None
print(json.dumps(out, indent=1))
