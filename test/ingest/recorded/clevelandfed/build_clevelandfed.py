"""Writes nowcast_year.json, the Cleveland Fed's year-over-year inflation nowcast chart file, for the target
month June 2022, from real nowcast values (see ../README.md, "Cleveland Fed").

Run: /usr/bin/python3 test/ingest/recorded/clevelandfed/build_clevelandfed.py   (from the repository root)

Values: the daily nowcasts (CPI, core CPI, PCE, core PCE; percent change from a year earlier) of 2022-06-10 to
2022-07-12, as the project Allisterh/nowcast_unofficial-inflation-nowcast-bot flattened them from the Cleveland
Fed's charts into data/historical_nowcasts.csv (commit d3cf256d382350792452798a39ad831902104dca), digits unchanged.
That file keeps one value per day, the newest target's; the target switches on CPI release days (the jumps on
2022-06-10, May's release, and 2022-07-13, June's), so these days are the June 2022 nowcast.
Envelope: the FusionCharts layout several public parsers of this file document (a list of charts; `chart.subcaption`
the target month as YYYY-M, `chart._comment` the file's time stamp, `categories[0].category` MM/DD labels with
release-day vline markers that carry no data point, one dataset per measure with `value` strings, "Actual ..."
datasets holding the BLS print).
"""
import json
import pathlib

DAYS = [  # label, CPI, core CPI, PCE, core PCE
    ('06/10', '8.61720498093088', '5.66089398296112', '6.57042446999005', '4.69585684735276'),
    ('06/13', '8.61720498093088', '5.66089398296112', '6.57042446999005', '4.69585684735276'),
    ('06/14', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/15', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/16', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/17', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/21', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/22', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/23', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/24', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/27', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/28', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/29', '8.67384394294073', '5.66089398296112', '6.59906217541846', '4.69585684735276'),
    ('06/30', '8.66534809863924', '5.66089398296112', '6.4740595760344', '4.58323353111838'),
    ('07/01', '8.44424198121754', '5.77337126933983', '6.37979744580248', '4.63832722212127'),
    ('07/05', '8.51509596955173', '5.77337126933983', '6.41590427979468', '4.63832722212127'),
    ('07/06', '8.59827682519507', '5.77337126933983', '6.45829282300385', '4.63832722212127'),
    ('07/07', '8.59827682519507', '5.77337126933983', '6.45829282300385', '4.63832722212127'),
    ('07/08', '8.59827682519507', '5.77337126933983', '6.45829282300385', '4.63832722212127'),
    ('07/11', '8.59827682519507', '5.77337126933983', '6.45829282300385', '4.63832722212127'),
    ('07/12', '8.54883199399654', '5.77337126933983', '6.43309598717525', '4.63832722212127'),
]
NAMES = ['CPI Inflation', 'Core CPI Inflation', 'PCE Inflation', 'Core PCE Inflation']

categories = [{'label': 'CPI May', 'vline': 'true', 'lineposition': '0'}] + [{'label': d[0]} for d in DAYS]
datasets = [{'seriesname': name, 'data': [{'value': d[k + 1]} for d in DAYS]} for k, name in enumerate(NAMES)]
datasets.append({'seriesname': 'Actual CPI Inflation', 'data': [{'value': ''} for _ in DAYS]})
chart = {'chart': {'subcaption': '2022-6', '_comment': '2022-07-12 00:00'},
         'categories': [{'category': categories}], 'dataset': datasets}
pathlib.Path(__file__).with_name('nowcast_year.json').write_text(json.dumps([chart], indent=1) + '\n')
