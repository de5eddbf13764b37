//! Which OpenStreetMap ways a traveller may use, and in which direction.
//!
//! A profile is data, not code: the two shipped ones (`walking`, `cycling`) are written in TOML
//! below and a municipality may pass its own file with the same fields. The rules follow the
//! OpenStreetMap wiki's access tagging: a way is usable when its `highway` value is listed, no
//! exclusion matches and neither the general `access` nor the mode's own key forbids it; the
//! mode's own key (`foot`, `bicycle`) wins over `access`, and a way listed under
//! `only_when_permitted` (a footway for cyclists) needs the mode's key to permit it.

use serde::Deserialize;

use crate::ReachError;

/// Direction a way may be travelled in, relative to its node order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    No,
    Both,
    Forward,
    Backward,
}

impl Access {
    pub fn forward(self) -> bool {
        matches!(self, Access::Both | Access::Forward)
    }
    pub fn backward(self) -> bool {
        matches!(self, Access::Both | Access::Backward)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    /// Travel speed when the caller gives none, km/h.
    pub speed_kmh: f64,
    /// The mode's own access key (`foot`, `bicycle`).
    pub mode_key: String,
    /// `highway` values the mode may use unless a tag forbids it.
    pub highways: Vec<String>,
    /// `highway` values the mode may use only when its key says yes, designated or permissive.
    #[serde(default)]
    pub only_when_permitted: Vec<String>,
    /// `key=value` pairs that exclude a way (e.g. `motorroad=yes`: no pedestrians on a
    /// Kraftfahrstraße).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Whether `oneway` binds the mode (cyclists, unless `oneway:bicycle=no`); pedestrians walk
    /// both ways.
    #[serde(default)]
    pub oneway: bool,
}

const WALKING: &str = r#"
name = "walking"
speed_kmh = 4.8
mode_key = "foot"
highways = ["footway", "pedestrian", "path", "steps", "living_street", "residential", "service",
            "unclassified", "road", "track", "tertiary", "tertiary_link", "secondary",
            "secondary_link", "primary", "primary_link", "trunk", "trunk_link", "bridleway",
            "corridor", "crossing", "platform"]
only_when_permitted = ["cycleway"]
exclude = ["motorroad=yes"]
oneway = false
"#;

const CYCLING: &str = r#"
name = "cycling"
speed_kmh = 15.0
mode_key = "bicycle"
highways = ["cycleway", "path", "track", "living_street", "residential", "service",
            "unclassified", "road", "tertiary", "tertiary_link", "secondary", "secondary_link",
            "primary", "primary_link"]
only_when_permitted = ["footway", "pedestrian", "bridleway", "trunk", "trunk_link"]
exclude = ["motorroad=yes"]
oneway = true
"#;

impl Profile {
    pub fn walking() -> Profile {
        toml::from_str(WALKING).expect("the shipped walking profile parses")
    }

    pub fn cycling() -> Profile {
        toml::from_str(CYCLING).expect("the shipped cycling profile parses")
    }

    /// `walking`, `cycling`, or the text of a profile file (its name for messages).
    pub fn named_or_toml(name: &str, text: Option<&str>) -> Result<Profile, ReachError> {
        match (name, text) {
            ("walking", None) => Ok(Profile::walking()),
            ("cycling", None) => Ok(Profile::cycling()),
            (_, Some(text)) => {
                let p: Profile = toml::from_str(text).map_err(|e| ReachError::Profile { file: name.to_string(), detail: e.to_string() })?;
                if !(p.speed_kmh > 0.0 && p.speed_kmh.is_finite()) {
                    return Err(ReachError::Profile { file: name.to_string(), detail: "speed_kmh must be a positive number".into() });
                }
                Ok(p)
            }
            (other, None) => Err(ReachError::Profile {
                file: other.to_string(),
                detail: "expected 'walking', 'cycling' or a profile file (.toml)".into(),
            }),
        }
    }

