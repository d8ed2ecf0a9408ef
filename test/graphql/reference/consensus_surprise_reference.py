"""SURPRISE against the bundled consensus, computed with pandas from the source files (independent of Tide).

Run: /usr/bin/python3 test/graphql/reference/consensus_surprise_reference.py > test/graphql/reference/consensus_surprise_reference.json
"""
import json
import pandas as pd

real = 'data/real/'
cpi = pd.read_csv(real + 'cpiaucns_monthly_fred.csv', parse_dates=['date']).set_index('date')['CPIAUCNS']
cpi_yoy = (cpi.pct_change(12, fill_method=None) * 100)
cons_cpi = pd.read_csv(real + 'consensus_us_cpi_yoy_2024.csv')
gdp = pd.read_csv(real + 'gdp_2024q1q2_release_vintages_bea.csv')
# BEA's advance estimate of 2024Q2, the value known on 2024-07-26 (the second estimate came on 2024-08-29)
advance = gdp[(gdp.quarter == '2024Q2') & (gdp.release_date <= '2024-07-26')].sort_values('release_date').iloc[-1]
cons_gdp = pd.read_csv(real + 'consensus_us_gdp_qoq_saar_2024.csv')

out = {
    'cpi_yoy_2024_06_pct': float(cpi_yoy.loc['2024-06-01']),
    'cpi_yoy_surprise_2024_06_pp': float(cpi_yoy.loc['2024-06-01'] - cons_cpi.value.iloc[0]),
    'gdp_2024q2_advance_pct': float(advance.real_gdp_growth_saar_pct),
    'gdp_surprise_2024q2_pp': float(advance.real_gdp_growth_saar_pct - cons_gdp.value.iloc[0]),
}
print(json.dumps(out, indent=2))
