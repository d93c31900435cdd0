#!/usr/bin/env python3
"""Prints the JSON Schema verdict on each profile: "valid", "invalid <first problem>", or
"unparsable" when Python cannot read the file as JSON.

Usage: schema_verdicts.py SCHEMA_FILE < list of profile paths (one per line). Prints one line per
profile, "PATH<TAB>VERDICT". Used by SchemaAgreementTests to compare the schema's verdicts with
`scaleplan validate`'s; nothing else.
"""
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except (ValueError, UnicodeDecodeError):
        print(f"{path}\tunparsable")
        continue
    error = next(iter(validator.iter_errors(document)), None)
    if error is None:
        print(f"{path}\tvalid")
    else:
        where = "$" + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        print(f"{path}\tinvalid {where}: {error.message[:200]}")