    /// How the mode may use a way with these tags.
    pub fn access<'a>(&self, tags: &[(&'a str, &'a str)]) -> Access {
        let tag = |k: &str| tags.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
        let Some(highway) = tag("highway") else { return Access::No };
        let permits = |v: Option<&str>| matches!(v, Some("yes" | "designated" | "permissive" | "official"));
        let forbids = |v: Option<&str>| matches!(v, Some("no" | "private" | "use_sidepath" | "discouraged"));
        let own = tag(&self.mode_key);
        let listed = self.highways.iter().any(|h| h == highway);
        let conditional = self.only_when_permitted.iter().any(|h| h == highway);
        if !(listed || (conditional && permits(own))) {
            return Access::No;
        }
        for rule in &self.exclude {
            let (k, v) = rule.split_once('=').unwrap_or((rule, "*"));
            if tag(k).is_some_and(|actual| v == "*" || actual == v) {
                return Access::No;
            }
        }
        if forbids(own) || (!permits(own) && forbids(tag("access"))) {
            return Access::No;
        }
        if !self.oneway {
            return Access::Both;
        }
        let mode_oneway = tag(&format!("oneway:{}", self.mode_key));
        let oneway = match mode_oneway.or_else(|| tag("oneway")) {
            Some("yes" | "true" | "1") => Access::Forward,
            Some("-1" | "reverse") => Access::Backward,
            Some(_) => Access::Both,
            None if tag("junction").is_some_and(|j| j == "roundabout" || j == "circular") => Access::Forward,
            None => Access::Both,
        };
        // contraflow cycling on one-way streets ("Radfahrer frei")
        if mode_oneway.is_none() && tag("cycleway").is_some_and(|c| c.starts_with("opposite")) {
            return Access::Both;
        }
        oneway
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pedestrians_may_walk_residential_streets_both_ways_but_not_private_ones_or_motorroads() {
        let w = Profile::walking();
        assert_eq!(w.access(&[("highway", "residential"), ("oneway", "yes")]), Access::Both);
        assert_eq!(w.access(&[("highway", "service"), ("access", "private")]), Access::No);
        assert_eq!(w.access(&[("highway", "service"), ("access", "private"), ("foot", "yes")]), Access::Both);
        assert_eq!(w.access(&[("highway", "primary"), ("motorroad", "yes")]), Access::No);
        assert_eq!(w.access(&[("highway", "motorway")]), Access::No);
        assert_eq!(w.access(&[("highway", "cycleway")]), Access::No);
        assert_eq!(w.access(&[("highway", "cycleway"), ("foot", "designated")]), Access::Both);
        assert_eq!(w.access(&[("highway", "footway"), ("foot", "no")]), Access::No);
        assert_eq!(w.access(&[("building", "yes")]), Access::No);
    }

    #[test]
    fn cyclists_respect_one_way_streets_unless_opened_for_them() {
        let c = Profile::cycling();
        assert_eq!(c.access(&[("highway", "residential"), ("oneway", "yes")]), Access::Forward);
        assert_eq!(c.access(&[("highway", "residential"), ("oneway", "-1")]), Access::Backward);
        assert_eq!(c.access(&[("highway", "residential"), ("oneway", "yes"), ("oneway:bicycle", "no")]), Access::Both);
        assert_eq!(c.access(&[("highway", "residential"), ("oneway", "yes"), ("cycleway", "opposite_lane")]), Access::Both);
        assert_eq!(c.access(&[("highway", "tertiary"), ("junction", "roundabout")]), Access::Forward);
        assert_eq!(c.access(&[("highway", "footway")]), Access::No);
        assert_eq!(c.access(&[("highway", "footway"), ("bicycle", "yes")]), Access::Both);
        assert_eq!(c.access(&[("highway", "steps")]), Access::No);
    }

    #[test]
    fn a_profile_file_is_checked_and_named_in_its_error() {
        let err = Profile::named_or_toml("mine.toml", Some("name = 'x'\nspeed_kmh = 0\nmode_key='foot'\nhighways=[]")).unwrap_err();
        assert!(err.to_string().contains("mine.toml"), "{err}");
        let err = Profile::named_or_toml("mine.toml", Some("name = 'x'\nspeed = 4")).unwrap_err();
        assert!(err.to_string().contains("mine.toml"), "{err}");
        assert!(Profile::named_or_toml("wheelchair", None).is_err());
    }
}
