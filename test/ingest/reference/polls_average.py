"""Independent reference for the daily polling average (pandas), written from the rule stated in
api/ingest/connectors/polls-average.ts. Usage (Debian python3-pandas): /usr/bin/python3 test/ingest/reference/polls_average.py > test/ingest/reference/polls_average.json"""
import json
import numpy as np
import pandas as pd

df = pd.read_csv('data/real/polls_538_national_president_2024_to_0730.csv')
df['end_date'] = pd.to_datetime(df['end_date'])
rank = {'lv': 0, 'rv': 1, 'v': 2, 'a': 3}
df['pop_rank'] = df['population'].map(rank).fillna(9)
df['n_answers'] = df.groupby('question_id')['answer'].transform('count')
last_day = df['end_date'].max()

out = {}
for cand in ['Trump', 'Harris']:
    c = df[df['answer'] == cand].copy()
    c = c[c['pop_rank'] == c.groupby('poll_id')['pop_rank'].transform('min')]
    c = c[c['n_answers'] == c.groupby('poll_id')['n_answers'].transform('min')]
    polls = c.groupby('poll_id').agg(pct=('pct', 'mean'), pollster=('pollster', 'first'), end=('end_date', 'first'),
                                    n=('sample_size', 'first'), grade=('numeric_grade', 'first')).reset_index()
    polls['w'] = np.sqrt(polls['n'].fillna(600).clip(upper=5000)) * polls['grade'].fillna(0.5) / 3
    series = {}
    for day in pd.date_range(polls['end'].min(), last_day):
        win = polls[(polls['end'] > day - pd.Timedelta(days=14)) & (polls['end'] <= day)].copy()
        if win.empty:
            continue
        win['w'] = win['w'] / win.groupby('pollster')['w'].transform('count')
        series[day.strftime('%Y-%m-%d')] = round(float((win['w'] * win['pct']).sum() / win['w'].sum()), 2)
    out[cand] = {d: series[d] for d in ['2024-06-27', '2024-07-10', '2024-07-21', '2024-07-29'] if d in series}
    out[cand + '_days'] = len(series)
print(json.dumps(out, indent=1))
