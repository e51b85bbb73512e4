"""Validates JSON values against the project's JSON Schemas with Python's jsonschema (draft 2020-12).

Reads {"schemas": {kind: schema}, "cases": [[kind, value], ...], "patterns": {name: pattern},
"texts": [text, ...]} on stdin and writes {"valid": [bool, ...], "matches": {name: [bool, ...]}}:
the verdict of each case, and whether each pattern finds a match in each text (re.search, as
JSON Schema's "pattern" does).
"""
import json
import re
import sys

from jsonschema import Draft202012Validator

request = json.load(sys.stdin)
validators = {kind: Draft202012Validator(schema) for kind, schema in request["schemas"].items()}
for schema in request["schemas"].values():
    Draft202012Validator.check_schema(schema)
valid = [validators[kind].is_valid(value) for kind, value in request["cases"]]
matches = {name: [re.search(pattern, text) is not None for text in request["texts"]] for name, pattern in request["patterns"].items()}
json.dump({"valid": valid, "matches": matches}, sys.stdout)
