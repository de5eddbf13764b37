//! The cooperation network (issue 16) as a graph: every organisation a node, a tie wherever
//! two organisations sit in the same steering body or carry a measure together. Cooperation
//! agreements join as ties when they are kept.

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
        let mut page = 1;
        loop {
            let result = self.store.list_organisations(m, None, page, 500).await?;
            for o in &result.items {
                let i = graph.node(&format!("org-{}", o.id), &o.name);
                graph.nodes[i].attributes.push(("kind".into(), o.kind.as_str().into()));
            }
            if (page as i64) * 500 >= result.total {
                break;
            }
            page += 1;
        }
        let mut ties: BTreeMap<(i64, i64, &'static str), f64> = BTreeMap::new();
        let mut tie_all = |organisations: &mut Vec<i64>, kind: &'static str| {
            organisations.sort_unstable();
            organisations.dedup();
            for (i, a) in organisations.iter().enumerate() {
                for b in &organisations[i + 1..] {
                    *ties.entry((*a, *b, kind)).or_default() += 1.0;
                }
            }
        };
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
        for ((a, b, kind), weight) in ties {
            if let (Some(s), Some(t)) = (graph.index_of(&format!("org-{a}")), graph.index_of(&format!("org-{b}"))) {
                graph.edge(s, t, kind, weight);
            }
        }
        Ok(graph)
    }
}
