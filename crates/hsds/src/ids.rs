//! UUIDs for HSDS: kept from an import, else derived from the municipality and local id.
//!
//! Derived identifiers of the main records (organization, service, location,
//! service_at_location) carry the local id in their last twelve hexadecimal digits behind a
//! prefix hashed from municipality and kind, so `/services/{id}` finds its offer without a
//! lookup table: `hhhhhhhh-hhhh-8hhh-Vhhh-IIIIIIIIIIII` (UUID version 8, "custom"). A
//! service_at_location keeps the location id in the third and fourth group:
//! `hhhhhhhh-hhhh-8LLL-VLLL-OOOOOOOOOOOO`. Sub-records (phones, attributes …) get hashed
//! identifiers.

use sha2::{Digest, Sha256};

/// Derives identifiers within one municipality (its slug is the namespace).
#[derive(Debug, Clone)]
pub struct Ids {
    namespace: String,
}

const MAX_LOCAL: i64 = 0xFFFF_FFFF_FFFF;
const MAX_LOCATION: i64 = (1 << 26) - 1;

impl Ids {
    pub fn new(namespace: &str) -> Self {
        Ids { namespace: namespace.to_string() }
    }

    fn hash(&self, kind: &str, name: &str) -> [u8; 16] {
        let digest = Sha256::digest(format!("kette:{}:{kind}:{name}", self.namespace).as_bytes());
        let mut b = [0u8; 16];
        b.copy_from_slice(&digest[..16]);
        b
    }

    fn format(b: [u8; 16]) -> String {
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
    }

    /// The record's own UUID when its external key is one (it came from HSDS), else the
    /// derived one that encodes `local`.
    pub fn id(&self, kind: &str, local: i64, external_key: Option<&str>) -> String {
        match external_key {
            Some(k) if is_uuid(k) => k.to_ascii_lowercase(),
            _ => self.encoded(kind, local, 0),
        }
    }

    fn encoded(&self, kind: &str, local: i64, extra: i64) -> String {
        let mut b = self.hash(kind, "");
        let local = (local.clamp(0, MAX_LOCAL)) as u64;
        let extra = (extra.clamp(0, MAX_LOCATION)) as u64;
        // version 8 with 12 bits of `extra`, variant with 14 more
        b[6] = 0x80 | ((extra >> 22) & 0x0f) as u8;
        b[7] = ((extra >> 14) & 0xff) as u8;
        b[8] = 0x80 | ((extra >> 8) & 0x3f) as u8;
        b[9] = (extra & 0xff) as u8;
        if extra == 0 {
            // keep the namespace bits where nothing is encoded
            let h = self.hash(kind, "");
            b[6] = 0x80 | (h[6] & 0x0f);
            b[7] = h[7];
            b[8] = 0x80 | (h[8] & 0x3f);
            b[9] = h[9];
        }
        for (i, byte) in local.to_be_bytes()[2..].iter().enumerate() {
            b[10 + i] = *byte;
        }
        Self::format(b)
    }

    /// The local id a derived identifier of this kind encodes.
    pub fn local(&self, kind: &str, uuid: &str) -> Option<i64> {
        let uuid = uuid.to_ascii_lowercase();
        if !is_uuid(&uuid) {
            return None;
        }
        let prefix = self.encoded(kind, 0, 0);
        if uuid[..13] != prefix[..13] || uuid[..23] != prefix[..23] && kind != "service_at_location" {
            return None;
        }
        i64::from_str_radix(&uuid[24..], 16).ok()
    }

    pub fn service_at_location(&self, offer: i64, location: i64) -> String {
        self.encoded("service_at_location", offer, location)
    }

    /// (offer, location) of a derived service_at_location identifier.
    pub fn service_at_location_parts(&self, uuid: &str) -> Option<(i64, i64)> {
        let offer = self.local("service_at_location", uuid)?;
        let hex: String = uuid[14..23].chars().filter(|c| *c != '-').collect();
        let v = u64::from_str_radix(&hex, 16).ok()?;
        // 8LLL VLLL: drop the version nibble and the variant bits
        let high = (v >> 16) & 0x0fff;
        let low = v & 0x3fff;
        Some((offer, ((high << 14) | low) as i64))
    }

    /// A hashed identifier for sub-records: the same input, the same identifier.
    pub fn derived(&self, kind: &str, name: &str) -> String {
        let mut b = self.hash(kind, name);
        b[6] = (b[6] & 0x0f) | 0x50;
        b[8] = (b[8] & 0x3f) | 0x80;
        Self::format(b)
    }
}

/// 8-4-4-4-12 hexadecimal digits.
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5 && [8, 4, 4, 4, 12].iter().zip(&parts).all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_lead_back_to_the_record() {
        let ids = Ids::new("berlin");
        let a = ids.id("service", 7, None);
        assert!(is_uuid(&a), "{a}");
        assert_eq!(a, ids.id("service", 7, None));
        assert_ne!(a, ids.id("service", 8, None));
        assert_ne!(a, Ids::new("hamburg").id("service", 7, None));
        assert_eq!(&a[14..15], "8");
        assert_eq!(ids.local("service", &a), Some(7));
        assert_eq!(ids.local("organization", &a), None, "another kind's prefix");
        assert_eq!(Ids::new("hamburg").local("service", &a), None);
        assert_eq!(ids.local("service", &ids.id("service", 123_456_789, None)), Some(123_456_789));
        assert_eq!(ids.id("service", 7, Some("AC148810-D857-441C-9679-408F346DE14B")), "ac148810-d857-441c-9679-408f346de14b");
        assert_eq!(ids.id("service", 7, Some("kita-1")), a);
        let sal = ids.service_at_location(4871, 3_000_001);
        assert!(is_uuid(&sal), "{sal}");
        assert_eq!(ids.service_at_location_parts(&sal), Some((4871, 3_000_001)));
        let h = ids.derived("phone", "x");
        assert!(is_uuid(&h) && &h[14..15] == "5");
        assert!(!is_uuid("ac148810-d857-441c-9679-408f346de14"));
    }
}
