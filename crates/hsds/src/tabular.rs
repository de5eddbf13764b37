//! The tabular form of HSDS 3.0: a folder with the package descriptor `datapackage.json` and one
//! CSV file per table, as the specification's own descriptor defines them (columns, order and
//! types). kette reads and writes it by converting to and from the nested JSON form, so the
//! rules of the JSON import apply unchanged.
//!
//! The relation between the forms is regular: a child array in JSON (`service.phones`) is a
//! table whose rows point to their parent by a key column (`phone.service_id`), a child object
//! (`service.organization`) is a row the parent points to (`service.organization_id`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The specification's package descriptor (CC BY-SA 4.0, see spec/SOURCE.md).
pub const DATAPACKAGE: &str = include_str!("../spec/3.0/datapackage.json");

#[derive(Debug, Clone, Copy, PartialEq)]
enum FieldType {
    Text,
    Number,
    Integer,
    Boolean,
}

#[derive(Debug)]
struct TableSpec {
    name: String,
    path: String,
    fields: Vec<(String, FieldType)>,
}

fn specs() -> &'static [TableSpec] {
    static SPECS: OnceLock<Vec<TableSpec>> = OnceLock::new();
    SPECS.get_or_init(|| {
        let package: Value = serde_json::from_str(DATAPACKAGE).expect("the bundled datapackage.json is JSON");
        package["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .map(|r| TableSpec {
                name: r["name"].as_str().unwrap_or_default().to_string(),
                path: r["path"].as_str().unwrap_or_default().to_string(),
                fields: r["schema"]["fields"]
                    .as_array()
                    .map(|fields| {
                        fields
                            .iter()
                            .map(|f| {
                                let kind = match f["type"].as_str() {
                                    Some("number") => FieldType::Number,
                                    Some("integer") => FieldType::Integer,
                                    Some("boolean") => FieldType::Boolean,
                                    _ => FieldType::Text,
                                };
                                (f["name"].as_str().unwrap_or_default().to_string(), kind)
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect()
    })
}

fn spec(table: &str) -> Option<&'static TableSpec> {
    specs().iter().find(|s| s.name == table)
}

/// Child arrays: (parent table, JSON property, child table, the child's key column).
const ARRAYS: &[(&str, &str, &str, &str)] = &[
    ("service", "phones", "phone", "service_id"),
    ("service", "contacts", "contact", "service_id"),
    ("service", "schedules", "schedule", "service_id"),
    ("service", "funding", "funding", "service_id"),
    ("service", "service_areas", "service_area", "service_id"),
    ("service", "required_documents", "required_document", "service_id"),
    ("service", "languages", "language", "service_id"),
    ("service", "cost_options", "cost_option", "service_id"),
    ("service", "service_at_locations", "service_at_location", "service_id"),
    ("service", "attributes", "attribute", "link_id"),
    ("service_at_location", "phones", "phone", "service_at_location_id"),
    ("service_at_location", "contacts", "contact", "service_at_location_id"),
    ("service_at_location", "schedules", "schedule", "service_at_location_id"),
    ("service_at_location", "service_areas", "service_area", "service_at_location_id"),
    ("service_at_location", "attributes", "attribute", "link_id"),
    ("location", "addresses", "address", "location_id"),
    ("location", "phones", "phone", "location_id"),
    ("location", "languages", "language", "location_id"),
    ("location", "accessibility", "accessibility", "location_id"),
    ("location", "schedules", "schedule", "location_id"),
    ("location", "contacts", "contact", "location_id"),
    ("location", "attributes", "attribute", "link_id"),
    ("organization", "phones", "phone", "organization_id"),
    ("organization", "contacts", "contact", "organization_id"),
    ("organization", "funding", "funding", "organization_id"),
    ("organization", "organization_identifiers", "organization_identifier", "organization_id"),
    ("organization", "locations", "location", "organization_id"),
    ("organization", "attributes", "attribute", "link_id"),
    ("contact", "phones", "phone", "contact_id"),
    ("phone", "languages", "language", "phone_id"),
];

/// Child objects: (parent table, JSON property, child table, the parent's key column).
const OBJECTS: &[(&str, &str, &str, &str)] = &[
    ("service", "organization", "organization", "organization_id"),
    ("service", "program", "program", "program_id"),
    ("service_at_location", "location", "location", "location_id"),
    ("attribute", "taxonomy_term", "taxonomy_term", "taxonomy_term_id"),
    ("taxonomy_term", "taxonomy_detail", "taxonomy", "taxonomy_id"),
];

/// The tables being written, one CSV writer each, with the columns of the specification in
/// its order. Rows are written as services come, so a state-sized export never sits in memory;
/// only the ids of shared rows are remembered to write them once.
pub struct Tables<W: std::io::Write> {
    writers: BTreeMap<&'static str, csv::Writer<W>>,
    counts: HashMap<&'static str, usize>,
    seen: HashSet<(&'static str, String)>,
    failed: Option<std::io::Error>,
}

impl Tables<Vec<u8>> {
    /// Tables kept in memory (tests, small exports); see [`Tables::files`].
    pub fn in_memory() -> Self {
        Tables::with(|_| Ok(Vec::new())).expect("writing to memory cannot fail")
    }

    /// The package as (file name, content): the descriptor and every table's CSV (tables
    /// without rows get their header line, so the package is complete).
    pub fn files(self) -> std::io::Result<Vec<(String, Vec<u8>)>> {
        let mut out = vec![("datapackage.json".to_string(), DATAPACKAGE.as_bytes().to_vec())];
        out.extend(self.finish()?);
        Ok(out)
    }
}

impl<W: std::io::Write> Tables<W> {
    /// Tables written to the writers `open` gives for each table's file name (the caller
    /// writes the package descriptor, `DATAPACKAGE`, beside them: this crate does no file I/O).
    pub fn with(mut open: impl FnMut(&str) -> std::io::Result<W>) -> std::io::Result<Self> {
        let mut writers = BTreeMap::new();
        for spec in specs() {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(open(&spec.path)?);
            w.write_record(spec.fields.iter().map(|(n, _)| n.as_str()))?;
            writers.insert(spec.name.as_str(), w);
        }
        Ok(Tables { writers, counts: HashMap::new(), seen: HashSet::new(), failed: None })
    }

    /// Adds one service of the nested JSON form with everything below it. Rows shared by
    /// several services (the organisation, a location, a taxonomy term) are written once.
    pub fn add_service(&mut self, service: &Value) {
        self.add("service", service, None);
    }

    /// Adds an organisation of the JSON form (with its locations, if given).
    pub fn add_organization(&mut self, organization: &Value) {
        self.add("organization", organization, None);
    }

    pub fn count(&self, table: &str) -> usize {
        self.counts.get(table).copied().unwrap_or(0)
    }

    /// Flushes every table; the first write error, if any, is reported here.
    pub fn finish(self) -> std::io::Result<Vec<(String, W)>> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let mut out = vec![];
        let mut writers = self.writers;
        for spec in specs() {
            if let Some(w) = writers.remove(spec.name.as_str()) {
                out.push((spec.path.clone(), w.into_inner().map_err(|e| e.into_error())?));
            }
        }
        Ok(out)
    }

    /// `parent`: (the key column pointing to it, its id, its table).
    fn add(&mut self, table: &str, record: &Value, parent: Option<(&str, &str, &str)>) {
        let (Some(spec), Some(obj)) = (spec(table), record.as_object()) else { return };
        let id = obj.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        let mut row: Vec<String> = spec.fields.iter().map(|(name, _)| cell(obj.get(name))).collect();
        if let Some((key, parent_id, parent_table)) = parent {
            if let Some(i) = spec.fields.iter().position(|(n, _)| n == key) {
                if row[i].is_empty() {
                    row[i] = parent_id.to_string();
                }
            }
            // an attribute says which kind of record it describes
            if let Some(i) = spec.fields.iter().position(|(n, _)| n == "link_entity").filter(|_| table == "attribute") {
                if row[i].is_empty() {
                    row[i] = parent_table.to_string();
                }
            }
        }
        for (parent_table, prop, child, key) in OBJECTS {
            if *parent_table == table {
                if let Some(child_obj) = obj.get(*prop).filter(|v| v.is_object()) {
                    if let (Some(i), Some(child_id)) =
                        (spec.fields.iter().position(|(n, _)| n == key), child_obj.get("id").and_then(Value::as_str))
                    {
                        if row[i].is_empty() {
                            row[i] = child_id.to_string();
                        }
                    }
                    self.add(child, child_obj, None);
                }
            }
        }
        for (parent_table, prop, child, key) in ARRAYS {
            if *parent_table == table {
                if let Some(items) = obj.get(*prop).and_then(Value::as_array) {
                    for item in items {
                        self.add(child, item, Some((key, &id, table)));
                    }
                }
            }
        }
        let name: &'static str = &spec.name;
        if id.is_empty() || self.seen.insert((name, id)) {
            if let Some(w) = self.writers.get_mut(name) {
                let safe: Vec<std::borrow::Cow<str>> = row.iter().map(|c| kette_text::spreadsheet_safe(c)).collect();
                if let Err(e) = w.write_record(safe.iter().map(|c| c.as_bytes())) {
                    self.failed.get_or_insert(e.into());
                }
            }
            *self.counts.entry(name).or_default() += 1;
        }
    }
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        // nested arrays and objects have tables of their own
        Some(_) => String::new(),
    }
}

/// A cell that does not fit its column.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    pub file: String,
    /// 1-based line in the file (the header is line 1).
    pub line: usize,
    pub column: String,
    pub rule: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}, column {}: {}", self.file, self.line, self.column, self.rule)
    }
}

