//! The graph as text: GraphML (read back by `read_graphml`, networkx and Gephi), GEXF 1.3
//! (Gephi's own format) and a CSV of the ties for spreadsheets.

use std::fmt::Write;

use quick_xml::escape::escape;

use crate::graph::Graph;

/// Node attribute names in first-seen order, for the key declarations.
fn attribute_names(g: &Graph) -> Vec<String> {
    let mut names: Vec<String> = vec![];
    for n in &g.nodes {
        for (k, _) in &n.attributes {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
    }
    names
}

pub fn to_graphml(g: &Graph) -> String {
    let names = attribute_names(g);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
    );
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(out, "  <key id=\"n{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>", escape(name.as_str()));
    }
    out.push_str("  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n  <graph id=\"kette\" edgedefault=\"undirected\">\n");
    for n in &g.nodes {
        let _ = write!(out, "    <node id=\"{}\"><data key=\"label\">{}</data>", escape(n.id.as_str()), escape(n.label.as_str()));
        for (k, v) in &n.attributes {
            let i = names.iter().position(|x| x == k).unwrap_or_default();
            let _ = write!(out, "<data key=\"n{i}\">{}</data>", escape(v.as_str()));
        }
        out.push_str("</node>\n");
    }
    for e in &g.edges {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"kind\">{}</data><data key=\"weight\">{}</data></edge>",
            escape(g.nodes[e.source].id.as_str()),
            escape(g.nodes[e.target].id.as_str()),
            escape(e.kind.as_str()),
            e.weight
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

pub fn to_gexf(g: &Graph) -> String {
    let names = attribute_names(g);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <graph defaultedgetype=\"undirected\" mode=\"static\">\n",
    );
    out.push_str("    <attributes class=\"node\">\n");
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(out, "      <attribute id=\"{i}\" title=\"{}\" type=\"string\"/>", escape(name.as_str()));
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n    </attributes>\n    <nodes>\n");
    for n in &g.nodes {
        let _ = write!(out, "      <node id=\"{}\" label=\"{}\">", escape(n.id.as_str()), escape(n.label.as_str()));
        if !n.attributes.is_empty() {
            out.push_str("<attvalues>");
            for (k, v) in &n.attributes {
                let i = names.iter().position(|x| x == k).unwrap_or_default();
                let _ = write!(out, "<attvalue for=\"{i}\" value=\"{}\"/>", escape(v.as_str()));
            }
            out.push_str("</attvalues>");
        }
        out.push_str("</node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in g.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/></attvalues></edge>",
            escape(g.nodes[e.source].id.as_str()),
            escape(g.nodes[e.target].id.as_str()),
            e.weight,
            escape(e.kind.as_str())
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// One row per tie: both ends by id and label, its kind and weight. Cells a spreadsheet would
/// take for a formula are neutralised (`kette_text::spreadsheet_safe`).
pub fn to_csv(g: &Graph) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(["source_id", "source_label", "target_id", "target_label", "kind", "weight"])?;
    for e in &g.edges {
        let (s, t) = (&g.nodes[e.source], &g.nodes[e.target]);
        let weight = e.weight.to_string();
        w.write_record([
            kette_text::spreadsheet_safe(&s.id).as_ref(),
            kette_text::spreadsheet_safe(&s.label).as_ref(),
            kette_text::spreadsheet_safe(&t.id).as_ref(),
            kette_text::spreadsheet_safe(&t.label).as_ref(),
            kette_text::spreadsheet_safe(&e.kind).as_ref(),
            weight.as_str(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Graph {
        let mut g = Graph::new();
        let a = g.node("org-1", "Kita <Sonne> & Co");
        let b = g.node("org-2", "=Jugendamt");
        g.nodes[a].attributes.push(("domain".into(), "education".into()));
        g.edge(a, b, "cooperation_agreement", 2.0);
        g
    }

    #[test]
    fn graphml_reads_back_as_written() {
        let g = sample();
        let back = crate::read_graphml(&to_graphml(&g)).unwrap();
        assert_eq!(
            back.nodes.iter().map(|n| (n.id.as_str(), n.label.as_str())).collect::<Vec<_>>(),
            vec![("org-1", "Kita <Sonne> & Co"), ("org-2", "=Jugendamt")]
        );
        assert_eq!((back.edges[0].source, back.edges[0].target), (0, 1));
    }

    #[test]
    fn gexf_and_csv_carry_nodes_ties_and_kinds() {
        let gexf = to_gexf(&sample());
        assert!(gexf.contains("label=\"Kita &lt;Sonne&gt; &amp; Co\"") && gexf.contains("value=\"cooperation_agreement\""), "{gexf}");
        assert!(gexf.contains("weight=\"2\""));
        let csv = to_csv(&sample()).unwrap();
        assert!(csv.starts_with("source_id,source_label,target_id,target_label,kind,weight\n"), "{csv}");
        assert!(csv.contains("'=Jugendamt"), "a formula-looking cell is neutralised: {csv}");
    }
}
