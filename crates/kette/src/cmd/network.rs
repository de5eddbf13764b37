//! `kette network`: the cooperation network as a file for Gephi, yEd or a spreadsheet, and the
//! bare metrics on any GraphML graph (to compare with other tools on the same graph).

use std::collections::BTreeMap;

use super::*;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Graphml,
    Gexf,
    Csv,
}

#[derive(Subcommand)]
pub enum NetworkAction {
    /// The municipality's cooperation network (organisations tied by shared steering bodies and
    /// joint measures) as GraphML, GEXF (Gephi) or CSV of the ties
    Export {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum)]
        format: Format,
        /// Output file; '-' writes to standard output
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        municipality: Option<String>,
    },
    /// Size, density, components and each node's degree, betweenness (normalised) and
    /// closeness centrality of an undirected GraphML graph, as networkx defines them
    Metrics {
        #[arg(long)]
        graphml: PathBuf,
        /// Print JSON: nodes, edges, density, components and per node id degree_centrality,
        /// betweenness and closeness
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(action: NetworkAction) -> Result<()> {
    match action {
        NetworkAction::Export { db, format, out, municipality: slug } => {
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            let app = kette_app::App::new(store);
            let graph = app.cooperation_graph(m.id).await?;
            let text = match format {
                Format::Graphml => kette_network::to_graphml(&graph),
                Format::Gexf => kette_network::to_gexf(&graph),
                Format::Csv => kette_network::to_csv(&graph)?,
            };
            if out.as_os_str() == "-" {
                print!("{text}");
            } else {
                write_text_beside(&out, "partial", &text)?;
                eprintln!(
                    "{}",
                    msg("cli-network-exported", &[("file", &out.display()), ("nodes", &graph.nodes.len()), ("edges", &graph.edges.len())])
                );
            }
        }
        NetworkAction::Metrics { graphml, json } => {
            let bytes = read(&graphml)?;
            let text = std::str::from_utf8(&bytes).with_context(|| format!("{}: not UTF-8 text", graphml.display()))?;
            let graph = kette_network::read_graphml(text).with_context(|| graphml.display().to_string())?;
            let m = kette_network::metrics(&graph);
            if json {
                let per_node =
                    |values: &[f64]| -> BTreeMap<&str, f64> { graph.nodes.iter().zip(values).map(|(n, v)| (n.id.as_str(), *v)).collect() };
                let out = serde_json::json!({
                    "nodes": m.nodes,
                    "edges": m.edges,
                    "density": m.density,
                    "components": m.components,
                    "degree_centrality": per_node(&m.degree_centrality),
                    "betweenness": per_node(&m.betweenness),
                    "closeness": per_node(&m.closeness),
                });
                println!("{out}");
            } else {
                println!(
                    "{}",
                    msg(
                        "cli-network-metrics",
                        &[
                            ("nodes", &m.nodes),
                            ("edges", &m.edges),
                            ("density", &format!("{:.4}", m.density)),
                            ("components", &m.components)
                        ]
                    )
                );
                let mut order: Vec<usize> = (0..m.nodes).collect();
                order.sort_by(|a, b| m.betweenness[*b].total_cmp(&m.betweenness[*a]));
                for i in order.into_iter().take(10) {
                    println!("  {}  {:.4}  {:.4}  {:.4}", graph.nodes[i].label, m.degree_centrality[i], m.betweenness[i], m.closeness[i]);
                }
            }
        }
    }
    Ok(())
}