/// A table read: typed rows (empty cells left out) with their line numbers.
struct ReadTable {
    rows: Vec<(usize, Map<String, Value>)>,
}

/// A tabular package read and type-checked, ready to hand out its services one at a time.
pub struct Package {
    tables: HashMap<&'static str, ReadTable>,
}

impl Package {
    /// Reads a package from its files (name → content; `datapackage.json` may be among them and
    /// is not needed: the specification's descriptor decides the types), or reports every cell
    /// that does not fit its column.
    pub fn read(files: &HashMap<String, Vec<u8>>) -> Result<Package, Vec<CellError>> {
        if !files.contains_key("services.csv") {
            return Err(vec![CellError {
                file: "services.csv".into(),
                line: 0,
                column: String::new(),
                rule: "missing: a tabular HSDS package has a services.csv (and organizations.csv, locations.csv, …)".into(),
            }]);
        }
        let mut tables: HashMap<&'static str, ReadTable> = HashMap::new();
        let mut errors = vec![];
        for spec in specs() {
            if let Some(bytes) = files.get(&spec.path) {
                tables.insert(spec.name.as_str(), read_table(spec, bytes, &mut errors));
            }
        }
        if errors.is_empty() {
            Ok(Package { tables })
        } else {
            Err(errors)
        }
    }

