//! The census grid as origins: the Zensus 2022 (and 2011) grid tables of the statistical
//! offices, one row per inhabited cell of the INSPIRE grid in ETRS89-LAEA (EPSG:3035), with the
//! population and, in the age tables, the people under 18. A cell is found by its centre
//! (`x_mp_100m`, `y_mp_100m`, or `x_mp_1km` …) or, without those columns, by its INSPIRE id
//! (`CRS3035RES100mN2689100E4337000` in 2022, `100mN26891E43370` in 2011). Values the offices
//! keep secret (`–`, `-`, `.`, `x`, empty, or negative as in 2011) are withheld, never read as
//! zero.

use crate::tables::{for_each_row, Problems};
use crate::ReachError;

/// One inhabited cell: its centre (lat, lon) and the people in it.
#[derive(Clone, Debug, PartialEq)]
pub struct CensusCell {
    pub id: String,
    pub line: usize,
    pub at: [f64; 2],
    /// inhabitants; None where kept secret
    pub people: Option<f64>,
    /// inhabitants under 18 (or under 10), where the table has them; None where kept secret
    pub children: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CensusGrid {
    pub cells: Vec<CensusCell>,
    /// the column the people were read from (`einwohner`, `insgesamt_bevoelkerung`)
    pub people_column: Option<String>,
    /// the column the children were read from (`unter18`, `unter10`)
    pub children_column: Option<String>,
    /// the cells' edge in metres (100 for the 100 m grid)
    pub cell_m: f64,
}

impl CensusGrid {
    /// The weight of a cell as an origin of children: the children where the table has them,
    /// else the people; None where that value is kept secret.
    pub fn weight(&self, cell: &CensusCell) -> Option<f64> {
        if self.children_column.is_some() {
            cell.children
        } else {
            cell.people
        }
    }

