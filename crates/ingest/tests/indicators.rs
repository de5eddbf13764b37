//! Indicator tables as spreadsheets save them.

#[test]
fn an_indicator_table_saved_as_utf16_reads_like_any_other() {
    let text = "Gebiet;Jahr;Indikator;Wert\r\n0101;2024;armut;3,5\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let (_, rows) = kette_ingest::indicators_csv::parse("excel.txt", &bytes, &Default::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].district_key.as_str(), rows[0].value), ("0101", Some(3.5)));
}
