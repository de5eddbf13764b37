//! GeoPackage export (OGC 12-128r15): a SQLite file with a feature table that QGIS and GDAL
//! open directly. Geometries are written as GeoPackage binary (header with envelope, then
//! little-endian WKB MultiPolygon in EPSG:4326).

use sqlx::{AnyPool, Executor};

use crate::{Result, StoreError};

/// One feature: (Multi)Polygon rings in lon/lat and its attributes.
pub struct GpkgFeature {
    /// polygons → rings → points (lon, lat)
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
    pub text: Vec<(String, String)>,
    pub numbers: Vec<(String, Option<f64>)>,
}

/// GeoPackage binary of a MultiPolygon: "GP", version 0, flags (envelope [minx,maxx,miny,maxy],
/// little endian), srs id, envelope, then WKB.
pub fn gpkg_geometry(polygons: &[Vec<Vec<(f64, f64)>>]) -> Vec<u8> {
    let pts = polygons.iter().flatten().flatten();
    let (mut minx, mut maxx, mut miny, mut maxy) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in pts {
        minx = minx.min(x);
        maxx = maxx.max(x);
        miny = miny.min(y);
        maxy = maxy.max(y);
    }
    let mut b = Vec::new();
    b.extend_from_slice(b"GP");
    b.push(0);
    b.push(0b0000_0011);
    b.extend_from_slice(&4326i32.to_le_bytes());
    for v in [minx, maxx, miny, maxy] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.push(1);
    b.extend_from_slice(&6u32.to_le_bytes());
    b.extend_from_slice(&(polygons.len() as u32).to_le_bytes());
    for poly in polygons {
        b.push(1);
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(&(poly.len() as u32).to_le_bytes());
        for ring in poly {
            b.extend_from_slice(&(ring.len() as u32).to_le_bytes());
            for &(x, y) in ring {
                b.extend_from_slice(&x.to_le_bytes());
                b.extend_from_slice(&y.to_le_bytes());
            }
        }
    }
    b
}

fn ident(name: &str) -> Result<String> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(StoreError::Conflict(format!("'{name}' is not a valid GeoPackage column or table name")));
    }
    Ok(format!("\"{name}\""))
}

/// Writes `features` as table `table` into a new GeoPackage at `path` and returns its bytes.
pub async fn write_geopackage(path: &std::path::Path, table: &str, description: &str, features: &[GpkgFeature]) -> Result<Vec<u8>> {
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let pool = AnyPool::connect(&url).await?;
    let t = ident(table)?;
    let first = features.first();
    let mut columns = String::new();
    if let Some(f) = first {
        for (name, _) in &f.text {
            columns.push_str(&format!(", {} TEXT", ident(name)?));
        }
        for (name, _) in &f.numbers {
            columns.push_str(&format!(", {} DOUBLE", ident(name)?));
        }
    }
    let (mut minx, mut maxx, mut miny, mut maxy) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in features.iter().flat_map(|f| f.polygons.iter().flatten().flatten()) {
        minx = minx.min(*x);
        maxx = maxx.max(*x);
        miny = miny.min(*y);
        maxy = maxy.max(*y);
    }
    let mut tx = pool.begin().await?;
    tx.execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10200;").await?;
    tx.execute(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
           organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
         INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
         INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
         INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326,
           'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]',
           'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
         CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
           last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
           srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
         CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
           srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));",
    )
    .await?;
    tx.execute(format!("CREATE TABLE {t} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON{columns})").as_str()).await?;
    sqlx::query("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES ($1, 'features', $1, $2, $3, $4, $5, $6, 4326)")
        .bind(table)
        .bind(description)
        .bind(minx)
        .bind(miny)
        .bind(maxx)
        .bind(maxy)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO gpkg_geometry_columns VALUES ($1, 'geom', 'MULTIPOLYGON', 4326, 0, 0)").bind(table).execute(&mut *tx).await?;
    for f in features {
        let names: Vec<String> =
            f.text.iter().map(|(n, _)| ident(n)).chain(f.numbers.iter().map(|(n, _)| ident(n))).collect::<Result<_>>()?;
        let sql = format!(
            "INSERT INTO {t} (geom{}) VALUES ({})",
            names.iter().map(|n| format!(", {n}")).collect::<String>(),
            crate::util::placeholders(1, names.len() + 1)
        );
        let mut q = sqlx::query(&sql).bind(gpkg_geometry(&f.polygons));
        for (_, v) in &f.text {
            q = q.bind(v.as_str());
        }
        for (_, v) in &f.numbers {
            q = q.bind(*v);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    pool.close().await;
    std::fs::read(path).map_err(|e| StoreError::Conflict(format!("cannot read the GeoPackage back: {e}")))
}

/// A feature table read from a GeoPackage: attributes as text and the geometry blobs.
pub struct GpkgLayer {
    pub table: String,
    /// EPSG code of the layer's coordinate system, if the file names one.
    pub epsg: Option<u32>,
    pub rows: Vec<(Vec<(String, String)>, Vec<u8>)>,
}

/// Reads a feature table (`layer`, or the first one) of a GeoPackage file.
pub async fn read_layer(path: &std::path::Path, layer: Option<&str>) -> Result<GpkgLayer> {
    use sqlx::{Column, Row};
    sqlx::any::install_default_drivers();
    if !path.exists() {
        return Err(StoreError::NotFound(format!("file {}", path.display())));
    }
    let pool = AnyPool::connect(&format!("sqlite://{}?mode=ro", path.display())).await?;
    let layers = sqlx::query(
        "SELECT g.table_name, g.column_name, s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g
         LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id ORDER BY g.table_name",
    )
    .fetch_all(&pool)
    .await
    .map_err(|_| StoreError::Conflict(format!("{}: not a GeoPackage (no gpkg_geometry_columns table)", path.display())))?;
    let mut found = None;
    for r in &layers {
        let table: String = r.try_get("table_name")?;
        if layer.is_none_or(|l| l == table) {
            found = Some((
                table,
                r.try_get::<String, _>("column_name")?,
                r.try_get::<Option<String>, _>("organization")?,
                r.try_get::<Option<i64>, _>("organization_coordsys_id")?,
            ));
            break;
        }
    }
    let names: Vec<String> = layers.iter().filter_map(|r| r.try_get::<String, _>("table_name").ok()).collect();
    let Some((table, geom, org, code)) = found else {
        return Err(StoreError::NotFound(format!("layer {} in {} (layers: {})", layer.unwrap_or("?"), path.display(), names.join(", "))));
    };
    let epsg = match org.as_deref().map(str::to_uppercase).as_deref() {
        Some("EPSG") => code.and_then(|c| u32::try_from(c).ok()),
        _ => None,
    };
    let rows = sqlx::query(&format!("SELECT * FROM {}", ident(&table)?)).fetch_all(&pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let mut attrs = vec![];
        let mut blob = vec![];
        for (i, c) in r.columns().iter().enumerate() {
            let name = c.name().to_string();
            if name == geom {
                blob = r.try_get::<Option<Vec<u8>>, _>(i)?.unwrap_or_default();
                continue;
            }
            let text = r
                .try_get::<Option<String>, _>(i)
                .ok()
                .flatten()
                .or_else(|| r.try_get::<Option<i64>, _>(i).ok().flatten().map(|v| v.to_string()))
                .or_else(|| r.try_get::<Option<f64>, _>(i).ok().flatten().map(|v| v.to_string()))
                .unwrap_or_default();
            attrs.push((name, text));
        }
        out.push((attrs, blob));
    }
    pool.close().await;
    Ok(GpkgLayer { table, epsg, rows: out })
}
