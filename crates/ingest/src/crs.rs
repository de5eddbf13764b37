//! Coordinate reference systems German statistics offices deliver boundaries in, and the
//! inverse projections back to WGS84 longitude/latitude: ETRS89 / UTM zones 32N and 33N
//! (EPSG:25832, 25833) and ETRS89-LAEA Europe (EPSG:3035). ETRS89 and WGS84 are taken as equal
//! (they differ by well under a metre, below the precision of district boundaries).
//! Formulas: Krüger series for the transverse Mercator, EPSG Guidance Note 7-2 for LAEA.

/// GRS80 ellipsoid
const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_222_101;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    Wgs84,
    Utm32,
    Utm33,
    Laea3035,
}

impl Crs {
    pub fn from_epsg(code: u32) -> Option<Crs> {
        match code {
            4326 | 4258 => Some(Crs::Wgs84),
            25832 => Some(Crs::Utm32),
            25833 => Some(Crs::Utm33),
            3035 => Some(Crs::Laea3035),
            _ => None,
        }
    }

    /// Recognises the CRS of an ESRI .prj (WKT) file.
    pub fn from_wkt(wkt: &str) -> Option<Crs> {
        let w = wkt.to_uppercase().replace([' ', '-'], "_");
        if w.contains("UTM_ZONE_32N") || w.contains("UTM_ZONE_32_N") || w.contains("25832") {
            Some(Crs::Utm32)
        } else if w.contains("UTM_ZONE_33N") || w.contains("UTM_ZONE_33_N") || w.contains("25833") {
            Some(Crs::Utm33)
        } else if w.contains("LAEA") || w.contains("LAMBERT_AZIMUTHAL_EQUAL_AREA") || w.contains("3035") {
            Some(Crs::Laea3035)
        } else if w.starts_with("GEOGCS")
            && (w.contains("WGS_1984") || w.contains("WGS_84") || w.contains("ETRS_1989") || w.contains("ETRS89"))
        {
            Some(Crs::Wgs84)
        } else {
            None
        }
    }

    /// (x, y) in this CRS → (lon, lat) in degrees.
    pub fn to_wgs84(self, x: f64, y: f64) -> (f64, f64) {
        match self {
            Crs::Wgs84 => (x, y),
            Crs::Utm32 => utm_inverse(x, y, 9.0),
            Crs::Utm33 => utm_inverse(x, y, 15.0),
            Crs::Laea3035 => laea_inverse(x, y),
        }
    }
}

fn utm_inverse(easting: f64, northing: f64, lon0: f64) -> (f64, f64) {
    let k0 = 0.9996;
    let n = F / (2.0 - F);
    let (n2, n3) = (n * n, n * n * n);
    let a_rect = A / (1.0 + n) * (1.0 + n2 / 4.0 + n2 * n2 / 64.0);
    let beta = [n / 2.0 - 2.0 / 3.0 * n2 + 37.0 / 96.0 * n3, n2 / 48.0 + n3 / 15.0, 17.0 / 480.0 * n3];
    let delta = [2.0 * n - 2.0 / 3.0 * n2 - 2.0 * n3, 7.0 / 3.0 * n2 - 8.0 / 5.0 * n3, 56.0 / 15.0 * n3];
    let xi = northing / (k0 * a_rect);
    let eta = (easting - 500_000.0) / (k0 * a_rect);
    let mut xi_p = xi;
    let mut eta_p = eta;
    for (j, b) in beta.iter().enumerate() {
        let k = 2.0 * (j as f64 + 1.0);
        xi_p -= b * (k * xi).sin() * (k * eta).cosh();
        eta_p -= b * (k * xi).cos() * (k * eta).sinh();
    }
    let chi = (xi_p.sin() / eta_p.cosh()).asin();
    let mut phi = chi;
    for (j, d) in delta.iter().enumerate() {
        phi += d * (2.0 * (j as f64 + 1.0) * chi).sin();
    }
    let lambda = lon0.to_radians() + (eta_p.sinh() / xi_p.cos()).atan();
    (lambda.to_degrees(), phi.to_degrees())
}

