//! The invariants of ARCHITECTURE.md, checked on the manifests and sources so that they cannot
//! rot: domain and engines know no HTTP or SQL, only `store` speaks SQL, only `web` speaks HTTP,
//! `anyhow` only in binaries, every store query names its municipality, nothing but the clock
//! reads the system time, raw figures are opened only where the reader is entitled, and every
//! crate says what it owns.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn crates() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(workspace().join("crates"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The `[dependencies]` names of a crate (not dev-dependencies: tests may use what they like).
fn dependencies(krate: &str) -> Vec<String> {
    let text = std::fs::read_to_string(workspace().join("crates").join(krate).join("Cargo.toml")).unwrap();
    let mut out = vec![];
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if inside && !line.is_empty() && !line.starts_with('#') {
            out.push(line.split(['=', '.', ' ']).next().unwrap_or_default().trim().to_string());
        }
    }
    out
}

/// Every `.rs` file under a crate's `src`, with its text.
fn sources(krate: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = vec![];
    walk(&workspace().join("crates").join(krate).join("src"), &mut out);
    out
}

/// Source lines that are code, not comments (a mention in a comment is no dependency).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| {
        let t = l.trim_start();
        !(t.starts_with("//") || t.starts_with("///") || t.starts_with("//!") || t.starts_with('*'))
    })
}

fn uses(krate: &str, needle: &str) -> Vec<String> {
    let mut hits = vec![];
    for (path, text) in sources(krate) {
        for (n, line) in code_lines(&text) {
            if line.contains(needle) {
                hits.push(format!("{}:{n}: {}", path.display(), line.trim()));
            }
        }
    }
    hits
}

const ENGINES_AND_DOMAIN: &[&str] = &["domain", "text", "ingest", "monitor", "search", "network", "reach", "hsds", "app"];
const HTTP: &[&str] = &["axum", "tower", "tower-http", "hyper", "utoipa", "askama"];
const SQL: &[&str] = &["sqlx"];
const BINARIES: &[&str] = &["kette", "bench"];

#[test]
fn domain_and_engines_depend_on_no_http_no_sql_and_no_runtime() {
    for krate in ENGINES_AND_DOMAIN {
        let deps = dependencies(krate);
        for bad in HTTP.iter().chain(SQL) {
            assert!(!deps.iter().any(|d| d == bad), "crates/{krate} depends on {bad}: engines and the domain know no HTTP or SQL");
        }
        // the use-case layer may wait and spawn (it runs beside the server); the rest do no I/O
        if *krate != "app" {
            assert!(!deps.iter().any(|d| d == "tokio"), "crates/{krate} depends on tokio: engines and the domain do no I/O");
        }
    }
    for krate in crates() {
        if krate != "web" {
            for bad in HTTP {
                assert!(!dependencies(&krate).iter().any(|d| d == bad), "crates/{krate} depends on {bad}: only web knows HTTP");
            }
        }
        if krate != "store" {
            assert!(!dependencies(&krate).iter().any(|d| d == "sqlx"), "crates/{krate} depends on sqlx: only store knows SQL");
        }
        if !BINARIES.contains(&krate.as_str()) {
            assert!(!dependencies(&krate).iter().any(|d| d == "anyhow"), "crates/{krate} depends on anyhow: typed errors in libraries");
        }
    }
}

