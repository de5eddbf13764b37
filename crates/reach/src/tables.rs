//! The spreadsheet inputs: destinations (lat, lon, kind), origins (lat, lon, weight), and for
//! the bare algorithm an edge list (u, v, length_m) with destination nodes (node, kind). UTF-8
//! or Windows-1252, `,` or `;`, decimal point or comma. Every problem is collected with its
//! line and column; the caller names the file.

use crate::ReachError;

/// A row of a destination or origin table.
#[derive(Clone, Debug, PartialEq)]
pub struct PointRow {
    pub line: usize,
    /// the `id` column, or the line number
    pub id: String,
    pub at: [f64; 2],
    pub kind: String,
    pub weight: f64,
}

/// At most this many problems are listed; the count says how many there were.
const LISTED: usize = 20;

pub(crate) struct Problems {
    file: String,
    listed: Vec<String>,
    total: usize,
}

impl Problems {
    pub(crate) fn new(file: &str) -> Problems {
        Problems { file: file.to_string(), listed: vec![], total: 0 }
    }

    pub(crate) fn add(&mut self, line: usize, message: String) {
        self.total += 1;
        if self.listed.len() < LISTED {
            self.listed.push(format!("line {line}: {message}"));
        }
    }

    pub(crate) fn into_result(self) -> Result<(), ReachError> {
        if self.total == 0 {
            Ok(())
        } else {
            Err(ReachError::Table { file: self.file, problems: self.listed, total: self.total })
        }
    }
}

/// A number in either notation; the fast path first because edge lists are long.
pub(crate) fn number(cell: &str) -> Option<f64> {
    cell.trim().parse::<f64>().ok().or_else(|| kette_text::parse_number(cell)).filter(|v| v.is_finite())
}

pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, csv::StringRecord)>,
}

pub(crate) fn read_table(file: &str, bytes: &[u8]) -> Result<Table, ReachError> {
    let mut headers = vec![];
    let mut rows = vec![];
    for_each_row(file, bytes, |h| {
        headers = h.to_vec();
        Ok(|line, record: &csv::StringRecord| rows.push((line, record.clone())))
    })?;
    Ok(Table { headers, rows })
}

/// Streams the rows (blank ones skipped) through one record buffer: `start` sees the
/// lower-cased headers and returns what handles each row. Long tables (edge lists) are read
/// this way.
pub(crate) fn for_each_row<R: FnMut(usize, &csv::StringRecord)>(
    file: &str,
    bytes: &[u8],
    start: impl FnOnce(&[String]) -> Result<R, ReachError>,
) -> Result<(), ReachError> {
    let text = kette_text::decode(bytes);
    let delimiter = kette_text::sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let broken = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        ReachError::Table { file: file.into(), problems: vec![format!("line {line}: {e}")], total: 1 }
    };
    let headers: Vec<String> = reader.headers().map_err(broken)?.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut row = start(&headers)?;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(broken)? {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        row(line, &record);
    }
    Ok(())
}

/// The position of the first header among `names`, or an error listing what was expected.
pub(crate) fn column(file: &str, headers: &[String], names: &[&str], required: bool) -> Result<Option<usize>, ReachError> {
    let found = headers.iter().position(|h| names.contains(&h.as_str()));
    if found.is_none() && required {
        return Err(ReachError::Table {
            file: file.into(),
            problems: vec![format!("line 1: no column '{}' (found: {})", names.join("' or '"), headers.join(", "))],
            total: 1,
        });
    }
    Ok(found)
}

const LAT: &[&str] = &["lat", "latitude", "breite"];
const LON: &[&str] = &["lon", "lng", "long", "longitude", "laenge", "länge"];