fn laea_inverse(easting: f64, northing: f64) -> (f64, f64) {
    let (lat0, lon0, fe, fn_) = (52f64.to_radians(), 10f64.to_radians(), 4_321_000.0, 3_210_000.0);
    let e2 = 2.0 * F - F * F;
    let e = e2.sqrt();
    let q = |phi: f64| {
        let s = phi.sin();
        (1.0 - e2) * (s / (1.0 - e2 * s * s) - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
    };
    let qp = q(std::f64::consts::FRAC_PI_2);
    let q0 = q(lat0);
    let beta0 = (q0 / qp).asin();
    let rq = A * (qp / 2.0).sqrt();
    let d = A * (lat0.cos() / (1.0 - e2 * lat0.sin().powi(2)).sqrt()) / (rq * beta0.cos());
    let (x, y) = (easting - fe, northing - fn_);
    let rho = ((x / d).powi(2) + (d * y).powi(2)).sqrt();
    if rho == 0.0 {
        return (lon0.to_degrees(), lat0.to_degrees());
    }
    let c = 2.0 * (rho / (2.0 * rq)).asin();
    let beta_p = (c.cos() * beta0.sin() + (d * y * c.sin() * beta0.cos()) / rho).asin();
    let lambda = lon0 + (x * c.sin()).atan2(d * rho * beta0.cos() * c.cos() - d * d * y * beta0.sin() * c.sin());
    let (e4, e6) = (e2 * e2, e2 * e2 * e2);
    let phi = beta_p
        + (e2 / 3.0 + 31.0 * e4 / 180.0 + 517.0 * e6 / 5040.0) * (2.0 * beta_p).sin()
        + (23.0 * e4 / 360.0 + 251.0 * e6 / 3780.0) * (4.0 * beta_p).sin()
        + (761.0 * e6 / 45360.0) * (6.0 * beta_p).sin();
    (lambda.to_degrees(), phi.to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference coordinates computed with PROJ (gdaltransform) for Berlin, Cologne and Frankfurt.
    fn close((lon, lat): (f64, f64), (elon, elat): (f64, f64)) -> bool {
        // 1e-7° is about a centimetre
        (lon - elon).abs() < 1e-7 && (lat - elat).abs() < 1e-7
    }

    #[test]
    fn utm_zones_32_and_33_invert_to_wgs84() {
        assert!(
            close(Crs::Utm33.to_wgs84(391779.259251629, 5820072.15908708), (13.4050, 52.5200)),
            "{:?}",
            Crs::Utm33.to_wgs84(391779.259251629, 5820072.15908708)
        );
        assert!(close(Crs::Utm32.to_wgs84(352936.02260208, 5661930.86589984), (6.9000, 51.0900)));
        assert!(close(Crs::Utm32.to_wgs84(477269.508393787, 5551009.57481564), (8.6821, 50.1109)));
        assert!(
            close(Crs::Utm32.to_wgs84(798812.802574413, 5827999.899986), (13.4050, 52.5200)),
            "{:?}",
            Crs::Utm32.to_wgs84(798812.802574413, 5827999.899986)
        );
    }

    #[test]
    fn laea_europe_inverts_to_wgs84() {
        assert!(
            close(Crs::Laea3035.to_wgs84(4552036.45015454, 3273268.27356806), (13.4050, 52.5200)),
            "{:?}",
            Crs::Laea3035.to_wgs84(4552036.45015454, 3273268.27356806)
        );
        assert!(close(Crs::Laea3035.to_wgs84(4103880.43018445, 3113358.20554306), (6.9000, 51.0900)));
        assert!(close(Crs::Laea3035.to_wgs84(4226726.10164877, 3000691.39241581), (8.6821, 50.1109)));
    }

    #[test]
    fn recognises_prj_files_and_epsg_codes() {
        assert_eq!(Crs::from_wkt(r#"PROJCS["ETRS_1989_UTM_Zone_33N",GEOGCS["GCS_ETRS_1989"]]"#), Some(Crs::Utm33));
        assert_eq!(Crs::from_wkt(r#"PROJCS["ETRS89 / UTM zone 32N",AUTHORITY["EPSG","25832"]]"#), Some(Crs::Utm32));
        assert_eq!(Crs::from_wkt(r#"PROJCS["ETRS89-extended / LAEA Europe"]"#), Some(Crs::Laea3035));
        assert_eq!(Crs::from_wkt(r#"GEOGCS["GCS_WGS_1984"]"#), Some(Crs::Wgs84));
        assert_eq!(Crs::from_wkt(r#"PROJCS["DHDN_3_Degree_Gauss_Zone_4"]"#), None);
        assert_eq!(Crs::from_epsg(31468), None);
    }
}
