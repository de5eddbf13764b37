//! Distances on the earth and a local flat projection for nearest-segment questions.

/// Mean earth radius (IUGG), metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance between two (lat, lon) points in metres.
pub fn haversine_m(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (la1, la2) = (a[0].to_radians(), b[0].to_radians());
    let dlat = la2 - la1;
    let dlon = (b[1] - a[1]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// An equirectangular projection around a reference latitude: metres east and north. Within a
/// city (tens of kilometres) it is off by well under one percent, which is enough to find the
/// nearest street; the distances reported are measured along the street itself.
#[derive(Clone, Copy, Debug)]
pub struct LocalProjection {
    east_per_degree: f64,
    north_per_degree: f64,
}

impl LocalProjection {
    pub fn around(lat: f64) -> LocalProjection {
        let north = EARTH_RADIUS_M * std::f64::consts::PI / 180.0;
        LocalProjection { east_per_degree: north * lat.to_radians().cos(), north_per_degree: north }
    }

    pub fn project(&self, p: [f64; 2]) -> [f64; 2] {
        [p[1] * self.east_per_degree, p[0] * self.north_per_degree]
    }

    /// Back to (lat, lon).
    pub fn unproject(&self, xy: [f64; 2]) -> [f64; 2] {
        [xy[1] / self.north_per_degree, xy[0] / self.east_per_degree]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_is_about_111_km_and_heidelberg_to_mannheim_about_18_km() {
        assert!((haversine_m([49.0, 8.0], [50.0, 8.0]) - 111_195.0).abs() < 1.0);
        let d = haversine_m([49.4094, 8.6942], [49.4875, 8.4660]);
        assert!((d - 18_660.0).abs() < 200.0, "{d}");
    }

    #[test]
    fn the_local_projection_agrees_with_the_great_circle_within_a_city() {
        let p = LocalProjection::around(49.4);
        let (a, b) = ([49.40, 8.65], [49.43, 8.72]);
        let (pa, pb) = (p.project(a), p.project(b));
        let flat = ((pa[0] - pb[0]).powi(2) + (pa[1] - pb[1]).powi(2)).sqrt();
        assert!((flat / haversine_m(a, b) - 1.0).abs() < 0.002);
    }
}
