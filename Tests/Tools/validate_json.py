#!/usr/bin/env python3
"""Validates JSON documents against JSON Schemas (draft 2020-12) with the jsonschema package.

Reads lines "SCHEMA_FILE<TAB>DOCUMENT_FILE" on standard input. Each schema is first checked
against the draft 2020-12 meta-schema. Prints one line per problem and exits 1 if there is any,
0 when every document is valid. Used by the Swift tests (OutputSchemaTests); nothing else.
"""
import json
import sys

import jsonschema

problems = []
checked = {}
count = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    schema_path, document_path = line.split("\t")
    if schema_path not in checked:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            problems.append(f"{schema_path}: not a valid draft 2020-12 schema: {error.message}")
        checked[schema_path] = jsonschema.Draft202012Validator(schema)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    count += 1
    for error in checked[schema_path].iter_errors(document):
        where = "$" + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(f"{document_path}: {where}: {error.message[:300]}")

for problem in problems[:50]:
    print(problem)
print(f"{count} documents, {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems or count == 0 else 0)
