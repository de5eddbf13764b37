//! OSM XML (API 0.6, as Overpass, JOSM and the OpenStreetMap website export it), read as a
//! stream: each `<node>` and `<way>` with its tags and node references is handed to the same
//! code that takes a PBF block's elements, so both formats give the same extract. Relations are
//! skipped, as in the PBF reader; a node marked `visible="false"` (a deleted one in a history
//! export) is left out.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::osm::{BlockPart, Element};
use crate::ReachError;

/// The element being read between its start and end tag.
enum Open {
    None,
    Node {
        id: i64,
        lat_e7: i32,
        lon_e7: i32,
    },
    Way {
        id: i64,
    },
    /// a relation or anything else whose tags belong to no node or way
    Other,
}

fn attribute<'a>(e: &'a BytesStart<'_>, name: &[u8]) -> Option<std::borrow::Cow<'a, [u8]>> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| a.value)
}

fn text_attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn number<T: std::str::FromStr>(e: &BytesStart<'_>, name: &'static str, element: &'static str, line: usize) -> Result<T, ReachError> {
    let raw =
        attribute(e, name.as_bytes()).ok_or(ReachError::Xml { line, detail: format!("<{element}> without its '{name}' attribute") })?;
    std::str::from_utf8(&raw).ok().and_then(|t| t.trim().parse::<T>().ok()).ok_or_else(|| ReachError::Xml {
        line,
        detail: format!("<{element}> has {name}=\"{}\", expected a number", String::from_utf8_lossy(&raw)),
    })
}

/// Degrees as OpenStreetMap stores them, in 1e-7 degrees.
fn coordinate(e: &BytesStart<'_>, name: &'static str, limit: f64, line: usize) -> Result<i32, ReachError> {
    let degrees: f64 = number(e, name, "node", line)?;
    if !degrees.is_finite() || degrees.abs() > limit {
        return Err(ReachError::Xml { line, detail: format!("<node> has {name}=\"{degrees}\", expected degrees within ±{limit}") });
    }
    Ok((degrees * 1e7).round() as i32)
}