    /// The services in the nested JSON form, each with its origin (`services.csv line 2`),
    /// nested one at a time so that a state-sized package never sits in memory twice.
    pub fn services(&self) -> impl Iterator<Item = (String, Value)> + '_ {
        let nest = Nester::new(&self.tables);
        let rows = self.tables.get("service").map(|t| t.rows.as_slice()).unwrap_or_default();
        rows.iter().map(move |(line, row)| (format!("services.csv line {line}"), nest.nested("service", row, 0)))
    }
}

impl Package {
    /// Organisations no service refers to, in the nested JSON form with their locations, each
    /// with its origin (`organizations.csv line 4`).
    pub fn organizations_without_services(&self) -> impl Iterator<Item = (String, Value)> + '_ {
        let nest = Nester::new(&self.tables);
        let used: HashSet<&str> = self
            .tables
            .get("service")
            .map(|t| t.rows.iter().filter_map(|(_, r)| r.get("organization_id").and_then(Value::as_str)).collect())
            .unwrap_or_default();
        let rows = self.tables.get("organization").map(|t| t.rows.as_slice()).unwrap_or_default();
        rows.iter()
            .filter(move |(_, r)| r.get("id").and_then(Value::as_str).is_some_and(|id| !used.contains(id)))
            .map(move |(line, row)| (format!("organizations.csv line {line}"), nest.organization_with_locations(row)))
    }
}

/// [`Package::read`] and all its services at once (for small packages and tests).
pub fn services_from_files(files: &HashMap<String, Vec<u8>>) -> Result<Vec<(String, Value)>, Vec<CellError>> {
    Ok(Package::read(files)?.services().collect())
}

