"""Reads a workbook with openpyxl (an independent xlsx reader) and prints, as JSON, each sheet's
formulas and the charts openpyxl finds with their titles and data references.

Run: /usr/bin/python3 test/addin/reference/read_workbook.py file.xlsx
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    formulas = {}
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            text = getattr(value, "text", value)  # newer openpyxl wraps array formulas
            if isinstance(text, str) and text.startswith("="):
                formulas[cell.coordinate] = text
    charts = []
    for chart in ws._charts:
        title = "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
        refs = [s.val.numRef.f for s in chart.series]
        charts.append({"type": chart.tagname, "title": title, "values": refs})
    out[ws.title] = {"formulas": formulas, "charts": charts}
print(json.dumps(out))