/// Destinations (`kind` required) or origins (`weight` optional, 1 when absent).
pub fn read_points(file: &str, bytes: &[u8], need_kind: bool) -> Result<Vec<PointRow>, ReachError> {
    let table = read_table(file, bytes)?;
    let h = &table.headers;
    let lat = column(file, h, LAT, true)?.expect("required");
    let lon = column(file, h, LON, true)?.expect("required");
    let kind = column(file, h, &["kind", "art", "type"], need_kind)?;
    let weight = column(file, h, &["weight", "gewicht", "population", "einwohner", "children", "kinder"], false)?;
    let id = column(file, h, &["id", "name"], false)?;
    let mut problems = Problems::new(file);
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, r) in &table.rows {
        let cell = |i: usize| r.get(i).unwrap_or("").trim();
        let coordinate = |i: usize, name: &str, limit: f64, problems: &mut Problems| match number(cell(i)) {
            Some(v) if v.abs() <= limit => Some(v),
            Some(_) => {
                problems.add(*line, format!("{name} '{}' lies outside ±{limit}", kette_text::excerpt(cell(i))));
                None
            }
            None => {
                problems.add(*line, format!("{name}: expected a number in degrees, found '{}'", kette_text::excerpt(cell(i))));
                None
            }
        };
        let la = coordinate(lat, "lat", 90.0, &mut problems);
        let lo = coordinate(lon, "lon", 180.0, &mut problems);
        let kind_text = kind.map(|k| cell(k).to_string()).unwrap_or_default();
        if need_kind && kind_text.is_empty() {
            problems.add(*line, "kind is empty (expected the kind of offer, e.g. kita)".into());
        }
        let w = match weight.map(cell) {
            None | Some("") => Some(1.0),
            Some(text) => match number(text) {
                Some(v) if v >= 0.0 => Some(v),
                _ => {
                    problems.add(*line, format!("weight: expected a number ≥ 0, found '{}'", kette_text::excerpt(text)));
                    None
                }
            },
        };
        if let (Some(la), Some(lo), Some(w)) = (la, lo, w) {
            let id = id.map(|i| cell(i).to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| line.to_string());
            out.push(PointRow { line: *line, id, at: [la, lo], kind: kind_text, weight: w });
        }
    }
    problems.into_result()?;
    if out.is_empty() {
        return Err(ReachError::Table { file: file.into(), problems: vec!["the table has no rows".into()], total: 1 });
    }
    Ok(out)
}

/// Points are often exported with latitude and longitude exchanged; when more of them fall
/// inside the network's extent exchanged than as written, refuse the file rather than place
/// every point in the wrong country. `bounds` is min lat, min lon, max lat, max lon.
pub fn check_not_swapped(file: &str, rows: &[PointRow], bounds: [f64; 4]) -> Result<(), ReachError> {
    // ten kilometres of slack around the network (about 0.1 degree)
    let inside = |lat: f64, lon: f64| lat >= bounds[0] - 0.1 && lat <= bounds[2] + 0.1 && lon >= bounds[1] - 0.1 && lon <= bounds[3] + 0.1;
    let as_written = rows.iter().filter(|r| inside(r.at[0], r.at[1])).count();
    let swapped: Vec<&PointRow> = rows.iter().filter(|r| inside(r.at[1], r.at[0])).collect();
    if swapped.len() > as_written {
        return Err(ReachError::Swapped { file: file.into(), swapped: swapped.len(), rows: rows.len(), first_line: swapped[0].line });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_german_spreadsheets_and_every_bad_cell_is_named() {
        let rows = read_points("kitas.csv", "Breite;Länge;Art\n49,41;8,69;kita\n49.40;8.70;schule\n".as_bytes(), true).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].at, [49.41, 8.69]);
        assert_eq!(rows[1].kind, "schule");
        assert_eq!(rows[0].id, "2");
        let err = read_points("kitas.csv", b"lat,lon,kind\nNaN,8.6,kita\n49.4,200,kita\n49.4,8.6,\n", true).unwrap_err().to_string();
        assert!(err.contains("kitas.csv"), "{err}");
        assert!(err.contains("line 2: lat: expected a number"), "{err}");
        assert!(err.contains("line 3: lon '200' lies outside"), "{err}");
        assert!(err.contains("line 4: kind is empty"), "{err}");
        let err = read_points("o.csv", b"latitude,x_coord\n1,2\n", false).unwrap_err().to_string();
        assert!(err.contains("no column 'lon'"), "{err}");
    }

    #[test]
    fn swapped_coordinates_are_refused_with_the_first_line() {
        let rows = read_points("o.csv", b"lat,lon\n8.69,49.41\n8.70,49.40\n", false).unwrap();
        let err = check_not_swapped("o.csv", &rows, [49.35, 8.57, 49.46, 8.80]).unwrap_err().to_string();
        assert!(err.contains("o.csv") && err.contains("2 of 2") && err.contains("line 2"), "{err}");
        let right = read_points("o.csv", b"lat,lon\n49.41,8.69\n", false).unwrap();
        assert!(check_not_swapped("o.csv", &right, [49.35, 8.57, 49.46, 8.80]).is_ok());
    }
}