pub(crate) fn read_xml(input: impl BufRead, take: &mut dyn FnMut(&mut BlockPart, Element<'_>)) -> Result<BlockPart, ReachError> {
    let mut reader = Reader::from_reader(input);
    let mut buf = Vec::with_capacity(1024);
    let mut part = BlockPart::default();
    let mut line = 1usize;
    let mut seen_root = false;
    let mut open = Open::None;
    let mut tags: Vec<(String, String)> = vec![];
    let mut refs: Vec<i64> = vec![];
    // a node or way ends at its end tag, or at once when written as an empty element
    let mut close = |open: &mut Open, tags: &mut Vec<(String, String)>, refs: &mut Vec<i64>, part: &mut BlockPart| {
        let borrowed: Vec<(&str, &str)> = tags.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        match std::mem::replace(open, Open::None) {
            Open::Node { id, lat_e7, lon_e7 } => take(part, Element::Node { id, lat_e7, lon_e7, tags: &borrowed }),
            Open::Way { id } => take(part, Element::Way { id, refs, tags: &borrowed }),
            Open::None | Open::Other => {}
        }
        tags.clear();
        refs.clear();
    };
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| ReachError::Xml { line, detail: e.to_string() })?;
        let (start, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Text(t) => {
                line += t.iter().filter(|b| **b == b'\n').count();
                continue;
            }
            Event::End(e) => {
                if matches!(e.name().as_ref(), b"node" | b"way" | b"relation") {
                    close(&mut open, &mut tags, &mut refs, &mut part);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        line += start.iter().filter(|b| **b == b'\n').count();
        match start.name().as_ref() {
            b"osm" | b"osmChange" => seen_root = true,
            b"node" if seen_root => {
                let id = number(&start, "id", "node", line)?;
                open = if attribute(&start, b"visible").as_deref() == Some(b"false") {
                    Open::Other
                } else {
                    Open::Node { id, lat_e7: coordinate(&start, "lat", 90.0, line)?, lon_e7: coordinate(&start, "lon", 180.0, line)? }
                };
            }
            b"way" if seen_root => open = Open::Way { id: number(&start, "id", "way", line)? },
            b"relation" => open = Open::Other,
            b"nd" if matches!(open, Open::Way { .. }) => refs.push(number(&start, "ref", "nd", line)?),
            b"tag" if matches!(open, Open::Node { .. } | Open::Way { .. }) => {
                if let (Some(k), Some(v)) = (text_attribute(&start, b"k"), text_attribute(&start, b"v")) {
                    tags.push((k, v));
                }
            }
            _ => {}
        }
        if empty && matches!(start.name().as_ref(), b"node" | b"way" | b"relation") {
            close(&mut open, &mut tags, &mut refs, &mut part);
        }
    }
    if !seen_root {
        return Err(ReachError::NotExtract { detail: "an XML file without an <osm> element".into() });
    }
    Ok(part)
}

#[cfg(test)]
mod tests {
    use crate::osm::read_extract_with_homes;
    use crate::{Profile, ReachError, TagFilter};

    const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" lat="49.4000000" lon="8.7000000"/>
  <node id="2" lat="49.4010000" lon="8.7000000">
    <tag k="amenity" v="kindergarten"/>
    <tag k="name" v="Kita &quot;Sonne&quot; &amp; Mond"/>
  </node>
  <node id="3" lat="49.4010000" lon="8.7010000"/>
  <node id="4" lat="49.4000000" lon="8.7010000"/>
  <node id="5" lat="49.4020000" lon="8.7020000" visible="false"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
  <way id="11"><nd ref="1"/><nd ref="4"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
  <way id="12"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="building" v="apartments"/></way>
  <relation id="20"><member type="way" ref="10" role=""/><tag k="amenity" v="kindergarten"/></relation>
</osm>"#;

    #[test]
    fn osm_xml_gives_ways_places_and_homes_like_a_pbf_block() {
        let filter = TagFilter::parse("osm:amenity=kindergarten").unwrap();
        let extract = read_extract_with_homes(SMALL.as_bytes(), &Profile::walking(), &[filter]).unwrap();
        assert_eq!(extract.node_count(), 4, "the invisible node is left out");
        assert_eq!((extract.ways_seen, extract.highway_ways), (3, 2));
        // a motorway is no walk; the residential street is
        assert_eq!(extract.ways.len(), 1);
        assert_eq!(extract.ways[0].refs, vec![1, 2, 3]);
        // the node's tag matched, the relation's did not
        assert_eq!(extract.places.len(), 1);
        assert_eq!((extract.places[0].osm_id.as_str(), extract.places[0].at), ("n2", [49.401, 8.7]));
        assert_eq!(extract.homes.len(), 1);
        assert_eq!(extract.node(3), Some([49.401, 8.701]));
        // leading blanks and a byte-order mark do not hide the format
        let marked = format!("\u{feff}\n  {SMALL}");
        assert_eq!(read_extract_with_homes(marked.as_bytes(), &Profile::walking(), &[]).unwrap().ways.len(), 1);
    }

    #[test]
    fn broken_osm_xml_is_refused_with_its_line() {
        let bad_lat = SMALL.replace(r#"<node id="3" lat="49.4010000""#, r#"<node id="3" lat="north""#);
        let err = read_extract_with_homes(bad_lat.as_bytes(), &Profile::walking(), &[]).unwrap_err();
        assert!(matches!(err, ReachError::Xml { line: 8, .. }), "{err}");
        assert!(err.to_string().contains(r#"lat="north", expected a number"#), "{err}");
        let swapped = SMALL.replace(r#"lat="49.4010000" lon="8.7010000""#, r#"lat="149.4" lon="8.701""#);
        let err = read_extract_with_homes(swapped.as_bytes(), &Profile::walking(), &[]).unwrap_err();
        assert!(err.to_string().contains("line 8") && err.to_string().contains("within ±90"), "{err}");
        let cut = &SMALL[..SMALL.find("<way id=\"11\"").unwrap() + 12];
        let err = read_extract_with_homes(cut.as_bytes(), &Profile::walking(), &[]).unwrap_err();
        assert!(matches!(err, ReachError::Xml { line: 12, .. }), "a file cut in an element: {err}");
        let err = read_extract_with_homes(&b"<html><body>Not found</body></html>"[..], &Profile::walking(), &[]).unwrap_err();
        assert!(matches!(err, ReachError::NotExtract { .. }), "{err}");
        // an empty extract is one without ways, said as such
        let err = read_extract_with_homes(&b"<osm version='0.6'></osm>"[..], &Profile::walking(), &[]).unwrap_err();
        assert!(matches!(err, ReachError::NoUsableWays { ways: 0, .. }), "{err}");
    }
}
