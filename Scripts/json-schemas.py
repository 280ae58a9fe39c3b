#!/usr/bin/env python3
"""Drafts the JSON Schemas in docs/json/ from what `muster ... --json` prints.

Usage: Scripts/json-schemas.py MUSTER_BINARY DATABASE          (drafts the schemas)
       Scripts/json-schemas.py --check MUSTER_BINARY DATABASE  (checks outputs against them)

Runs every --json command against DATABASE (list of each kind, search, timeline, show
of every record, and the history), merges the outputs of each command into one schema, and writes
docs/json/<command>.schema.json. A key is required when every output had it and the Swift
property it comes from is not optional; other keys are listed as optional. Review the
draft before committing it: the schemas are the documented, stable shape of the output,
and Tests/MusterEndToEndTests/JSONOutputTests.swift checks every output against them.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["actors", "sites", "deployments", "events", "relations", "sources", "documents", "notes"]


def optional_names():
    """Names of optional Swift properties (`var name: Type?`) in the domain module."""
    names = set()
    for folder, _, files in os.walk(os.path.join(ROOT, "Sources", "MusterDomain")):
        for file in files:
            if file.endswith(".swift"):
                text = open(os.path.join(folder, file), encoding="utf-8").read()
                names.update(re.findall(r"public var (\w+): [^=\n{]*\?\s*(?:=|\n)", text))
    return names


def run(binary, db, *arguments):
    out = subprocess.run([binary, "--db", db, *arguments, "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def merge(schema, value):
    kind = {dict: "object", list: "array", str: "string", bool: "boolean",
            type(None): "null"}.get(type(value))
    if kind is None:
        kind = "integer" if isinstance(value, int) else "number"
    types = schema.setdefault("type", [])
    if kind not in types and not (kind == "integer" and "number" in types):
        if kind == "number" and "integer" in types:
            types.remove("integer")
        types.append(kind)
    if kind == "object":
        properties = schema.setdefault("properties", {})
        seen = schema.setdefault("_seen", None)
        keys = set(value)
        schema["_seen"] = keys if seen is None else seen & keys
        for key, item in value.items():
            merge(properties.setdefault(key, {}), item)
    elif kind == "array":
        for item in value:
            merge(schema.setdefault("items", {}), item)
    return schema


def finish(schema, optional):
    types = schema.get("type", [])
    schema["type"] = types[0] if len(types) == 1 else types
    if "_seen" in schema:
        seen = schema.pop("_seen") or set()
        required = sorted(key for key in seen if key not in optional)
        if required:
            schema["required"] = required
    for item in schema.get("properties", {}).values():
        finish(item, optional)
    if "items" in schema:
        finish(schema["items"], optional)
    return schema


def outputs_of(binary, db):
    """Every --json output for DATABASE, by command."""
    outputs = {"list": [], "search": [], "timeline": [], "show": [], "log": []}
    for kind in KINDS:
        page = run(binary, db, "list", kind, "--limit", "100000")
        outputs["list"].append(page)
        for row in page["rows"]:
            outputs["show"].append(run(binary, db, "show", row["record"]))
    for query in ["abu kamal", "iraq", "kind:clash", "since:2019-01-01 strike"]:
        outputs["search"].append(run(binary, db, "search", query))
    outputs["timeline"].append(run(binary, db, "timeline"))
    outputs["timeline"].append(run(binary, db, "timeline", "--as-of", "2019-06-30"))
    outputs["log"].append(run(binary, db, "log"))
    return outputs


def check(binary, db):
    """Validates every output against docs/json; prints each failure; exits 1 on any."""
    import jsonschema

    failures = 0
    checked = 0
    for command, values in outputs_of(binary, db).items():
        with open(os.path.join(ROOT, "docs", "json", f"{command}.schema.json"), encoding="utf-8") as file:
            schema = json.load(file)
        validator = jsonschema.Draft202012Validator(schema)
        for value in values:
            checked += 1
            for error in validator.iter_errors(value):
                failures += 1
                where = "/".join(str(part) for part in error.absolute_path)
                print(f"{command}: {where}: {error.message[:300]}")
    print(f"{checked} outputs checked, {failures} problems")
    sys.exit(1 if failures else 0)


def main():
    if sys.argv[1] == "--check":
        check(sys.argv[2], sys.argv[3])
    binary, db = sys.argv[1], sys.argv[2]
    outputs = outputs_of(binary, db)
    optional = optional_names()
    for command, values in outputs.items():
        if command == "show":
            # One schema per kind of record, told apart by `kind`.
            variants = []
            for kind in sorted({value["kind"] for value in values}):
                schema = {}
                for value in values:
                    if value["kind"] == kind:
                        merge(schema, value)
                schema = finish(schema, optional)
                schema["properties"]["kind"] = {"const": kind}
                variants.append(schema)
            schema = {"type": "object", "required": ["kind"], "oneOf": variants}
        else:
            schema = {}
            for value in values:
                merge(schema, value)
            schema = finish(schema, optional)
        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://muster.example/docs/json/{command}.schema.json",
            "title": f"muster {command} --json",
            **schema,
        }
        path = os.path.join(ROOT, "docs", "json", f"{command}.schema.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump(document, file, indent=2, sort_keys=False)
            file.write("\n")
        print(f"wrote {path} from {len(values)} outputs")


if __name__ == "__main__":
    main()
