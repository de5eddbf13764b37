//! Validation against the official HSDS 3.0 schemas shipped in `spec/3.0`, for tests of this
//! and other crates (feature `schema-check`). Made strict the way the specification's own CI
//! checks its examples: no property outside the schema.

use serde_json::{json, Value};

const BASE: &str = "https://hsds.test/schema/";

pub fn spec(path: &str) -> Value {
    let p = format!("{}/spec/3.0/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))).unwrap()
}

/// Adds `additionalProperties: false` to every object schema with properties.
fn strict(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            for (_, child) in map.iter_mut() {
                strict(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strict),
        _ => {}
    }
}

pub struct Schemas {
    registry: jsonschema::Registry<'static>,
}

impl Schemas {
    pub fn load() -> Self {
        let mut builder = jsonschema::Registry::new();
        let dir = format!("{}/spec/3.0/schema", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if !name.ends_with(".json") || name == "openapi.json" {
                continue;
            }
            let mut schema = spec(&format!("schema/{name}"));
            // the API's nested forms (what compiled/organization.json and
            // compiled/service_at_location.json inline): an organization with its services, a
            // service_at_location with its service
            if name == "organization.json" {
                schema["properties"]["services"] = json!({ "type": "array", "items": { "$ref": "service.json" } });
            }
            if name == "service_at_location.json" {
                schema["properties"]["service"] = json!({ "$ref": "service.json" });
            }
            strict(&mut schema);
            builder = builder.add(format!("{BASE}{name}"), schema).unwrap();
        }
        for name in ["service_list", "organization_list", "service_at_location_list"] {
            let mut schema = spec(&format!("schema/compiled/{name}.json"));
            strict(&mut schema);
            builder = builder.add(format!("{BASE}compiled/{name}.json"), schema).unwrap();
        }
        Schemas { registry: builder.prepare().unwrap() }
    }

    pub fn errors(&self, schema: &str, value: &Value) -> Vec<String> {
        let validator = jsonschema::options()
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(&json!({ "$ref": format!("{BASE}{schema}") }))
            .unwrap();
        validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
    }

    pub fn assert_valid(&self, schema: &str, value: &Value) {
        let errors = self.errors(schema, value);
        assert!(errors.is_empty(), "{schema}: {errors:#?}\n{}", serde_json::to_string_pretty(value).unwrap());
    }
}
