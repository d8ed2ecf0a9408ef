"""Builds the recorded provider responses in this folder from the bundled real extracts.

Usage: python3 test/ingest/recorded/build_recorded.py [folder with the real extracts, default data/real]

Every number comes unchanged from the extracts; only the envelope (field names, nesting, order) is
written here, following each provider's documented response format. See README.md.
"""
import csv, json, os, sys
from datetime import date, timedelta

SRC = sys.argv[1] if len(sys.argv) > 1 else 'data/real'
OUT = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(SRC, name), newline='') as f:
        return list(csv.DictReader(f))


def write(rel, obj, text=False):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', newline='') as f:
        f.write(obj if text else json.dumps(obj, indent=1) + '\n')


def day_before(iso):
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


# --- FRED -----------------------------------------------------------------------------------
# (title, units, frequency, frequency_short, seasonal_adjustment, seasonal_adjustment_short)
FRED_META = {
    'CPIAUCSL': ('Consumer Price Index for All Urban Consumers: All Items in U.S. City Average', 'Index 1982-1984=100', 'Monthly', 'M', 'Seasonally Adjusted', 'SA'),
    'CPIAUCNS': ('Consumer Price Index for All Urban Consumers: All Items in U.S. City Average', 'Index 1982-1984=100', 'Monthly', 'M', 'Not Seasonally Adjusted', 'NSA'),
    'GDPC1': ('Real Gross Domestic Product', 'Billions of Chained 2017 Dollars', 'Quarterly', 'Q', 'Seasonally Adjusted Annual Rate', 'SAAR'),
    'A191RL1Q225SBEA': ('Real Gross Domestic Product', 'Percent Change from Preceding Period', 'Quarterly', 'Q', 'Seasonally Adjusted Annual Rate', 'SAAR'),
    'NASDAQCOM': ('NASDAQ Composite Index', 'Index Feb 5, 1971=100', 'Daily, Close', 'D', 'Not Seasonally Adjusted', 'NSA'),
    'DGS2': ('Market Yield on U.S. Treasury Securities at 2-Year Constant Maturity, Quoted on an Investment Basis', 'Percent', 'Daily', 'D', 'Not Seasonally Adjusted', 'NSA'),
    'DFF': ('Federal Funds Effective Rate', 'Percent', 'Daily, 7-Day', 'D', 'Not Seasonally Adjusted', 'NSA'),
    'DFEDTARU': ('Federal Funds Target Range - Upper Limit', 'Percent', 'Daily, 7-Day', 'D', 'Not Seasonally Adjusted', 'NSA'),
    'FEDFUNDS': ('Federal Funds Effective Rate', 'Percent', 'Monthly', 'M', 'Not Seasonally Adjusted', 'NSA'),
}
# series -> [(extract file, realtime_start of that vintage)], oldest first. The dates are inferred
# (release day of the vintage's last observation, or the day the extract was committed), not
# ALFRED vintage stamps.
FRED_VINTAGES = {
    'CPIAUCSL': [('cpiaucsl_monthly_fred_vintage_2024-12.csv', '2024-12-11'),
                 ('cpiaucsl_monthly_fred_vintage_2026-01.csv', '2025-12-18'),
                 ('cpiaucsl_monthly_fred_vintage_2026-04.csv', '2026-04-15')],
    'GDPC1': [('gdpc1_quarterly_fred_vintage_2024-12.csv', '2024-12-19'),
              ('gdpc1_quarterly_fred_vintage_2026-01.csv', '2025-12-23')],
    'CPIAUCNS': [('cpiaucns_monthly_fred.csv', '2024-12-28')],
    'A191RL1Q225SBEA': [('a191rl1q225sbea_quarterly_fred_vintage_2026-04.csv', '2026-04-15')],
    'NASDAQCOM': [('nasdaqcom_daily_fred.csv', '2026-04-15')],
    'DGS2': [('dgs2_daily_fred.csv', '2026-04-15')],
    'FEDFUNDS': [('fedfunds_monthly_fred.csv', '2026-04-15')],
    'DFF': [('dff_daily_fred.csv', '2025-01-02')],
    'DFEDTARU': [('dfedtaru_daily_fred.csv', '2025-01-02')],
}


def fred_value(s):
    return s if s.strip() != '' else '.'


def observations_envelope(rt_start, rt_end, obs):
    return {'realtime_start': rt_start, 'realtime_end': rt_end, 'observation_start': '1776-07-04',
            'observation_end': '9999-12-31', 'units': 'lin', 'output_type': 1, 'file_type': 'json',
            'order_by': 'observation_date', 'sort_order': 'asc', 'count': len(obs), 'offset': 0,
            'limit': 100000, 'observations': obs}


