#!/usr/bin/env python3
"""Writes kette's HSDS API document: the official HSDS 3.0 OpenAPI reference (crates/hsds/spec)
with its schema references pointed at the copies in the repository instead of GitHub, the bounds
kette's /hsds enforces on paging, and the error answers kette gives besides 200 (404 for an
unknown id, 422 for a parameter it cannot use), as application/problem+json.
  hsds_openapi.py OUT_DIR   (writes OUT_DIR/openapi.json beside a copy of the schemas)"""
import json, os, shutil, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = os.path.join(here, "../../crates/hsds/spec/3.0/schema")
out = sys.argv[1]
shutil.copytree(spec, out, dirs_exist_ok=True)
doc = json.load(open(os.path.join(spec, "openapi.json")))
remote = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

def local(ref):
    name = ref[len(remote):]
    # the repository keeps the compiled list schemas; single records use the plain schemas
    return name if os.path.exists(os.path.join(spec, name)) else name.replace("compiled/", "")

def walk(node):
    if isinstance(node, dict):
        for k, v in list(node.items()):
            if k == "$ref" and isinstance(v, str) and v.startswith(remote):
                node[k] = local(v)
            else:
                walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)

walk(doc)
params = doc["components"]["parameters"]
params["page"]["schema"] = {"type": "integer", "minimum": 1}
params["per_page"]["schema"] = {"type": "integer", "minimum": 1, "maximum": 1000}
doc["components"]["schemas"]["Problem"] = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                   "detail": {"type": "string"}, "errors": {"type": "array"}},
}
problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
for path, item in doc["paths"].items():
    for method, op in item.items():
        if not isinstance(op, dict) or "responses" not in op:
            continue
        if "{id}" in path:
            op["responses"]["404"] = {"description": "no such record, or not public", "content": problem}
        if op.get("parameters"):
            op["responses"]["422"] = {"description": "a parameter kette cannot use, named in `errors`", "content": problem}
json.dump(doc, open(os.path.join(out, "openapi.json"), "w"), indent=1)
