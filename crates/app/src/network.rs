//! The cooperation network (issue 16) as a graph: every organisation a node, a tie wherever two
//! organisations have an agreement in force (typed by its kind), sit in the same steering body
//! or carry a measure together, or where a step of the chain leads from one's offer to the
//! other's.

use std::collections::BTreeMap;

use kette_domain::MunicipalityId;
use kette_network::Graph;

use crate::{App, Result};

impl App {
    /// The municipality's cooperation graph: node ids `org-{id}`, labels the organisations'
    /// names, an edge per pair and kind of tie weighted by how many bodies or measures it
    /// stands for.
    pub async fn cooperation_graph(&self, m: MunicipalityId) -> Result<Graph> {
        let mut graph = Graph::new();
        let domains = self.store.organisation_main_domains(m).await?;
        let mut page = 1;
        loop {
            let result = self.store.list_organisations(m, None, page, 500).await?;
            for o in &result.items {
                let i = graph.node(&format!("org-{}", o.id), &o.name);
                graph.nodes[i].attributes.push(("kind".into(), o.kind.as_str().into()));
                if let Some(d) = domains.get(&o.id) {
                    graph.nodes[i].attributes.push(("domain".into(), d.clone()));
                }
            }
            if (page as i64) * 500 >= result.total {
                break;
            }
            page += 1;
        }
        let mut ties: BTreeMap<(i64, i64, String), f64> = BTreeMap::new();
        let mut tie_all = |organisations: &mut Vec<i64>, kind: &str| {
            organisations.sort_unstable();
            organisations.dedup();
            for (i, a) in organisations.iter().enumerate() {
                for b in &organisations[i + 1..] {
                    *ties.entry((*a, *b, kind.to_string())).or_default() += 1.0;
                }
            }
        };
        let today = self.store.today();
        for agreement in self.store.agreements(m, None).await? {
            if agreement.input.in_force(today) {
                let mut organisations = agreement.input.organisation_ids.clone();
                tie_all(&mut organisations, &agreement.input.kind);
            }
        }
        let now = crate::calendar::local_now(self.store.clock());
        for summary in self.store.bodies(m, now).await? {
            if let Some(body) = self.store.body(m, summary.id).await? {
                let mut organisations: Vec<i64> =
                    body.members.iter().filter(|x| x.left_on.is_none()).filter_map(|x| x.input.organisation_id).collect();
                tie_all(&mut organisations, "shared_body");
            }
        }
        for measure in self.store.measures(m).await? {
            let mut organisations: Vec<i64> =
                measure.input.lead_organisation_id.into_iter().chain(measure.input.organisation_ids.iter().copied()).collect();
            tie_all(&mut organisations, "joint_measure");
        }
        // a step of the chain from one partner's offer to another's is a referral route in use
        for link in self.store.offer_links(m).await? {
            if link.from_organisation_id != link.to_organisation_id {
                tie_all(&mut vec![link.from_organisation_id, link.to_organisation_id], "chain_link");
            }
        }
        for ((a, b, kind), weight) in ties {
            if let (Some(s), Some(t)) = (graph.index_of(&format!("org-{a}")), graph.index_of(&format!("org-{b}"))) {
                graph.edge(s, t, &kind, weight);
            }
        }
        Ok(graph)
    }
}

/// The network page's figures: the graph, its metrics, and what the page lists.
pub struct NetworkOverview {
    pub graph: Graph,
    pub metrics: kette_network::Metrics,
    /// Organisations with at least one tie.
    pub connected: usize,
    /// (kind code, ties) by number of ties.
    pub ties_by_kind: Vec<(String, usize)>,
    /// (organisation id, name, main domain, ties, betweenness, closeness) of the most central
    /// brokers.
    pub brokers: Vec<(i64, String, Option<String>, usize, f64, f64)>,
    /// Ties between organisations of different main domains, and ties whose both ends have one.
    pub across_domains: (usize, usize),
}

/// An organisation's main domain as the graph carries it.
fn domain_of(graph: &Graph, i: usize) -> Option<&str> {
    graph.nodes[i].attributes.iter().find(|(k, _)| k == "domain").map(|(_, v)| v.as_str())
}

impl App {
    /// The cooperation network with its metrics and the fifteen organisations that broker the
    /// most shortest paths.
    pub async fn network_overview(&self, m: MunicipalityId) -> Result<NetworkOverview> {
        let graph = self.cooperation_graph(m).await?;
        let metrics = kette_network::metrics(&graph);
        let connected = metrics.degree.iter().filter(|d| **d > 0).count();
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for e in &graph.edges {
            *kinds.entry(e.kind.clone()).or_default() += 1;
        }
        let mut ties_by_kind: Vec<(String, usize)> = kinds.into_iter().collect();
        ties_by_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut order: Vec<usize> = (0..graph.nodes.len()).filter(|i| metrics.degree[*i] > 0).collect();
        order.sort_by(|a, b| metrics.betweenness[*b].total_cmp(&metrics.betweenness[*a]).then(metrics.degree[*b].cmp(&metrics.degree[*a])));
        let brokers = order
            .into_iter()
            .take(15)
            .filter_map(|i| {
                let id = graph.nodes[i].id.strip_prefix("org-")?.parse().ok()?;
                let domain = domain_of(&graph, i).map(String::from);
                Some((id, graph.nodes[i].label.clone(), domain, metrics.degree[i], metrics.betweenness[i], metrics.closeness[i]))
            })
            .collect();
        let known: Vec<bool> =
            graph.edges.iter().filter_map(|e| Some(domain_of(&graph, e.source)? != domain_of(&graph, e.target)?)).collect();
        let across_domains = (known.iter().filter(|x| **x).count(), known.len());
        Ok(NetworkOverview { graph, metrics, connected, ties_by_kind, brokers, across_domains })
    }
}