def alfred_rows(sid, vintages):
    """output_type=1 over the whole real-time period: one row per (date, period a value held)."""
    per_vintage = [({r['date']: fred_value(r[sid]) for r in rows(f)}, rt) for f, rt in vintages]
    dates = sorted({d for values, _ in per_vintage for d in values})
    obs = []
    for d in dates:
        spans = []  # [value, realtime_start]
        for values, rt in per_vintage:
            if d in values and (not spans or spans[-1][0] != values[d]):
                spans.append([values[d], rt])
        for i, (v, rt) in enumerate(spans):
            end = day_before(spans[i + 1][1]) if i + 1 < len(spans) else '9999-12-31'
            obs.append({'realtime_start': rt, 'realtime_end': end, 'date': d, 'value': v})
    return obs


for sid, vintages in FRED_VINTAGES.items():
    title, units, freq, freq_short, sa, sa_short = FRED_META[sid]
    latest_file, latest_rt = vintages[-1]
    latest = rows(latest_file)
    write(f'fred/series/{sid}.json', {'realtime_start': latest_rt, 'realtime_end': latest_rt, 'seriess': [{
        'id': sid, 'realtime_start': latest_rt, 'realtime_end': latest_rt, 'title': title,
        'observation_start': latest[0]['date'], 'observation_end': latest[-1]['date'],
        'frequency': freq, 'frequency_short': freq_short, 'units': units, 'units_short': units,
        'seasonal_adjustment': sa, 'seasonal_adjustment_short': sa_short,
        'last_updated': f'{latest_rt} 00:00:00-05', 'popularity': 0,
        'notes': 'Recorded from a real extract; see test/ingest/recorded/README.md.'}]})
    current = [{'realtime_start': latest_rt, 'realtime_end': latest_rt, 'date': r['date'], 'value': fred_value(r[sid])} for r in latest]
    write(f'fred/observations/{sid}.json', observations_envelope(latest_rt, latest_rt, current))
    write(f'fred/observations/{sid}.vintages.json', observations_envelope('1776-07-04', '9999-12-31', alfred_rows(sid, vintages)))

# GDPNOW: the Atlanta Fed's nowcast of 2024Q2, one row per update (data/real/gdpnow_2024q2_vintages.csv,
# sources in data/real/SOURCES.md): each value holds from its update to the day before the next.
gdpnow = rows('gdpnow_2024q2_vintages.csv')
gdpnow_obs = []
for i, r in enumerate(gdpnow):
    end = day_before(gdpnow[i + 1]['realtime_start']) if i + 1 < len(gdpnow) else '9999-12-31'
    gdpnow_obs.append({'realtime_start': r['realtime_start'], 'realtime_end': end, 'date': '2024-04-01', 'value': r['value']})
gdpnow_rt = gdpnow[-1]['realtime_start']
write('fred/series/GDPNOW.json', {'realtime_start': gdpnow_rt, 'realtime_end': gdpnow_rt, 'seriess': [{
    'id': 'GDPNOW', 'realtime_start': gdpnow_rt, 'realtime_end': gdpnow_rt, 'title': 'GDPNow',
    'observation_start': '2024-04-01', 'observation_end': '2024-04-01',
    'frequency': 'Quarterly', 'frequency_short': 'Q', 'units': 'Percent Change at Annual Rate', 'units_short': 'Percent Change at Annual Rate',
    'seasonal_adjustment': 'Seasonally Adjusted Annual Rate', 'seasonal_adjustment_short': 'SAAR',
    'last_updated': f'{gdpnow_rt} 00:00:00-05', 'popularity': 0,
    'notes': 'Recorded from a real extract; see test/ingest/recorded/README.md.'}]})
write('fred/observations/GDPNOW.json', observations_envelope(gdpnow_rt, gdpnow_rt, [{**gdpnow_obs[-1], 'realtime_start': gdpnow_rt, 'realtime_end': gdpnow_rt}]))
write('fred/observations/GDPNOW.vintages.json', observations_envelope('1776-07-04', '9999-12-31', gdpnow_obs))