    /// Cells whose weight is kept secret.
    pub fn withheld(&self) -> usize {
        self.cells.iter().filter(|c| self.weight(c).is_none()).count()
    }
}

const PEOPLE: &[&str] = &["einwohner", "insgesamt_bevoelkerung", "insgesamt", "bevoelkerung"];
const CHILDREN: &[&str] = &["unter18", "unter_18", "unter10", "unter_10"];

/// Whether a table's header row is a census grid's: a grid id or cell-centre column.
pub fn is_census_grid(bytes: &[u8]) -> bool {
    let text = kette_text::decode(&bytes[..bytes.len().min(4096)]);
    let header = text.lines().next().unwrap_or("").to_lowercase();
    header.contains("gitter_id") || header.contains("x_mp_")
}

/// Reads a census grid table; every problem is collected with its line.
pub fn read_census_grid(file: &str, bytes: &[u8]) -> Result<CensusGrid, ReachError> {
    Ok(read_census_grid_within(file, bytes, None)?.grid)
}

/// A census grid read for an area: the cells in it, and how many lay outside (with the first).
#[derive(Clone, Debug, PartialEq)]
pub struct CensusRead {
    pub grid: CensusGrid,
    pub outside: usize,
    pub first_outside: Option<[f64; 2]>,
}

/// Reads a census grid table, keeping only the cells whose centre lies in `area` (south, west,
/// north, east in degrees) when one is given — a Germany-wide table has three million rows, a
/// city a few ten thousand — and counting the others. Every row is still checked, so a broken
/// row anywhere refuses the file.
pub fn read_census_grid_within(file: &str, bytes: &[u8], area: Option<[f64; 4]>) -> Result<CensusRead, ReachError> {
    let mut grid = CensusGrid { cells: vec![], people_column: None, children_column: None, cell_m: 100.0 };
    let mut problems = Problems::new(file);
    let (mut outside, mut first_outside) = (0usize, None);
    let (grid_slot, problems_slot, outside_slot, first_slot) = (&mut grid, &mut problems, &mut outside, &mut first_outside);
    for_each_row(file, bytes, move |headers| {
        let CensusGrid { cells, people_column, children_column, cell_m: grid_cell_m } = grid_slot;
        let problems = problems_slot;
        let find = |test: &dyn Fn(&str) -> bool| headers.iter().position(|h| test(h));
        let id = find(&|h: &str| h.starts_with("gitter_id"));
        let x = find(&|h: &str| h.starts_with("x_mp"));
        let y = find(&|h: &str| h.starts_with("y_mp"));
        let people = find(&|h: &str| PEOPLE.contains(&h));
        let children = find(&|h: &str| CHILDREN.contains(&h));
        if id.is_none() && (x.is_none() || y.is_none()) {
            return Err(ReachError::Table {
                file: file.into(),
                problems: vec![format!(
                    "line 1: no census grid: expected 'GITTER_ID_100m' or 'x_mp_100m' and 'y_mp_100m' (found: {})",
                    headers.join(", ")
                )],
                total: 1,
            });
        }
        if people.is_none() && children.is_none() {
            return Err(ReachError::Table {
                file: file.into(),
                problems: vec![format!(
                    "line 1: no column of people: expected 'Einwohner', 'Insgesamt_Bevoelkerung' or 'Unter18' (found: {})",
                    headers.join(", ")
                )],
                total: 1,
            });
        }
        *people_column = people.map(|i| headers[i].clone());
        *children_column = children.map(|i| headers[i].clone());
        // the resolution from the column names (…_100m, …_1km, …_10km)
        let named = id.or(x).map(|i| headers[i].as_str()).unwrap_or("");
        *grid_cell_m = if named.ends_with("_10km") {
            10_000.0
        } else if named.ends_with("_1km") {
            1_000.0
        } else {
            100.0
        };
        let cell_m = *grid_cell_m;
        Ok(move |line: usize, r: &csv::StringRecord| {
            let cell = |i: usize| r.get(i).unwrap_or("").trim();
            let centre = match (x, y) {
                (Some(x), Some(y)) => match (metres(cell(x)), metres(cell(y))) {
                    (Some(e), Some(n)) => Some((e, n)),
                    _ => {
                        problems.add(line, format!("expected the cell centre in metres, found '{}' and '{}'", cell(x), cell(y)));
                        return;
                    }
                },
                _ => None,
            };
            let centre = match centre {
                Some(c) => c,
                None => match id.and_then(|i| inspire_centre(cell(i), cell_m)) {
                    Some(c) => c,
                    None => {
                        problems
                            .add(line, format!("'{}' is no INSPIRE grid id such as CRS3035RES100mN2689100E4337000", id.map_or("", cell)));
                        return;
                    }
                },
            };
            // Germany and its neighbours lie between about 2.6 and 3.7 million metres north and
            // 3.9 and 4.8 million east in EPSG:3035; anything else is another grid or a mix-up
            if !(1_000_000.0..=6_000_000.0).contains(&centre.1) || !(2_000_000.0..=7_000_000.0).contains(&centre.0) {
                problems.add(line, format!("the cell centre E {} N {} lies outside Europe's EPSG:3035 grid", centre.0, centre.1));
                return;
            }
            let count = |i: Option<usize>, name: &str, problems: &mut Problems| -> Option<f64> {
                let text = cell(i?);
                match text {
                    "" | "–" | "-" | "." | "x" | "X" | "/" => None,
                    _ => match crate::tables::number(text) {
                        Some(v) if v < 0.0 => None,
                        Some(v) => Some(v),
                        None => {
                            problems.add(line, format!("{name}: expected a count, found '{}'", kette_text::excerpt(text)));
                            None
                        }
                    },
                }
            };
            let people_count = count(people, "people", problems);
            let children_count = count(children, "children", problems);
            let at = laea_to_wgs84(centre.0, centre.1);
            if area.is_some_and(|[s, w, n, e]| at[0] < s || at[0] > n || at[1] < w || at[1] > e) {
                *outside_slot += 1;
                first_slot.get_or_insert(at);
                return;
            }
            let id_text = id.map(|i| cell(i).to_string()).unwrap_or_else(|| format!("E{}N{}", centre.0, centre.1));
            cells.push(CensusCell { id: id_text, line, at, people: people_count, children: children_count });
        })
    })?;
    problems.into_result()?;
    if grid.cells.is_empty() && outside == 0 {
        return Err(ReachError::Table { file: file.into(), problems: vec!["the table has no rows".into()], total: 1 });
    }
    Ok(CensusRead { grid, outside, first_outside })
}

/// A coordinate in metres (the census writes them as integers, sometimes with a decimal part).
fn metres(text: &str) -> Option<f64> {
    crate::tables::number(text)
}

/// The centre of the cell an INSPIRE id names: `CRS3035RES100mN2689100E4337000` gives the
/// lower-left corner in metres, the 2011 form `100mN26891E43370` in units of the cell.
fn inspire_centre(id: &str, cell_m: f64) -> Option<(f64, f64)> {
    let body = id.trim().strip_prefix("CRS3035RES").unwrap_or(id.trim());
    let (resolution, rest) = body.split_once('N')?;
    let (north, east) = rest.split_once('E')?;
    let size = match resolution {
        "100m" => 100.0,
        "1000m" | "1km" => 1_000.0,
        "10000m" | "10km" => 10_000.0,
        _ => cell_m,
    };
    let (n, e): (f64, f64) = (north.parse().ok()?, east.parse().ok()?);
    // 2011 ids count cells, 2022 ids metres: a northing below 100,000 cannot be metres here
    let (n, e) = if n < 100_000.0 { (n * size, e * size) } else { (n, e) };
    Some((e + size / 2.0, n + size / 2.0))
}

/// GRS80, the ellipsoid of ETRS89.
const A: f64 = 6_378_137.0;
const INVERSE_FLATTENING: f64 = 298.257_222_101;
/// EPSG:3035: centre 52° N 10° E, false easting 4,321,000 m, false northing 3,210,000 m.
const LAT0: f64 = 52.0;
const LON0: f64 = 10.0;
const FALSE_EASTING: f64 = 4_321_000.0;
const FALSE_NORTHING: f64 = 3_210_000.0;

struct Laea {
    e: f64,
    e2: f64,
    qp: f64,
    rq: f64,
    d: f64,
    sin_beta0: f64,
    cos_beta0: f64,
}

fn q(e: f64, sin_phi: f64) -> f64 {
    let e2 = e * e;
    (1.0 - e2) * (sin_phi / (1.0 - e2 * sin_phi * sin_phi) - (1.0 / (2.0 * e)) * ((1.0 - e * sin_phi) / (1.0 + e * sin_phi)).ln())
}

fn laea() -> Laea {
    let f = 1.0 / INVERSE_FLATTENING;
    let e2 = 2.0 * f - f * f;
    let e = e2.sqrt();
    let qp = q(e, 1.0);
    let phi0 = LAT0.to_radians();
    let beta0 = (q(e, phi0.sin()) / qp).asin();
    let rq = A * (qp / 2.0).sqrt();
    let d = A * (phi0.cos() / (1.0 - e2 * phi0.sin().powi(2)).sqrt()) / (rq * beta0.cos());
    Laea { e, e2, qp, rq, d, sin_beta0: beta0.sin(), cos_beta0: beta0.cos() }
}

/// (lat, lon) in degrees to (east, north) in EPSG:3035 metres (Lambert azimuthal equal-area on
/// GRS80, as the EPSG guidance note 7-2 states it).
pub fn wgs84_to_laea(lat: f64, lon: f64) -> (f64, f64) {
    let p = laea();
    let beta = (q(p.e, lat.to_radians().sin()) / p.qp).asin();
    let dl = (lon - LON0).to_radians();
    let b = p.rq * (2.0 / (1.0 + p.sin_beta0 * beta.sin() + p.cos_beta0 * beta.cos() * dl.cos())).sqrt();
    let east = FALSE_EASTING + b * p.d * beta.cos() * dl.sin();
    let north = FALSE_NORTHING + (b / p.d) * (p.cos_beta0 * beta.sin() - p.sin_beta0 * beta.cos() * dl.cos());
    (east, north)
}

/// (east, north) in EPSG:3035 metres to (lat, lon) in degrees; ETRS89 is taken as WGS 84 (they
/// differ by well under a metre, far less than a grid cell).
pub fn laea_to_wgs84(east: f64, north: f64) -> [f64; 2] {
    let p = laea();
    let (x, y) = (east - FALSE_EASTING, north - FALSE_NORTHING);
    let rho = ((x / p.d).powi(2) + (p.d * y).powi(2)).sqrt();
    if rho < 1e-9 {
        return [LAT0, LON0];
    }
    let c = 2.0 * (rho / (2.0 * p.rq)).asin();
    let beta = (c.cos() * p.sin_beta0 + p.d * y * c.sin() * p.cos_beta0 / rho).asin();
    let lon = LON0.to_radians() + (x * c.sin()).atan2(p.d * rho * p.cos_beta0 * c.cos() - p.d * p.d * y * p.sin_beta0 * c.sin());
    let (e2, e4, e6) = (p.e2, p.e2 * p.e2, p.e2 * p.e2 * p.e2);
    let lat = beta
        + (e2 / 3.0 + 31.0 * e4 / 180.0 + 517.0 * e6 / 5040.0) * (2.0 * beta).sin()
        + (23.0 * e4 / 360.0 + 251.0 * e6 / 3780.0) * (4.0 * beta).sin()
        + (761.0 * e6 / 45360.0) * (6.0 * beta).sin();
    [lat.to_degrees(), lon.to_degrees()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_gives_the_epsg_guidance_example_and_returns() {
        // EPSG guidance note 7-2, Lambert azimuthal equal-area (EPSG:3035): 50° N 5° E
        let (e, n) = wgs84_to_laea(50.0, 5.0);
        assert!((e - 3_962_799.45).abs() < 0.01 && (n - 2_999_718.85).abs() < 0.01, "{e} {n}");
        let [lat, lon] = laea_to_wgs84(3_962_799.45, 2_999_718.85);
        assert!((lat - 50.0).abs() < 1e-7 && (lon - 5.0).abs() < 1e-7, "the example's centimetres: {lat} {lon}");
        // Heidelberg's Bismarckplatz and back, to about a centimetre (the inverse series ends at
        // the sixth power of the eccentricity)
        let (e, n) = wgs84_to_laea(49.4094, 8.6930);
        let [lat, lon] = laea_to_wgs84(e, n);
        assert!((lat - 49.4094).abs() < 1e-7 && (lon - 8.6930).abs() < 1e-9, "{lat} {lon}");
        assert_eq!(laea_to_wgs84(FALSE_EASTING, FALSE_NORTHING), [52.0, 10.0]);
    }

    #[test]
    fn grid_ids_of_2022_and_2011_give_the_cell_centre() {
        assert_eq!(inspire_centre("CRS3035RES100mN2689100E4337000", 100.0), Some((4_337_050.0, 2_689_150.0)));
        assert_eq!(inspire_centre("100mN26891E43370", 100.0), Some((4_337_050.0, 2_689_150.0)));
        assert_eq!(inspire_centre("CRS3035RES1000mN2689000E4337000", 1_000.0), Some((4_337_500.0, 2_689_500.0)));
        assert_eq!(inspire_centre("Mitte", 100.0), None);
    }

    #[test]
    fn zensus_tables_are_read_with_their_secret_values_withheld() {
        let (e, n) = wgs84_to_laea(49.4094, 8.6930);
        let (ce, cn) = ((e / 100.0).floor() * 100.0, (n / 100.0).floor() * 100.0);
        // the 2022 age table: semicolons, centres and ids, a secret cell
        let table = format!(
            "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18;a18bis29\n\
             CRS3035RES100mN{cn}E{ce};{};{};120;24;30\n\
             CRS3035RES100mN{}E{ce};{};{};7;–;–\n",
            ce + 50.0,
            cn + 50.0,
            cn + 100.0,
            ce + 50.0,
            cn + 150.0,
        );
        let grid = read_census_grid("alter.csv", table.as_bytes()).unwrap();
        assert!(is_census_grid(table.as_bytes()));
        assert_eq!((grid.people_column.as_deref(), grid.children_column.as_deref()), (Some("insgesamt_bevoelkerung"), Some("unter18")));
        assert_eq!(grid.cells.len(), 2);
        let first = &grid.cells[0];
        assert!(crate::haversine_m(first.at, [49.4094, 8.6930]) < 71.0, "the centre of the cell holding the point: {:?}", first.at);
        assert_eq!((grid.weight(first), grid.weight(&grid.cells[1])), (Some(24.0), None));
        assert_eq!(grid.withheld(), 1);
        // the 2011 population table: ids only, -1 for secret
        let old = "Gitter_ID_100m,Einwohner\n100mN26891E43370,12\n100mN26892E43370,-1\n";
        let grid = read_census_grid("zensus2011.csv", old.as_bytes()).unwrap();
        assert_eq!((grid.cells[0].people, grid.cells[1].people, grid.children_column.as_deref()), (Some(12.0), None, None));
        assert_eq!(grid.weight(&grid.cells[0]), Some(12.0));
        assert!(!is_census_grid(b"lat,lon,weight\n49.4,8.7,1\n"));
    }

    #[test]
    fn cells_outside_the_area_are_counted_not_kept_but_still_checked() {
        let row = |lat: f64, lon: f64, people: &str| {
            let (e, n) = wgs84_to_laea(lat, lon);
            format!("{};{};{people}\n", (e / 100.0).floor() * 100.0 + 50.0, (n / 100.0).floor() * 100.0 + 50.0)
        };
        let heidelberg = [49.35, 8.57, 49.46, 8.80];
        let table =
            format!("x_mp_100m;y_mp_100m;Einwohner\n{}{}{}", row(49.41, 8.69, "12"), row(52.52, 13.40, "40"), row(48.14, 11.58, "7"));
        let read = read_census_grid_within("de.csv", table.as_bytes(), Some(heidelberg)).unwrap();
        assert_eq!((read.grid.cells.len(), read.outside), (1, 2));
        assert!(crate::haversine_m(read.first_outside.unwrap(), [52.52, 13.40]) < 100.0);
        // a broken row outside the area still refuses the file
        let broken = format!("{table}{}", row(52.0, 13.0, "viele"));
        assert!(read_census_grid_within("de.csv", broken.as_bytes(), Some(heidelberg)).is_err());
        // nothing in the area is not an error here: the caller says where the cells were
        let read = read_census_grid_within("de.csv", table.as_bytes(), Some([10.0, 10.0, 11.0, 11.0])).unwrap();
        assert_eq!((read.grid.cells.len(), read.outside), (0, 3));
    }

    #[test]
    fn a_broken_census_table_is_refused_with_every_line_named() {
        let err = read_census_grid("z.csv", b"GITTER_ID_100m;Wohnungen\nCRS3035RES100mN2689100E4337000;4\n").unwrap_err().to_string();
        assert!(err.contains("z.csv") && err.contains("no column of people"), "{err}");
        let err = read_census_grid("z.csv", b"id;Einwohner\n1;4\n").unwrap_err().to_string();
        assert!(err.contains("no census grid"), "{err}");
        let bad = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner\n\
                   a;4337050;2689150;viele\n\
                   b;43370;26891;3\n\
                   c;Nord;2689150;3\n";
        let err = read_census_grid("z.csv", bad.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("line 2: people: expected a count, found 'viele'"), "{err}");
        assert!(err.contains("line 3: the cell centre E 43370 N 26891 lies outside"), "{err}");
        assert!(err.contains("line 4: expected the cell centre in metres"), "{err}");
        assert!(err.contains("3 problem(s)"), "{err}");
    }
}
