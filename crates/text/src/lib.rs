//! Text-level helpers for tables from spreadsheets — encoding (UTF-8 with or without BOM,
//! Windows-1252), delimiter sniffing and German or international numbers — shared by the file
//! readers (`kette-ingest`) and the index engine (`kette-monitor`) — and the Markdown of minutes
//! and other long texts, checked and written as safe HTML (`markdown`).

pub mod markdown;

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

/// An amount of money as people type it into a German form: "12.000" and "1.250.000" are
/// thousands (a point followed by groups of three digits), "12.000,50" and "12,5" as
/// `parse_number` reads them, "12.5" a decimal.
pub fn parse_amount(s: &str) -> Option<f64> {
    let t = s.trim().trim_end_matches(['€', ' ']).trim();
    let mut groups = t.split('.');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let grouped = !rest.is_empty()
        && !t.contains(',')
        && !first.is_empty()
        && first.len() <= 3
        && first.chars().all(|c| c.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if grouped {
        t.replace('.', "").parse().ok()
    } else {
        parse_number(t)
    }
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

/// A text cell for a CSV file: spreadsheet-safe, in double quotes, inner quotes doubled.
pub fn csv_quoted(cell: &str) -> String {
    format!("\"{}\"", spreadsheet_safe(cell).replace('"', "\"\""))
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
mod amount_tests {
    use super::parse_amount;

    #[test]
    fn amounts_read_the_german_thousands_point() {
        assert_eq!(parse_amount("12.000"), Some(12_000.0));
        assert_eq!(parse_amount("1.250.000 €"), Some(1_250_000.0));
        assert_eq!(parse_amount("12.000,50"), Some(12_000.5));
        assert_eq!(parse_amount("12,5"), Some(12.5));
        assert_eq!(parse_amount("12.5"), Some(12.5));
        assert_eq!(parse_amount("30000"), Some(30_000.0));
        assert_eq!(parse_amount("viel"), None);
    }
}

#[cfg(test)]
mod spreadsheet_tests {
    use super::*;

    #[test]
    fn quoted_cells_are_safe_and_keep_their_quotes() {
        assert_eq!(csv_quoted("Kita \"Sonne\""), "\"Kita \"\"Sonne\"\"\"");
        assert_eq!(csv_quoted("=1+1"), "\"'=1+1\"");
    }

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

/// Values longer than this are quoted in messages as an excerpt.
pub const ECHO_CHARS: usize = 60;
/// No message about input is longer than this, whatever the input.
pub const MESSAGE_CHARS: usize = 2000;

/// A value as quoted back in a message: whole if short, else its beginning, an ellipsis and how
/// many characters were left out — so a 19 MB cell makes a one-line error, not a 19 MB one.
pub fn excerpt(value: &str) -> Cow<'_, str> {
    let total = value.chars().count();
    if total <= ECHO_CHARS {
        return Cow::Borrowed(value);
    }
    let head: String = value.chars().take(ECHO_CHARS - 20).collect();
    Cow::Owned(format!("{head}… [+{}]", total - (ECHO_CHARS - 20)))
}

/// A message about input, bounded: every quoted part ('…', "…", „…“, «…») longer than
/// [`ECHO_CHARS`] becomes an [`excerpt`], and the whole is cut at [`MESSAGE_CHARS`]. Applied
/// where messages leave kette (error types' `Display`, the command line, error pages), so a
/// message built anywhere from hostile input stays short.
pub fn bounded_message(message: &str) -> Cow<'_, str> {
    if message.len() <= ECHO_CHARS {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len().min(MESSAGE_CHARS + 64));
    let mut rest = message;
    while let Some((open_at, open)) = rest.char_indices().find(|(_, c)| matches!(c, '\'' | '"' | '„' | '«' | '“')) {
        let close = match open {
            '„' => '“',
            '«' => '»',
            '“' => '”',
            c => c,
        };
        let inner_start = open_at + open.len_utf8();
        let Some(close_at) = rest[inner_start..].find(close).map(|i| inner_start + i) else { break };
        out.push_str(&rest[..inner_start]);
        out.push_str(&excerpt(&rest[inner_start..close_at]));
        out.push(close);
        rest = &rest[close_at + close.len_utf8()..];
        if out.len() > MESSAGE_CHARS * 4 {
            break;
        }
    }
    out.push_str(rest);
    let total = out.chars().count();
    if total <= MESSAGE_CHARS {
        if out == message {
            return Cow::Borrowed(message);
        }
        return Cow::Owned(out);
    }
    let head: String = out.chars().take(MESSAGE_CHARS).collect();
    Cow::Owned(format!("{head}… [+{}]", total - MESSAGE_CHARS))
}

#[cfg(test)]
mod echo_tests {
    use super::*;

    #[test]
    fn short_values_stay_whole_and_long_ones_become_excerpts() {
        assert_eq!(excerpt("Familienzentrum"), "Familienzentrum");
        let long = "Z".repeat(5_000_000);
        let e = excerpt(&long);
        assert!(e.len() < 80 && e.ends_with("… [+4999960]"), "{e}");
    }

    #[test]
    fn messages_quote_excerpts_and_stay_bounded() {
        let long = "Z".repeat(1_000_000);
        let m = format!("offers.csv line 2, field 'min_age_months': expected a whole number, found '{long}'");
        let b = bounded_message(&m);
        assert!(b.len() < 200, "{b}");
        assert!(b.starts_with("offers.csv line 2, field 'min_age_months': expected a whole number, found 'ZZZZ"), "{b}");
        assert!(b.ends_with("… [+999960]'"), "{b}");
        let german = format!("unbekannter Schlüssel „{long}“ in Zeile 3");
        assert!(bounded_message(&german).ends_with("… [+999960]“ in Zeile 3"));
        // no quotes at all: cut as a whole
        let bare = "a".repeat(20_000_000);
        let b = bounded_message(&bare);
        assert!(b.chars().count() < MESSAGE_CHARS + 20 && b.ends_with(&format!("[+{}]", 20_000_000 - MESSAGE_CHARS)));
        // an apostrophe inside words does not eat the message
        assert_eq!(
            bounded_message("the district's key 'x' is unknown and so on, and so on, and so on"),
            "the district's key 'x' is unknown and so on, and so on, and so on"
        );
        assert_eq!(bounded_message("kurz"), "kurz");
    }
}
