#!/usr/bin/python3
"""Writes barchart/ZQ*.json, Barchart OnDemand getHistory (type=daily) answers, from the settlement
file beside this script (see ../README.md, "ZQ"). Run: /usr/bin/python3 test/ingest/recorded/zq/build_barchart.py"""
import csv
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
rows = defaultdict(list)
with open(HERE / "barchart_settlements_2024-07-01_to_08-16.csv") as f:
    for r in csv.DictReader(f):
        rows[r["contract"]].append((r["date"], float(r["settlement"])))
(HERE / "barchart").mkdir(exist_ok=True)
for contract, days in rows.items():
    results = [
        # Only the fields whose values are known: the settlement file keeps the close (settlement)
        # alone, so open/high/low/volume/openInterest/timestamp, which Tide does not read, are left out.
        {"symbol": contract, "tradingDay": day, "close": price}
        for day, price in sorted(days)
    ]
    doc = {"status": {"code": 200, "message": "Success."}, "results": results}
    (HERE / "barchart" / f"{contract}.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")
print(f"{len(rows)} contracts")