fn read_table(spec: &TableSpec, bytes: &[u8], errors: &mut Vec<CellError>) -> ReadTable {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            errors.push(CellError { file: spec.path.clone(), line: 1, column: String::new(), rule: format!("not CSV: {e}") });
            return ReadTable { rows: vec![] };
        }
    };
    for h in &headers {
        if !spec.fields.iter().any(|(n, _)| n == h) {
            errors.push(CellError {
                file: spec.path.clone(),
                line: 1,
                column: h.clone(),
                rule: format!("not a column of the HSDS 3.0 table '{}'", spec.name),
            });
        }
    }
    let mut rows = vec![];
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(CellError { file: spec.path.clone(), line, column: String::new(), rule: format!("unreadable row: {e}") });
                continue;
            }
        };
        let mut row = Map::new();
        for (h, raw) in headers.iter().zip(record.iter()) {
            // the apostrophe kette's export puts before formula-like text comes off again
            let raw = kette_text::from_spreadsheet_safe(raw.trim());
            if raw.is_empty() {
                continue;
            }
            let kind = spec.fields.iter().find(|(n, _)| n == h).map_or(FieldType::Text, |(_, k)| *k);
            let mut fail = |rule: &str| errors.push(CellError { file: spec.path.clone(), line, column: h.clone(), rule: rule.into() });
            let value = match kind {
                FieldType::Text => Value::String(raw.to_string()),
                FieldType::Number => match raw.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
                    Some(n) => Value::Number(n),
                    None => {
                        fail(&format!("expected a number with a decimal point, found \"{raw}\""));
                        continue;
                    }
                },
                FieldType::Integer => match raw.parse::<i64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => {
                        fail(&format!("expected a whole number, found \"{raw}\""));
                        continue;
                    }
                },
                FieldType::Boolean => match raw.to_ascii_lowercase().as_str() {
                    "true" | "1" => Value::Bool(true),
                    "false" | "0" => Value::Bool(false),
                    _ => {
                        fail(&format!("expected true or false, found \"{raw}\""));
                        continue;
                    }
                },
            };
            row.insert(h.clone(), value);
        }
        rows.push((line, row));
    }
    ReadTable { rows }
}

struct Nester<'a> {
    tables: &'a HashMap<&'static str, ReadTable>,
    /// (table, id) → row
    by_id: HashMap<(&'a str, &'a str), &'a Map<String, Value>>,
    /// (child table, key column, parent id) → rows
    by_key: HashMap<(&'a str, &'a str, &'a str), Vec<&'a Map<String, Value>>>,
}

impl<'a> Nester<'a> {
    fn new(tables: &'a HashMap<&'static str, ReadTable>) -> Self {
        let mut by_id = HashMap::new();
        let mut by_key: HashMap<(&str, &str, &str), Vec<&Map<String, Value>>> = HashMap::new();
        for (name, t) in tables {
            let mut keys: Vec<&str> = ARRAYS.iter().filter(|(_, _, child, _)| child == name).map(|(_, _, _, key)| *key).collect();
            keys.sort_unstable();
            keys.dedup();
            for (_, row) in &t.rows {
                if let Some(id) = row.get("id").and_then(Value::as_str) {
                    by_id.insert((*name, id), row);
                }
                for key in &keys {
                    if let Some(parent) = row.get(*key).and_then(Value::as_str) {
                        by_key.entry((*name, *key, parent)).or_default().push(row);
                    }
                }
            }
        }
        Nester { tables, by_id, by_key }
    }

    /// An organisation with its locations (which `nested` leaves out inside services).
    fn organization_with_locations(&self, row: &Map<String, Value>) -> Value {
        let mut v = self.nested("organization", row, 0);
        let id = row.get("id").and_then(Value::as_str).unwrap_or_default();
        if let Some(rows) = self.by_key.get(&("location", "organization_id", id)) {
            let locations: Vec<Value> = rows.iter().map(|r| self.nested("location", r, 1)).collect();
            if let Some(m) = v.as_object_mut() {
                m.insert("locations".into(), Value::Array(locations));
            }
        }
        v
    }

