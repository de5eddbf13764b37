//! The CSV tables of a zipped tabular package, unpacked within limits.
//!
//! A zip archive says how large its entries are, but an archive can lie, and a small archive can
//! hold an enormous, highly repetitive file (a zip bomb: 3 MB packed, 3 GiB unpacked). So every
//! entry is read as a stream and counted as it comes, never trusting the declared size: an entry
//! or the whole package larger than the limit, or an entry that unpacks to more than `max_ratio`
//! times its packed size, is refused with what was found and what is allowed, before the memory
//! is taken.

use std::collections::HashMap;
use std::io::{Read, Seek};

/// How much a package may unpack to.
#[derive(Debug, Clone)]
pub struct UnpackLimits {
    /// All CSV tables together, unpacked.
    pub max_total_bytes: u64,
    /// Unpacked bytes per packed byte, checked for entries above `ratio_applies_above`.
    pub max_ratio: u64,
    pub ratio_applies_above: u64,
    /// Entries in the archive (of any kind).
    pub max_entries: usize,
}

impl Default for UnpackLimits {
    fn default() -> Self {
        UnpackLimits {
            // a whole Land's directory is a few hundred MB of CSV
            max_total_bytes: 2 << 30,
            // real CSV packs 5–20 fold; a bomb packs a thousand fold and more
            max_ratio: 200,
            ratio_applies_above: 16 << 20,
            max_entries: 10_000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("not a zip archive: {0}")]
    NotZip(String),
    #[error("entry {index} cannot be read: {reason}")]
    Entry { index: usize, reason: String },
    #[error("the archive has {entries} entries; at most {max} are accepted")]
    TooManyEntries { entries: usize, max: usize },
    #[error(
        "{name} unpacks to more than {unpacked_mb} MB from {packed_kb} kB packed (more than {max_ratio} times): refused as a possible zip bomb"
    )]
    Ratio { name: String, unpacked_mb: u64, packed_kb: u64, max_ratio: u64 },
    #[error("the CSV tables unpack to more than {max_mb} MB together (at {name}); split the package or import it as a folder")]
    TooLarge { name: String, max_mb: u64 },
}

/// Reads every `.csv` entry (at the top or in a folder inside) into memory, keyed by its file
/// name; other entries are skipped.
pub fn read_zip_tables<R: Read + Seek>(reader: R, limits: &UnpackLimits) -> Result<HashMap<String, Vec<u8>>, PackageError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| PackageError::NotZip(e.to_string()))?;
    if zip.len() > limits.max_entries {
        return Err(PackageError::TooManyEntries { entries: zip.len(), max: limits.max_entries });
    }
    let mut tables = HashMap::new();
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let entry_error = |reason: String| PackageError::Entry { index: index + 1, reason };
        let entry = zip.by_index(index).map_err(|e| entry_error(e.to_string()))?;
        let path = entry.name().map_err(|e| entry_error(e.to_string()))?.into_owned();
        let name = path.rsplit('/').next().unwrap_or_default().to_string();
        if !entry.is_file() || !name.to_ascii_lowercase().ends_with(".csv") {
            continue;
        }
        let packed = entry.compressed_size().max(1);
        let ratio_cap = packed.saturating_mul(limits.max_ratio).max(limits.ratio_applies_above);
        let room = limits.max_total_bytes - total;
        // one byte more than allowed tells a refusal from an exact fit
        let cap = ratio_cap.min(room);
        let mut bytes = Vec::with_capacity(entry.size().min(cap).min(64 << 20) as usize);
        entry.take(cap + 1).read_to_end(&mut bytes).map_err(|e| entry_error(format!("{path}: {e}")))?;
        let unpacked = bytes.len() as u64;
        if unpacked > ratio_cap && ratio_cap < room {
            return Err(PackageError::Ratio {
                name: path,
                unpacked_mb: ratio_cap >> 20,
                packed_kb: packed >> 10,
                max_ratio: limits.max_ratio,
            });
        }
        if unpacked > room {
            return Err(PackageError::TooLarge { name: path, max_mb: limits.max_total_bytes >> 20 });
        }
        total += unpacked;
        tables.insert(name, bytes);
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn archive(entries: &[(&str, &[u8], usize)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
        for (name, chunk, times) in entries {
            zip.start_file(*name, options).unwrap();
            for _ in 0..*times {
                zip.write_all(chunk).unwrap();
            }
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn tables_are_read_by_file_name_and_other_entries_skipped() {
        let bytes = archive(&[("pkg/services.csv", b"id,name\n1,x\n", 1), ("readme.txt", b"hi", 1)]);
        let tables = read_zip_tables(Cursor::new(bytes), &UnpackLimits::default()).unwrap();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables["services.csv"], b"id,name\n1,x\n");
    }

    #[test]
    fn a_zip_bomb_is_refused_before_its_memory_is_taken() {
        // 64 MiB of one repeated line packs to about 64 kB: a thousand fold
        let line = [b'a'; 1024];
        let bytes = archive(&[("services.csv", &line, 64 * 1024)]);
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        let err = read_zip_tables(Cursor::new(bytes), &UnpackLimits::default()).unwrap_err();
        assert!(matches!(err, PackageError::Ratio { .. }), "{err}");
        assert!(err.to_string().contains("services.csv") && err.to_string().contains("zip bomb"), "{err}");
    }

    #[test]
    fn the_total_is_capped_across_entries() {
        let row: Vec<u8> = (0..1000u32).flat_map(|i| format!("{i},{}\n", i * 7919 % 1000).into_bytes()).collect();
        let bytes = archive(&[("a.csv", &row, 10), ("b.csv", &row, 10)]);
        let limits = UnpackLimits { max_total_bytes: row.len() as u64 * 15, ..UnpackLimits::default() };
        let err = read_zip_tables(Cursor::new(bytes), &limits).unwrap_err();
        assert!(matches!(err, PackageError::TooLarge { ref name, .. } if name == "b.csv"), "{err}");
    }

    #[test]
    fn garbage_is_not_a_zip() {
        let err = read_zip_tables(Cursor::new(b"PK\x03\x04 no zip".to_vec()), &UnpackLimits::default()).unwrap_err();
        assert!(matches!(err, PackageError::NotZip(_)), "{err}");
    }
}