# --- CFTC (Socrata) --------------------------------------------------------------------------
# The TFF datasets drop "_all" from these columns; every other column is the lower-cased CFTC name.
SOCRATA_RENAMES = {
    'Report_Date_as_YYYY-MM-DD': 'report_date_as_yyyy_mm_dd',
    'Asset_Mgr_Positions_Long_All': 'asset_mgr_positions_long', 'Asset_Mgr_Positions_Short_All': 'asset_mgr_positions_short',
    'Asset_Mgr_Positions_Spread_All': 'asset_mgr_positions_spread', 'Lev_Money_Positions_Long_All': 'lev_money_positions_long',
    'Lev_Money_Positions_Short_All': 'lev_money_positions_short', 'Lev_Money_Positions_Spread_All': 'lev_money_positions_spread',
    'Other_Rept_Positions_Long_All': 'other_rept_positions_long', 'Other_Rept_Positions_Short_All': 'other_rept_positions_short',
    'Other_Rept_Positions_Spread_All': 'other_rept_positions_spread', 'Tot_Rept_Positions_Short_All': 'tot_rept_positions_short',
}
for dataset, name, tag in [('gpe5-46if', 'cftc_tff_russell_emini_2024_futures_only.csv', 'F'),
                           ('yw9f-hn96', 'cftc_tff_russell_emini_2024_fut_and_opt_combined.csv', 'C')]:
    records = []
    for r in rows(name):
        rec = {'id': f"{r['As_of_Date_In_Form_YYMMDD']}{r['CFTC_Contract_Market_Code']}{tag}"}
        for k, v in r.items():
            key = SOCRATA_RENAMES.get(k, k.lower().replace('-', '_'))
            if v == '.' or v == '':
                continue  # Socrata omits null values from a record
            rec[key] = f'{v}T00:00:00.000' if key == 'report_date_as_yyyy_mm_dd' else v
        # As the live API sends them (OpenBB's recorded CFTC response, see README): the code columns
        # keep the fixed-width padding of CFTC's files, and each record names its report week.
        rec['cftc_market_code'] = rec['cftc_market_code'].ljust(4)
        rec['cftc_commodity_code'] = rec['cftc_commodity_code'].ljust(4)
        week = date.fromisoformat(rec['report_date_as_yyyy_mm_dd'][:10]).isocalendar()[1]
        rec['yyyy_report_week_ww'] = f"{rec['report_date_as_yyyy_mm_dd'][:4]} Report Week {week}"
        rec['futonly_or_combined'] = 'FutOnly' if tag == 'F' else 'Combined'
        records.append(rec)
    write(f'cftc/{dataset}.json', records)

# --- Daily prices ----------------------------------------------------------------------------
for sid, symbol, name in [('RUT', '^rut', 'rut_daily_yahoo.csv'), ('IWM', 'iwm.us', 'iwm_daily_yahoo.csv'),
                          ('QQQ', 'qqq.us', 'qqq_daily_yahoo.csv'), ('NQ=F', 'nq.f', 'nq_f_front_month_daily_yahoo.csv')]:
    data = rows(name)
    lines = ['Date,Open,High,Low,Close,Volume'] + [f"{r['Date']},{r['Open']},{r['High']},{r['Low']},{r['Close']},{r['Volume']}" for r in data]
    write(f'stooq/{symbol}.csv', '\r\n'.join(lines) + '\r\n', text=True)
    if sid in ('IWM', 'QQQ'):
        # Alpha Vantage writes prices as 4-decimal strings ("226.0000"); compact is the newest 100 days
        newest_first = list(reversed(data))
        four = lambda v: f'{float(v):.4f}'
        for suffix, size, days in [('', 'Full size', newest_first), ('.compact', 'Compact', newest_first[:100])]:
            write(f'alphavantage/{sid}{suffix}.json', {
                'Meta Data': {'1. Information': 'Daily Prices (open, high, low, close) and Volumes', '2. Symbol': sid,
                              '3. Last Refreshed': days[0]['Date'], '4. Output Size': size, '5. Time Zone': 'US/Eastern'},
                'Time Series (Daily)': {r['Date']: {'1. open': four(r['Open']), '2. high': four(r['High']), '3. low': four(r['Low']),
                                                    '4. close': four(r['Close']), '5. volume': str(int(float(r['Volume'])))} for r in days}})
# The S&P 500 ETFs and seven stocks: their extracts hold closes only (data/real/SOURCES.md), so these
# bodies carry Stooq's Date and Close columns and none it would add (Open, High, Low, Volume).
for sid in ['SPY', 'RSP', 'AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA']:
    data = rows(f'{sid.lower()}_daily_yahoo.csv')
    lines = ['Date,Close'] + [f"{r['Date']},{r['Close']}" for r in data]
    write(f'stooq/{sid.lower()}.us.csv', '\r\n'.join(lines) + '\r\n', text=True)
print('recorded responses written to', OUT)
