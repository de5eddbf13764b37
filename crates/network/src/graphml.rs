//! Reading GraphML (graphml.graphdrawing.org): nodes, undirected edges and a node label from a
//! `<data>` whose key is named "label" or "name". Like networkx, an edge may name a node not
//! declared before; it is added. A directed graph, a file that is no GraphML and XML that does
//! not parse are refused with the line.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::graph::Graph;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GraphmlError {
    #[error("line {line}: not well-formed XML: {message}")]
    Xml { line: usize, message: String },
    #[error("no <graphml> element with a <graph> in it: this is not a GraphML file")]
    NotGraphml,
    #[error("line {line}: the graph is directed (edgedefault=\"directed\"); network metrics are computed for undirected graphs")]
    Directed { line: usize },
    #[error("line {line}: <{element}> without its '{attribute}' attribute")]
    Missing { line: usize, element: &'static str, attribute: &'static str },
}

fn line_of(text: &str, position: u64) -> usize {
    let end = (position as usize).min(text.len());
    text.as_bytes()[..end].iter().filter(|b| **b == b'\n').count() + 1
}

fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// What the reader knows so far.
#[derive(Default)]
struct State {
    graph: Graph,
    seen_root: bool,
    seen_graph: bool,
    label_keys: Vec<String>,
    /// While inside `<node id=…>`: its index; while inside its label `<data>`: the text so far.
    current_node: Option<usize>,
    label: Option<String>,
    labels: HashMap<usize, String>,
}

impl State {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool, line: &dyn Fn() -> usize) -> Result<(), GraphmlError> {
        match e.local_name().as_ref() {
            b"graphml" => self.seen_root = true,
            b"graph" if self.seen_root => {
                self.seen_graph = true;
                if attribute(e, b"edgedefault").as_deref() == Some("directed") {
                    return Err(GraphmlError::Directed { line: line() });
                }
            }
            b"key" => {
                let name = attribute(e, b"attr.name").unwrap_or_default();
                if matches!(name.as_str(), "label" | "name") && attribute(e, b"for").as_deref() != Some("edge") {
                    if let Some(id) = attribute(e, b"id") {
                        self.label_keys.push(id);
                    }
                }
            }
            b"node" if self.seen_graph => {
                let id = attribute(e, b"id").ok_or_else(|| GraphmlError::Missing { line: line(), element: "node", attribute: "id" })?;
                let index = self.graph.node(&id, &id);
                self.current_node = (!empty).then_some(index);
            }
            b"edge" if self.seen_graph => {
                let source =
                    attribute(e, b"source").ok_or_else(|| GraphmlError::Missing { line: line(), element: "edge", attribute: "source" })?;
                let target =
                    attribute(e, b"target").ok_or_else(|| GraphmlError::Missing { line: line(), element: "edge", attribute: "target" })?;
                if attribute(e, b"directed").as_deref() == Some("true") {
                    return Err(GraphmlError::Directed { line: line() });
                }
                let (s, t) = (self.graph.node(&source, &source), self.graph.node(&target, &target));
                self.graph.edge(s, t, "", 1.0);
            }
            b"data" if self.current_node.is_some() && !empty && attribute(e, b"key").is_some_and(|k| self.label_keys.contains(&k)) => {
                self.label = Some(String::new());
            }
            _ => {}
        }
        Ok(())
    }
}

pub fn read_graphml(text: &str) -> Result<Graph, GraphmlError> {
    let mut reader = Reader::from_str(text);
    let mut state = State::default();
    loop {
        let position = reader.buffer_position();
        let event =
            reader.read_event().map_err(|e| GraphmlError::Xml { line: line_of(text, reader.error_position()), message: e.to_string() })?;
        // counted only for a message: counting for every event made reading quadratic
        let line = || line_of(text, position);
        let xml = |e: quick_xml::encoding::EncodingError| GraphmlError::Xml { line: line(), message: e.to_string() };
        match event {
            Event::Start(e) => state.start(&e, false, &line)?,
            Event::Empty(e) => state.start(&e, true, &line)?,
            Event::Text(t) => {
                if let Some(l) = state.label.as_mut() {
                    l.push_str(&t.decode().map_err(xml)?);
                }
            }
            Event::CData(t) => {
                if let Some(l) = state.label.as_mut() {
                    l.push_str(&t.decode().map_err(xml)?);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(l) = state.label.as_mut() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => l.push(c),
                        _ => l.push_str(match r.decode().as_deref() {
                            Ok("amp") => "&",
                            Ok("lt") => "<",
                            Ok("gt") => ">",
                            Ok("quot") => "\"",
                            Ok("apos") => "'",
                            _ => "",
                        }),
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"data" => {
                    if let (Some(node), Some(text)) = (state.current_node, state.label.take()) {
                        state.labels.insert(node, text.trim().to_string());
                    }
                }
                b"node" => state.current_node = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !state.seen_graph {
        return Err(GraphmlError::NotGraphml);
    }
    let mut graph = state.graph;
    for (node, text) in state.labels {
        if !text.is_empty() {
            graph.nodes[node].label = text;
        }
    }
    Ok(graph)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="a"><data key="d0">Familienzentrum &amp; Café</data></node>
    <node id="b"/>
    <edge source="a" target="b"/>
    <edge source="b" target="c"/>
  </graph>
</graphml>"#;

    #[test]
    fn reads_nodes_labels_and_edges_and_adds_nodes_an_edge_names() {
        let g = read_graphml(SMALL).unwrap();
        assert_eq!(g.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), vec!["a", "b", "c"]);
        assert_eq!(g.nodes[0].label, "Familienzentrum & Café");
        assert_eq!(g.nodes[1].label, "b");
        assert_eq!(g.edges.len(), 2);
    }

    #[test]
    fn refuses_what_is_not_an_undirected_graphml_graph_and_names_the_line() {
        assert_eq!(read_graphml("<html><body>kein Graph</body></html>"), Err(GraphmlError::NotGraphml));
        assert_eq!(read_graphml(&SMALL.replace("undirected", "directed")), Err(GraphmlError::Directed { line: 4 }));
        let broken = read_graphml(&SMALL.replace("</node>\n    <node id=\"b\"/>", "\n    <node id=\"b\"/>"));
        assert!(matches!(broken, Err(GraphmlError::Xml { .. })), "{broken:?}");
        let missing = read_graphml(&SMALL.replace("<edge source=\"a\" target=\"b\"/>", "<edge source=\"a\"/>"));
        assert_eq!(missing, Err(GraphmlError::Missing { line: 7, element: "edge", attribute: "target" }));
    }
}
