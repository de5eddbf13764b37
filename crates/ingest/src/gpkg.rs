//! Geometries of GeoPackage feature tables: the GeoPackage binary header followed by WKB.

/// Polygons → rings → points of a GeoPackage geometry blob holding a Polygon or MultiPolygon
/// (2D, or with Z/M values, which are dropped). None for anything else.
pub fn polygons(blob: &[u8]) -> Option<Vec<Vec<Vec<(f64, f64)>>>> {
    if blob.get(..2)? != b"GP" {
        return None;
    }
    let flags = *blob.get(3)?;
    let envelope = match (flags >> 1) & 0x07 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        _ => return None,
    };
    let mut r = Reader { b: blob, at: 8 + envelope, le: true };
    r.geometry()
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
    le: bool,
}

impl Reader<'_> {
    fn u32(&mut self) -> Option<u32> {
        let v: [u8; 4] = self.b.get(self.at..self.at + 4)?.try_into().ok()?;
        self.at += 4;
        Some(if self.le { u32::from_le_bytes(v) } else { u32::from_be_bytes(v) })
    }
    /// A count of elements that follow, each at least `min_bytes` long: a count the rest of
    /// the blob cannot hold is a broken blob, not a reason to reserve gigabytes.
    fn count(&mut self, min_bytes: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_bytes)? <= self.b.len().saturating_sub(self.at)).then_some(n)
    }
    fn f64(&mut self) -> Option<f64> {
        let v: [u8; 8] = self.b.get(self.at..self.at + 8)?.try_into().ok()?;
        self.at += 8;
        Some(if self.le { f64::from_le_bytes(v) } else { f64::from_be_bytes(v) })
    }
    /// Byte order and type; returns (base type, coordinate dimension).
    fn header(&mut self) -> Option<(u32, usize)> {
        self.le = *self.b.get(self.at)? == 1;
        self.at += 1;
        let t = self.u32()?;
        // ISO WKB: +1000 Z, +2000 M, +3000 ZM; EWKB-style high bits for Z and M
        let (base, dims) = match t {
            t if t & 0x8000_0000 != 0 || t & 0x4000_0000 != 0 => (t & 0xFF, 2 + (t >> 31) as usize + ((t >> 30) & 1) as usize),
            t if t >= 3000 => (t - 3000, 4),
            t if t >= 1000 => (t % 1000, 3),
            t => (t, 2),
        };
        Some((base, dims))
    }
    fn polygon(&mut self, dims: usize) -> Option<Vec<Vec<(f64, f64)>>> {
        let rings = self.count(4)?;
        let mut out = Vec::with_capacity(rings);
        for _ in 0..rings {
            let n = self.count(8 * dims)?;
            let mut ring = Vec::with_capacity(n);
            for _ in 0..n {
                let (x, y) = (self.f64()?, self.f64()?);
                for _ in 2..dims {
                    self.f64()?;
                }
                ring.push((x, y));
            }
            out.push(ring);
        }
        Some(out)
    }
    fn geometry(&mut self) -> Option<Vec<Vec<Vec<(f64, f64)>>>> {
        let (base, dims) = self.header()?;
        match base {
            3 => Some(vec![self.polygon(dims)?]),
            6 => {
                let n = self.count(9)?;
                (0..n)
                    .map(|_| {
                        let (b, d) = self.header()?;
                        (b == 3).then_some(())?;
                        self.polygon(d)
                    })
                    .collect()
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_multipolygon_blob_and_refuses_points() {
        let mut b = b"GP\0\x03".to_vec();
        b.extend_from_slice(&4326i32.to_le_bytes());
        for v in [0.0f64, 1.0, 0.0, 1.0] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.push(1);
        b.extend_from_slice(&6u32.to_le_bytes());
        b.extend_from_slice(&1u32.to_le_bytes());
        b.push(1);
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(&1u32.to_le_bytes());
        b.extend_from_slice(&4u32.to_le_bytes());
        for (x, y) in [(0.0f64, 0.0f64), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)] {
            b.extend_from_slice(&x.to_le_bytes());
            b.extend_from_slice(&y.to_le_bytes());
        }
        let p = polygons(&b).unwrap();
        assert_eq!(p[0][0][2], (1.0, 1.0));
        let mut point = b"GP\0\x01".to_vec();
        point.extend_from_slice(&4326i32.to_le_bytes());
        point.push(1);
        point.extend_from_slice(&1u32.to_le_bytes());
        assert!(polygons(&point).is_none());
        assert!(polygons(b"XX").is_none());
    }
}

#[cfg(test)]
mod hostile {
    use super::*;

    #[test]
    fn a_count_larger_than_the_blob_is_refused_without_reserving_it() {
        // header, polygon type, then 4,000,000,000 rings
        let mut blob = b"GP\x00\x01\x00\x00\x00\x00\x01".to_vec();
        blob.extend(3u32.to_le_bytes());
        blob.extend(4_000_000_000u32.to_le_bytes());
        assert_eq!(polygons(&blob), None);
    }
}