    fn nested(&self, table: &str, row: &Map<String, Value>, depth: usize) -> Value {
        let mut out = row.clone();
        if depth > 6 {
            return Value::Object(out);
        }
        let id = row.get("id").and_then(Value::as_str).unwrap_or_default();
        for (parent, prop, child, key) in OBJECTS {
            if *parent == table {
                if let Some(child_row) = row.get(*key).and_then(Value::as_str).and_then(|k| self.by_id.get(&(*child, k))) {
                    out.insert(prop.to_string(), self.nested(child, child_row, depth + 1));
                }
            }
        }
        for (parent, prop, child, key) in ARRAYS {
            // organisations list their locations only when asked for organisations, not
            // inside every service (that would repeat them)
            if *parent == table && !(table == "organization" && *prop == "locations") && self.tables.contains_key(child) {
                let items: Vec<Value> = self
                    .by_key
                    .get(&(*child, *key, id))
                    .map(|rows| {
                        rows.iter()
                            .filter(|r| *child != "attribute" || r.get("link_entity").and_then(Value::as_str).is_none_or(|e| e == table))
                            .map(|r| self.nested(child, r, depth + 1))
                            .collect()
                    })
                    .unwrap_or_default();
                if !items.is_empty() {
                    out.insert(prop.to_string(), Value::Array(items));
                }
            }
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_files() -> HashMap<String, Vec<u8>> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/3.0/examples/csv");
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    #[test]
    fn the_descriptor_has_the_tables_of_the_specification() {
        let names: Vec<&str> = specs().iter().map(|s| s.name.as_str()).collect();
        for t in
            ["service", "organization", "location", "service_at_location", "address", "phone", "attribute", "taxonomy_term", "taxonomy"]
        {
            assert!(names.contains(&t), "{t} missing in {names:?}");
        }
        assert!(spec("service").unwrap().fields.iter().any(|(n, k)| n == "minimum_age" && *k == FieldType::Number));
    }

    #[test]
    fn the_official_csv_example_nests_into_the_json_form() {
        let services = services_from_files(&example_files()).expect("the official example reads");
        assert_eq!(services.len(), 1);
        let (origin, s) = &services[0];
        assert_eq!(origin, "services.csv line 2");
        assert_eq!(s["name"], "Community Counselling");
        assert_eq!(s["organization"]["name"], "Example Organization Inc.");
        assert_eq!(s["minimum_age"], 12.0);
        let sal = &s["service_at_locations"][0];
        assert_eq!(sal["location"]["name"], "MyCity Civic Center");
        assert_eq!(sal["location"]["addresses"][0]["address_1"], "1-30 Main Street");
        assert_eq!(s["languages"][0]["code"], "ur");
        assert!(s["phones"][0]["number"].as_str().unwrap().contains("1234"));
    }

    #[test]
    fn formula_like_text_is_neutralised_in_the_tables_and_read_back_unchanged() {
        let mut service: Value = serde_json::from_str(include_str!("../spec/3.0/examples/service_full.json")).unwrap();
        service["name"] = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
        service["description"] = "@SUM(A1:A9)".into();
        let mut tables = Tables::in_memory();
        tables.add_service(&service);
        let files: HashMap<String, Vec<u8>> = tables.files().unwrap().into_iter().collect();
        let csv = String::from_utf8(files["services.csv"].clone()).unwrap();
        assert!(csv.contains("'=HYPERLINK") && csv.contains("'@SUM(A1:A9)"), "{csv}");
        assert!(!csv.contains(",\"=HYPERLINK") && !csv.contains(",=HYPERLINK") && !csv.contains(",@SUM"), "{csv}");
        let back = services_from_files(&files).unwrap();
        assert_eq!(back[0].1["name"], service["name"]);
        assert_eq!(back[0].1["description"], "@SUM(A1:A9)");
    }

    #[test]
    fn json_to_tables_and_back_keeps_the_service() {
        let service: Value = serde_json::from_str(include_str!("../spec/3.0/examples/service_full.json")).unwrap();
        let mut tables = Tables::in_memory();
        tables.add_service(&service);
        tables.add_service(&service);
        assert_eq!(tables.count("service"), 1, "shared rows are written once");
        assert_eq!(tables.count("organization"), 1);
        assert!(tables.count("address") >= 1);
        let files: HashMap<String, Vec<u8>> = tables.files().unwrap().into_iter().collect();
        assert!(files.contains_key("datapackage.json") && files.contains_key("taxonomies.csv"));
        let back = services_from_files(&files).unwrap();
        let s = &back[0].1;
        assert_eq!(s["id"], service["id"]);
        assert_eq!(s["organization"]["id"], service["organization"]["id"]);
        assert_eq!(
            s["service_at_locations"][0]["location"]["addresses"][0]["postal_code"],
            service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
        );
        assert_eq!(s["minimum_age"].as_f64(), service["minimum_age"].as_f64());
    }

    #[test]
    fn a_cell_that_does_not_fit_names_file_line_and_column() {
        let mut files = example_files();
        let text = String::from_utf8(files["services.csv"].clone()).unwrap();
        let broken = text.replacen(",12,", ",zwölf,", 1);
        assert_ne!(text, broken, "the example has a minimum age of 12");
        files.insert("services.csv".into(), broken.into_bytes());
        files.insert("phones.csv".into(), b"id,colour\nx,red\n".to_vec());
        let errors = services_from_files(&files).unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|e| e.starts_with("services.csv line 2, column minimum_age: expected a number")), "{text:?}");
        assert!(text.iter().any(|e| e == "phones.csv line 1, column colour: not a column of the HSDS 3.0 table 'phone'"), "{text:?}");
        assert!(services_from_files(&HashMap::new()).unwrap_err()[0].rule.contains("services.csv"));
    }
}
