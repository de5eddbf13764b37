//! The cooperation network (issue 16) as a graph: every organisation a node, a tie wherever two
//! organisations have an agreement in force (typed by its kind), sit in the same steering body
//! or carry a measure together, or where a step of the chain leads from one's offer to the
//! other's.

use std::collections::BTreeMap;

use kette_domain::MunicipalityId;
use kette_network::Graph;

use crate::{App, Result};

/// Everything the graph is drawn from, each tie with the days it holds, so the graphs of
/// several days come from one read of the store.
pub struct Cooperation {
    /// The organisations, without edges.
    nodes: Graph,
    /// (organisations, kind, from, until) of agreements, measures and steps of the chain.
    groups: Vec<(Vec<i64>, String, Option<time::Date>, Option<time::Date>)>,
    /// body → (organisation, since, left on)
    memberships: BTreeMap<i64, Vec<(i64, Option<time::Date>, Option<time::Date>)>>,
}

fn holds(from: Option<time::Date>, until: Option<time::Date>, day: time::Date) -> bool {
    from.is_none_or(|f| f <= day) && until.is_none_or(|u| day <= u)
}

impl Cooperation {
    /// The graph as it stood on `day`: agreements in force then, members of bodies then,
    /// measures running then (by their period) and steps of the chain linked by then. The nodes
    /// are today's organisations, so two days' graphs compare node by node.
    pub fn graph_on(&self, day: time::Date) -> Graph {
        let mut ties: BTreeMap<(i64, i64, &str), f64> = BTreeMap::new();
        for (organisations, kind, from, until) in &self.groups {
            if holds(*from, *until, day) {
                tie_all(organisations.clone(), kind, &mut ties);
            }
        }
        for members in self.memberships.values() {
            let present = members
                .iter()
                .filter(|(_, since, left)| since.is_none_or(|s| s <= day) && left.is_none_or(|l| l > day))
                .map(|(o, _, _)| *o);
            tie_all(present.collect(), "shared_body", &mut ties);
        }
        let mut graph = self.nodes.clone();
        for ((a, b, kind), weight) in ties {
            if let (Some(s), Some(t)) = (graph.index_of(&format!("org-{a}")), graph.index_of(&format!("org-{b}"))) {
                graph.edge(s, t, kind, weight);
            }
        }
        graph
    }
}

/// A tie of `kind` between every two of the organisations, adding to its weight.
fn tie_all<'k>(mut organisations: Vec<i64>, kind: &'k str, ties: &mut BTreeMap<(i64, i64, &'k str), f64>) {
    organisations.sort_unstable();
    organisations.dedup();
    for (i, a) in organisations.iter().enumerate() {
        for b in &organisations[i + 1..] {
            *ties.entry((*a, *b, kind)).or_default() += 1.0;
        }
    }
}

impl App {
    /// The municipality's cooperation graph today: node ids `org-{id}`, labels the
    /// organisations' names, an edge per pair and kind of tie weighted by how many bodies or
    /// measures it stands for.
    pub async fn cooperation_graph(&self, m: MunicipalityId) -> Result<Graph> {
        Ok(self.cooperation(m).await?.graph_on(self.store.today()))
    }

