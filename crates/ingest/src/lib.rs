//! Reading the formats that data arrives in — GeoJSON districts, offer tables (including the
//! German Excel CSV dialect), and the Berlin open-data files of the demo — into domain records.
//! Works on bytes the caller has read; does no file or database I/O itself. Every error names
//! the source, the line or feature, the field and what was expected.

pub mod agreements_csv;
pub mod berlin;
pub mod crosswalk;
pub mod crs;
pub mod genesis;
pub mod geo_assign;
pub mod geojson_districts;
pub mod geometry_check;
pub mod gpkg;
pub mod indicators_csv;
pub mod offers_csv;
pub mod shapefile;
/// The spreadsheet text helpers, shared with the index engine.
pub use kette_text as text;

/// Where in an input something went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{source_name}{}{}: {}", .location.as_ref().map(|l| format!(" {l}")).unwrap_or_default(), .field.as_ref().map(|f| format!(", field '{}'", kette_text::excerpt(f))).unwrap_or_default(), kette_text::bounded_message(.message))]
pub struct IngestError {
    pub source_name: String,
    /// "line 12" or "feature 3"
    pub location: Option<String>,
    pub field: Option<String>,
    /// English, for the command line and logs.
    pub message: String,
    /// What a front end needs to say it in the reader's language (boxed: errors travel in
    /// `Result`s and stay small).
    pub wording: Option<Box<Wording>>,
}

/// A problem as a translation key with arguments, and its line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wording {
    /// The line number, when the problem is on one line.
    pub line: Option<u64>,
    /// `None` where only the English message exists.
    pub code: Option<&'static str>,
    pub args: Vec<(&'static str, String)>,
}

impl IngestError {
    pub fn new(source_name: &str, location: Option<String>, field: Option<&str>, message: impl Into<String>) -> Self {
        IngestError { source_name: source_name.into(), location, field: field.map(Into::into), message: message.into(), wording: None }
    }

    pub fn line(&self) -> Option<u64> {
        self.wording.as_ref().and_then(|w| w.line)
    }

    /// A problem on a line of a table, with its translation key and arguments.
    pub fn at_line(
        source_name: &str,
        line: u64,
        field: Option<&str>,
        message: impl Into<String>,
        code: &'static str,
        args: &[(&'static str, String)],
    ) -> Self {
        IngestError {
            wording: Some(Box::new(Wording { line: Some(line), code: Some(code), args: args.to_vec() })),
            ..IngestError::new(source_name, Some(format!("line {line}")), field, message)
        }
    }

    /// The line of a problem (a header's is line 1), for wording it.
    pub fn on_line(mut self, line: u64) -> Self {
        self.wording.get_or_insert_with(Default::default).line = Some(line);
        self
    }

    /// The translation key and arguments of a problem.
    pub fn coded(mut self, code: &'static str, args: &[(&'static str, String)]) -> Self {
        let w = self.wording.get_or_insert_with(Default::default);
        w.code = Some(code);
        w.args = args.to_vec();
        self
    }
}

/// Problems listed in a message; the rest are counted (a file broken on every line would
/// otherwise make a message as long as itself).
pub const MAX_LISTED: usize = 500;

/// All problems of one input, so the user can fix them in one go.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{}", .0.iter().take(MAX_LISTED).map(|e| e.to_string()).collect::<Vec<_>>().join("\n"), if .0.len() > MAX_LISTED { format!("\n… and {} more problems", .0.len() - MAX_LISTED) } else { String::new() })]
pub struct IngestErrors(pub Vec<IngestError>);

impl From<IngestError> for IngestErrors {
    fn from(e: IngestError) -> Self {
        IngestErrors(vec![e])
    }
}

/// The header of a table: its column names (trimmed, lower case), or every unknown column and
/// every missing required one, each named, at line 1.
pub(crate) fn table_header<R: std::io::Read>(
    source_name: &str,
    rdr: &mut csv::Reader<R>,
    columns: &[&str],
    required: &[&str],
) -> Result<Vec<String>, IngestErrors> {
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| IngestError::new(source_name, Some("line 1".into()), None, format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut errors = vec![];
    for h in &headers {
        if !columns.contains(&h.as_str()) {
            errors.push(IngestError::new(
                source_name,
                Some("line 1".into()),
                Some(h),
                format!("unknown column; expected one of: {}", columns.join(", ")),
            ));
        }
    }
    for r in required {
        if !headers.iter().any(|h| h == r) {
            errors.push(IngestError::new(source_name, Some("line 1".into()), Some(r), "required column is missing"));
        }
    }
    if errors.is_empty() {
        Ok(headers)
    } else {
        Err(IngestErrors(errors))
    }
}
