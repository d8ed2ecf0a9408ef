"""Independent reference (pandas) for the polling average over a file in 538's own format: M/D/YY
dates, state rows mixed with national ones. Same rule as api/ingest/connectors/polls-average.ts.
Usage (Debian python3-pandas):
  /usr/bin/python3 test/ingest/reference/polls_average_real.py > test/ingest/reference/polls_average_real.json"""
import json
import numpy as np
import pandas as pd

FILE = 'test/ingest/recorded/538/president_polls_2024-05-01_to_05-20.csv'
DAY = pd.Timestamp('2024-05-20')


def average(df, cand, grade='numeric_grade'):
    df = df.copy()
    rank = {'lv': 0, 'rv': 1, 'v': 2, 'a': 3}
    df['pop_rank'] = df['population'].map(rank).fillna(9)
    df['n_answers'] = df.groupby('question_id')['answer'].transform('count')
    c = df[df['answer'] == cand].copy()
    c = c[c['pop_rank'] == c.groupby('poll_id')['pop_rank'].transform('min')]
    c = c[c['n_answers'] == c.groupby('poll_id')['n_answers'].transform('min')]
    polls = c.groupby('poll_id').agg(pct=('pct', 'mean'), pollster=('pollster', 'first'), end=('end_date', 'first'),
                                    n=('sample_size', 'first'), grade=(grade, 'first')).reset_index()
    polls['w'] = np.sqrt(polls['n'].fillna(600).clip(upper=5000)) * polls['grade'].fillna(0.5) / 3
    day = polls['end'].max() if grade == 'grade_num' else DAY
    win = polls[(polls['end'] > day - pd.Timedelta(days=14)) & (polls['end'] <= day)].copy()
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
# A file from before 538's numeric grades: letter grades in fte_grade, converted as in
# polls-parser.ts (LETTER_GRADES), averaged on the file's last end_date (2020-06-06).
LETTERS = {'A+': 3.0, 'A': 2.8, 'A-': 2.6, 'A/B': 2.5, 'B+': 2.3, 'B': 2.1, 'B-': 1.9, 'B/C': 1.7,
           'C+': 1.5, 'C': 1.3, 'C-': 1.1, 'C/D': 1.0, 'D+': 0.8, 'D': 0.7, 'D-': 0.5}
old = pd.read_csv('test/ingest/recorded/538/president_polls_2020-05-24_to_06-06.csv')
old['end_date'] = pd.to_datetime(old['end_date'], format='%m/%d/%y')
old['grade_num'] = old['fte_grade'].map(LETTERS)
old_national = old[old['state'].isna()]
out['2020'] = {'day': str(old_national['end_date'].max().date()),
               'Biden': average(old_national, 'Biden', 'grade_num')[0], 'Trump': average(old_national, 'Trump', 'grade_num')[0]}
print(json.dumps(out, indent=1))