    /// What the graph of any day is drawn from: every organisation a node; agreements (kind,
    /// since, until), measures (their period), steps of the chain between partners (from the day
    /// they were linked) and memberships of bodies.
    pub async fn cooperation(&self, m: MunicipalityId) -> Result<Cooperation> {
        let mut nodes = Graph::new();
        let domains = self.store.organisation_main_domains(m).await?;
        let mut page = 1;
        loop {
            let result = self.store.list_organisations(m, None, page, 500).await?;
            for o in &result.items {
                let i = nodes.node(&format!("org-{}", o.id), &o.name);
                nodes.nodes[i].attributes.push(("kind".into(), o.kind.as_str().into()));
                if let Some(d) = domains.get(&o.id) {
                    nodes.nodes[i].attributes.push(("domain".into(), d.clone()));
                }
            }
            if (page as i64) * 500 >= result.total {
                break;
            }
            page += 1;
        }
        let mut groups = vec![];
        for agreement in self.store.agreements(m, None).await? {
            groups.push((
                agreement.input.organisation_ids.clone(),
                agreement.input.kind.clone(),
                agreement.input.since,
                agreement.input.until,
            ));
        }
        for measure in self.store.measures(m).await? {
            let organisations: Vec<i64> =
                measure.input.lead_organisation_id.into_iter().chain(measure.input.organisation_ids.iter().copied()).collect();
            groups.push((organisations, "joint_measure".into(), measure.input.starts_on, measure.input.ends_on));
        }
        // a step of the chain from one partner's offer to another's is a referral route in use
        for link in self.store.offer_links(m).await? {
            if link.from_organisation_id != link.to_organisation_id {
                let linked = time::Date::parse(&link.created_on, &time::format_description::well_known::Iso8601::DATE).ok();
                groups.push((vec![link.from_organisation_id, link.to_organisation_id], "chain_link".into(), linked, None));
            }
        }
        let mut memberships: BTreeMap<i64, Vec<(i64, Option<time::Date>, Option<time::Date>)>> = BTreeMap::new();
        for (body, organisation, since, left) in self.store.body_memberships(m).await? {
            memberships.entry(body).or_default().push((organisation, since, left));
        }
        Ok(Cooperation { nodes, groups, memberships })
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
    /// Brokers between domains: organisations tied to organisations of other domains than their
    /// own, most other domains first — (id, name, own domain, the other domains reached, ties
    /// across domains).
    pub domain_bridges: Vec<(i64, String, String, Vec<String>, usize)>,
    /// Each life phase and transition of the vocabulary: organisations whose active offers serve
    /// it, and how many of them have a tie.
    pub coverage: Vec<Coverage>,
    /// The network a year ago, for the change since.
    pub year_ago: YearAgo,
    /// The tied organisations and their ties, placed for drawing.
    pub drawing: Drawing,
}

/// What the picture of the network shows: the organisations with a tie, placed by
/// `kette_network::force_layout` in the unit square, and the ties between them. The server draws
/// it as SVG; the interactive view reads the same as JSON.
#[derive(serde::Serialize)]
pub struct Drawing {
    pub nodes: Vec<DrawnNode>,
    /// (index of one end, index of the other, kind)
    pub edges: Vec<(usize, usize, String)>,
}

#[derive(serde::Serialize)]
pub struct DrawnNode {
    pub id: i64,
    pub label: String,
    pub domain: Option<String>,
    pub degree: usize,
    pub betweenness: f64,
    pub x: f64,
    pub y: f64,
}

pub struct Coverage {
    /// `life_phase` or `transition`
    pub kind: &'static str,
    pub code: String,
    pub serving: usize,
    pub connected: usize,
}

pub struct YearAgo {
    pub day: time::Date,
    pub connected: usize,
    pub edges: usize,
    pub density: f64,
    pub components: usize,
    /// (id, name) of organisations tied today and not a year ago, and the other way round.
    pub newly_connected: Vec<(i64, String)>,
    pub no_longer_connected: Vec<(i64, String)>,
}

/// The organisation id of node `i` (`org-{id}`).
fn org_id(graph: &Graph, i: usize) -> Option<i64> {
    graph.nodes[i].id.strip_prefix("org-")?.parse().ok()
}

/// An organisation's main domain as the graph carries it.
fn domain_of(graph: &Graph, i: usize) -> Option<&str> {
    graph.nodes[i].attributes.iter().find(|(k, _)| k == "domain").map(|(_, v)| v.as_str())
}

impl App {
    /// The cooperation network with its metrics and the fifteen organisations that broker the
    /// most shortest paths.
    pub async fn network_overview(&self, m: MunicipalityId) -> Result<NetworkOverview> {
        let cooperation = self.cooperation(m).await?;
        let graph = cooperation.graph_on(self.store.today());
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
        let mut reached: Vec<(std::collections::BTreeSet<String>, usize)> = vec![(Default::default(), 0); graph.nodes.len()];
        for e in &graph.edges {
            if let (Some(a), Some(b)) = (domain_of(&graph, e.source), domain_of(&graph, e.target)) {
                if a != b {
                    reached[e.source].0.insert(b.to_string());
                    reached[e.source].1 += 1;
                    reached[e.target].0.insert(a.to_string());
                    reached[e.target].1 += 1;
                }
            }
        }
        let mut domain_bridges: Vec<(i64, String, String, Vec<String>, usize)> = reached
            .into_iter()
            .enumerate()
            .filter(|(_, (others, _))| !others.is_empty())
            .filter_map(|(i, (others, ties))| {
                Some((
                    org_id(&graph, i)?,
                    graph.nodes[i].label.clone(),
                    domain_of(&graph, i)?.to_string(),
                    others.into_iter().collect(),
                    ties,
                ))
            })
            .collect();
        domain_bridges.sort_by(|a, b| b.3.len().cmp(&a.3.len()).then(b.4.cmp(&a.4)).then(a.1.cmp(&b.1)));
        domain_bridges.truncate(15);

        let connected_ids: std::collections::HashSet<i64> =
            (0..graph.nodes.len()).filter(|i| metrics.degree[*i] > 0).filter_map(|i| org_id(&graph, i)).collect();
        let terms = self.store.organisation_terms(m).await?;
        let vocab = self.store.vocabulary(m).await?;
        let mut coverage = vec![];
        for (kind, term_kind) in [("life_phase", kette_domain::TermKind::LifePhase), ("transition", kette_domain::TermKind::Transition)] {
            for term in vocab.of(term_kind) {
                let serving: Vec<i64> =
                    terms.iter().filter(|(_, t)| t.iter().any(|(k, c)| k == kind && *c == term.code)).map(|(o, _)| *o).collect();
                let connected = serving.iter().filter(|o| connected_ids.contains(o)).count();
                coverage.push(Coverage { kind, code: term.code.clone(), serving: serving.len(), connected });
            }
        }

        let day = self.store.today() - time::Duration::days(365);
        let before = cooperation.graph_on(day);
        let before_metrics = kette_network::structure(&before);
        let before_ids: std::collections::HashSet<i64> =
            (0..before.nodes.len()).filter(|i| before_metrics.degree[*i] > 0).filter_map(|i| org_id(&before, i)).collect();
        let name_of = |g: &Graph, id: i64| g.index_of(&format!("org-{id}")).map(|i| g.nodes[i].label.clone()).unwrap_or_default();
        let mut newly_connected: Vec<(i64, String)> = connected_ids.difference(&before_ids).map(|id| (*id, name_of(&graph, *id))).collect();
        let mut no_longer_connected: Vec<(i64, String)> =
            before_ids.difference(&connected_ids).map(|id| (*id, name_of(&before, *id))).collect();
        newly_connected.sort_by(|a, b| a.1.cmp(&b.1));
        no_longer_connected.sort_by(|a, b| a.1.cmp(&b.1));
        let year_ago = YearAgo {
            day,
            connected: before_ids.len(),
            edges: before_metrics.edges,
            density: before_metrics.density,
            components: before_metrics.components,
            newly_connected,
            no_longer_connected,
        };
        let shown: Vec<bool> = metrics.degree.iter().map(|d| *d > 0).collect();
        let placed = kette_network::force_layout(&graph, &shown);
        let mut slot = vec![usize::MAX; graph.nodes.len()];
        let mut nodes = vec![];
        for (i, p) in placed.iter().enumerate() {
            let (Some((x, y)), Some(id)) = (p, org_id(&graph, i)) else { continue };
            slot[i] = nodes.len();
            nodes.push(DrawnNode {
                id,
                label: graph.nodes[i].label.clone(),
                domain: domain_of(&graph, i).map(String::from),
                degree: metrics.degree[i],
                betweenness: metrics.betweenness[i],
                x: (x * 1000.0).round() / 1000.0,
                y: (y * 1000.0).round() / 1000.0,
            });
        }
        let edges = graph
            .edges
            .iter()
            .filter(|e| slot[e.source] != usize::MAX && slot[e.target] != usize::MAX)
            .map(|e| (slot[e.source], slot[e.target], e.kind.clone()))
            .collect();
        let drawing = Drawing { nodes, edges };
        Ok(NetworkOverview {
            graph,
            metrics,
            connected,
            ties_by_kind,
            brokers,
            across_domains,
            domain_bridges,
            coverage,
            year_ago,
            drawing,
        })
    }
}
