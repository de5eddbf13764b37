//! Berlin's boroughs as a shapefile in ETRS89/UTM 33N (made with GDAL from the GeoJSON) come
//! back in WGS84 matching the original.

use std::path::Path;

use kette_ingest::geojson_districts::{parse, DistrictFileSpec};
use kette_ingest::shapefile::{self, ShapefileParts};

fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)).unwrap()
}

#[test]
fn a_utm_shapefile_matches_the_wgs84_original() {
    let (shp, dbf) = (bytes("data/berlin/derived/bezirke-25833.shp"), bytes("data/berlin/derived/bezirke-25833.dbf"));
    let prj = String::from_utf8(bytes("data/berlin/derived/bezirke-25833.prj")).unwrap();
    let cpg = String::from_utf8(bytes("data/berlin/derived/bezirke-25833.cpg")).unwrap();
    let parts = ShapefileParts { name: "bezirke-25833.shp", shp: &shp, dbf: &dbf, prj: Some(&prj), cpg: Some(&cpg) };
    let from_shp = shapefile::parse(&parts, &DistrictFileSpec::default(), None).unwrap();
    // compare with the area computed from the original geometry, not its published "area" property
    let text =
        String::from_utf8(bytes("data/berlin/geo/berlin-lor-districts.geojson")).unwrap().replace("\"area\":", "\"published_area\":");
    let original = parse("districts.geojson", &text, &DistrictFileSpec::default()).unwrap();
    assert_eq!(from_shp.len(), 12);
    for d in &from_shp {
        let o = original.iter().find(|o| o.key == d.key).unwrap_or_else(|| panic!("{}", d.key));
        assert_eq!(d.name, o.name, "umlauts from the Windows-1252 .dbf");
        let (a, b) = (d.bbox.unwrap(), o.bbox.unwrap());
        for i in 0..4 {
            assert!((a[i] - b[i]).abs() < 2e-4, "{} bbox {a:?} vs {b:?}", d.key);
        }
        let (area, reference) = (d.area_m2.unwrap(), o.area_m2.unwrap());
        assert!((area / reference - 1.0).abs() < 0.01, "{}: {area} vs {reference}", d.key);
    }
    assert!(from_shp.iter().any(|d| d.name == "Treptow-Köpenick"));
    // without a .prj and without --crs the coordinate system is unknown: said clearly
    let bare = ShapefileParts { prj: None, ..parts };
    let err = shapefile::parse(&bare, &DistrictFileSpec::default(), None).unwrap_err().to_string();
    assert!(err.contains("unknown coordinate system"), "{err}");
}
