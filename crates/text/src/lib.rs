//! Text-level helpers for tables from spreadsheets — encoding (UTF-8 with or without BOM,
//! Windows-1252), delimiter sniffing and German or international numbers — shared by the file
//! readers (`kette-ingest`) and the index engine (`kette-monitor`).

use std::borrow::Cow;

/// Decodes bytes as UTF-8 (with or without BOM) or, with a byte order mark, UTF-16 (what
/// Excel's "Unicode text" writes), falling back to Windows-1252, which is what Excel writes for
/// "CSV" on German Windows. Line ends become '\n' because the csv crate reports line numbers one
/// too low after CRLF, and error messages must point at the right line.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[2..]);
        return Cow::Owned(text.replace("\r\n", "\n"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    };
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        text
    }
}

/// Guesses the delimiter from the header line: German Excel uses ';'.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c| header.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}

/// Parses a number written either way: "1.234,5" (German), "1234,5", "1234.5", "1,234.5".
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim().replace(['\u{a0}', ' '], "");
    if s.is_empty() {
        return None;
    }
    let normalised = match (s.rfind(','), s.rfind('.')) {
        (Some(c), Some(p)) if c > p => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (Some(_), None) => {
            if s.matches(',').count() > 1 {
                s.replace(',', "")
            } else {
                s.replace(',', ".")
            }
        }
        _ => s,
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_strips_bom() {
        assert_eq!(decode(b"Stra\xDFe"), "Straße");
        assert_eq!(decode("\u{feff}Straße".as_bytes()), "Straße");
    }

    #[test]
    fn sniffs_semicolons_and_commas() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff_delimiter("a,b,c"), b',');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn parses_german_and_english_numbers() {
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("30000"), Some(30000.0));
        assert_eq!(parse_number(" 7 "), Some(7.0));
        assert_eq!(parse_number("zwölf"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("NaN"), None);
    }
}

/// A cell as it may go into a CSV file that people open in a spreadsheet. A text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula there (OWASP "CSV
/// injection"); it gets a leading apostrophe, which spreadsheets hide. Numbers ("-3.5") stay as
/// they are.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') if cell.trim().parse::<f64>().is_err() => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Reads back a cell written by `spreadsheet_safe`, so that kette's own exports import unchanged.
pub fn from_spreadsheet_safe(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
}

#[cfg(test)]
mod encoding_tests {
    use super::*;

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_as_text() {
        let text = "Gebiet;Jahr;Wert\r\n0101;2024;3,5\r\nÄrzte;2024;1\r\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            assert_eq!(decode(&bytes), text.replace("\r\n", "\n"));
        }
        assert_eq!(decode(b"\xEF\xBB\xBFa;b\r\n"), "a;b\n");
        assert_eq!(decode(b"Stra\xdfe"), "Straße", "Windows-1252");
    }
}

#[cfg(test)]
mod spreadsheet_tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not_and_the_mark_comes_off_again() {
        for (raw, safe) in [
            ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+49 30 1234", "'+49 30 1234"),
            ("\tcmd", "'\tcmd"),
            ("-3.5", "-3.5"),
            ("+12", "+12"),
            ("Kita Sonnenschein", "Kita Sonnenschein"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(raw), safe, "{raw:?}");
            assert_eq!(from_spreadsheet_safe(&spreadsheet_safe(raw)), raw);
        }
        assert_eq!(from_spreadsheet_safe("'quoted by hand"), "'quoted by hand");
    }
}
