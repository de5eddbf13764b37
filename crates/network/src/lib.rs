//! Network analysis of the prevention chain (issue 16): the cooperation graph of organisations
//! and their ties, its size, density and components, each node's degree, betweenness and
//! closeness centrality as networkx defines them, and the graph as GraphML, GEXF and CSV text.
//! Pure computation on strings and numbers: no files, no database, no HTTP.

mod graph;
mod graphml;
mod layout;
mod metrics;
mod write;

pub use graph::{Edge, Graph, Node};
pub use graphml::{read_graphml, GraphmlError};
pub use layout::force_layout;
pub use metrics::{metrics, structure, Metrics, Structure};
pub use write::{to_csv, to_gexf, to_graphml};