#[test]
fn sql_http_and_anyhow_stay_in_their_crates() {
    let mut wrong = vec![];
    for krate in crates() {
        if krate != "store" {
            wrong.extend(uses(&krate, "sqlx::"));
            wrong.extend(uses(&krate, "SELECT ").into_iter().filter(|l| l.contains("FROM ")));
        }
        if krate != "web" {
            wrong.extend(uses(&krate, "axum::"));
            wrong.extend(uses(&krate, "tower::"));
        }
        if !BINARIES.contains(&krate.as_str()) {
            wrong.extend(uses(&krate, "anyhow"));
        }
    }
    assert!(wrong.is_empty(), "outside their crate:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_clock_reads_the_system_time() {
    let mut wrong = vec![];
    for krate in crates() {
        for needle in ["now_utc()", "SystemTime::now", "Local::now", "Utc::now"] {
            wrong.extend(uses(&krate, needle).into_iter().filter(|l| !l.contains("crates/domain/src/clock.rs")));
        }
    }
    assert!(wrong.is_empty(), "reads the system clock instead of the store's Clock:\n{}", wrong.join("\n"));
}

#[test]
fn raw_figures_are_opened_only_by_the_entitled() {
    // the web layer and the use cases get figures through a Disclosure; only the command line
    // (the operator) opens sealed values directly
    let mut wrong = vec![];
    for krate in ["web", "app", "notify", "search", "monitor", "hsds"] {
        wrong.extend(uses(krate, "Entitled::operator"));
    }
    assert!(wrong.is_empty(), "opens raw figures without a reader's entitlement:\n{}", wrong.join("\n"));
}

/// Store functions that have no municipality because they work above or across one.
const WITHOUT_MUNICIPALITY: &[(&str, &str)] = &[
    ("open", "opens the database"),
    ("open_with_clock", "opens the database"),
    ("close", "closes the database"),
    ("pool", "the connection pool for tests"),
    ("clock", "the store's clock"),
    ("today", "the store's clock"),
    ("municipalities", "lists the municipalities themselves"),
    ("municipality_by_slug", "finds a municipality"),
    ("create_municipality", "creates one"),
    ("create_account", "the account record carries its municipality"),
    ("login", "a user name is unique across the instance; the account says its municipality"),
    ("session", "a session token identifies the account and its municipality"),
    ("logout", "ends a session by its token"),
    ("sign_in", "throttled sign-in, before anyone knows the municipality"),
    ("begin_write", "a transaction"),
    ("commit", "ends a write transaction"),
];

#[test]
fn every_store_query_names_its_municipality() {
    let mut missing = vec![];
    let mut seen = 0;
    for (path, text) in sources("store") {
        let mut rest = text.as_str();
        while let Some(start) = rest.find("async fn ") {
            let after = &rest[start..];
            let name_start = after.find("fn ").unwrap() + 3;
            let name: String = after[name_start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let open = after.find('(').unwrap();
            let mut depth = 0;
            let mut end = open;
            for (i, c) in after[open..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let params = &after[open..=end];
            let method = params.contains("self");
            seen += method as usize;
            let named = params.contains("municipality") || params.contains("MunicipalityId");
            if method && !named && !WITHOUT_MUNICIPALITY.iter().any(|(n, _)| *n == name) {
                missing.push(format!("{}: {name}{params}", path.file_name().unwrap().to_string_lossy()));
            }
            rest = &after[end..];
        }
    }
    assert!(seen > 80, "the store's queries were found ({seen})");
    assert!(missing.is_empty(), "store queries without a municipality parameter:\n{}", missing.join("\n"));
}

#[test]
fn every_crate_says_what_it_owns() {
    for krate in crates() {
        let dir = workspace().join("crates").join(&krate).join("src");
        let root = if dir.join("lib.rs").exists() { dir.join("lib.rs") } else { dir.join("main.rs") };
        let text = std::fs::read_to_string(&root).unwrap();
        assert!(text.starts_with("//!"), "{} does not open with a doc comment saying what the crate owns", root.display());
    }
}

#[test]
fn unsafe_code_is_forbidden_but_for_the_one_allocator_option() {
    for krate in crates().into_iter().filter(|k| k != "kette") {
        let manifest = std::fs::read_to_string(workspace().join("crates").join(&krate).join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[lints]\nworkspace = true"), "{krate} does not take the workspace lints (unsafe_code = forbid)");
    }
    let unsafe_lines: Vec<String> =
        crates().iter().flat_map(|k| uses(k, "unsafe ")).chain(crates().iter().flat_map(|k| uses(k, "unsafe{"))).collect();
    assert_eq!(unsafe_lines.len(), 1, "only main.rs's allocator option may be unsafe: {unsafe_lines:?}");
    assert!(unsafe_lines[0].contains("main.rs"), "{unsafe_lines:?}");
}

#[test]
fn the_index_engine_reads_no_file_formats_of_ingest() {
    assert!(!dependencies("monitor").iter().any(|d| d == "kette-ingest"), "monitor shares kette-text, not the file readers");
}

#[test]
fn the_reach_engine_opens_no_files_the_caller_names_them() {
    let opened: Vec<String> = ["std::fs", "File::open", "from_path"].iter().flat_map(|needle| uses("reach", needle)).collect();
    assert!(opened.is_empty(), "crates/reach reads from bytes and readers only:\n{}", opened.join("\n"));
}

#[test]
fn the_checks_see_the_workspace() {
    // guards against a silently empty walk
    assert!(crates().len() >= 10);
    assert!(sources("store").len() >= 10);
    assert!(dependencies("store").iter().any(|d| d == "sqlx"));
    assert!(!uses("store", "sqlx::").is_empty());
}
