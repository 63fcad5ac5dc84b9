#!/usr/bin/python3
"""communes_json.py FIGURES.json OUT.json: the records docxtemplater fills (see communes.py), as JSON for node."""
import json
import sys

from communes import communes

with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(communes(sys.argv[1]), out, ensure_ascii=False)
