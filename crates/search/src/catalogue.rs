//! Building, updating and querying a catalogue: the tantivy index and the facts array kept in step, and the search path from scorer to page.

use super::*;

impl<P: Send + Sync + 'static> Catalogue<P> {
    /// Builds the index for these offers.
    pub fn build(docs: Vec<SearchDoc<P>>, synonyms: Synonyms) -> Result<Self> {
        let mut schema = Schema::builder();
        let text = |analyzer: &str, positions: bool| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(if positions {
                    IndexRecordOption::WithFreqs
                } else {
                    IndexRecordOption::Basic
                }),
            )
        };
        let title = schema.add_text_field("title", text(analysis::GERMAN, true));
        let body = schema.add_text_field("body", text(analysis::GERMAN, true));
        let reversed = schema.add_text_field("reversed", text(analysis::REVERSED, false));
        let intl = schema.add_text_field("intl", text(analysis::INTL, true));
        let offer_id = schema.add_u64_field("offer_id", FAST | INDEXED);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(analysis::GERMAN, analysis::german_analyzer());
        index.tokenizers().register(analysis::INTL, analysis::intl_analyzer());
        index.tokenizers().register(analysis::REVERSED, analysis::reversed_analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let catalogue = Catalogue {
            reader,
            index,
            writing: Mutex::new(()),
            fields: Fields { title, body, reversed, intl },
            offer_id,
            state: RwLock::new(Arc::new(State::new(Vec::new()))),
            synonyms: RwLock::new(Arc::new(synonyms)),
            codes: RwLock::new(Codes::default()),
        };
        catalogue.upsert(docs)?;
        Ok(catalogue)
    }

    fn tantivy_doc(&self, d: &SearchDoc<P>) -> TantivyDocument {
        let mut intl = String::new();
        for t in &d.translations {
            intl.push_str(&t.title);
            intl.push('\n');
            intl.push_str(&t.description);
            intl.push('\n');
        }
        // compounds are ended in titles, names and keywords; descriptions would add noise
        let mut reversed = String::with_capacity(d.title.len() + d.keywords.len() + 1);
        reversed.push_str(&d.title);
        reversed.push('\n');
        reversed.push_str(&d.keywords);
        for t in d.translations.iter().filter(|t| t.language.starts_with("de")) {
            reversed.push('\n');
            reversed.push_str(&t.title);
        }
        let mut body = String::with_capacity(d.description.len() + d.keywords.len() + 1);
        body.push_str(&d.description);
        body.push('\n');
        body.push_str(&d.keywords);
        doc!(
            self.fields.title => d.title.as_str(),
            self.fields.body => body,
            self.fields.reversed => reversed,
            self.fields.intl => intl,
            self.offer_id => d.offer_id as u64,
        )
    }

    /// Adds or replaces these offers; the change is visible to searches when this returns.
    pub fn upsert(&self, mut docs: Vec<SearchDoc<P>>) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        // Indexed in title order, document ids follow the positions of the facts array, so a
        // text search that checks thousands of hits reads those facts front to back instead
        // of jumping around memory (a third of a broad search's time went to cache misses).
        docs.sort_by(|a, b| a.sort_key.cmp(&b.sort_key).then(a.offer_id.cmp(&b.offer_id)));
        let _writing = self.writing.lock().map_err(|_| SearchError::Poisoned)?;
        // one indexing thread: the server shares two cores with its users
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, if docs.len() > 1000 { 50_000_000 } else { 15_000_000 })?;
        writer.set_merge_policy(Box::new(small_segments_merge()));
        for d in &docs {
            writer.delete_term(Term::from_field_u64(self.offer_id, d.offer_id as u64));
            writer.add_document(self.tantivy_doc(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut codes = self.codes.write().map_err(|_| SearchError::Poisoned)?;
        let replaced: HashMap<OfferId, Entry<P>> =
            docs.into_iter().map(|d| (d.offer_id, Entry { facets: codes.facets(&d), doc: Arc::new(d) })).collect();
        drop(codes);
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let mut all: Vec<Entry<P>> = state.docs.iter().filter(|e| !replaced.contains_key(&e.doc.offer_id)).cloned().collect();
        all.extend(replaced.into_values());
        *state = Arc::new(State::new(all).with_segments(&self.reader.searcher())?);
        Ok(())
    }

    /// Removes these offers (deleted or moved to another municipality).
    pub fn remove(&self, ids: &[OfferId]) -> Result<()> {
        let _writing = self.writing.lock().map_err(|_| SearchError::Poisoned)?;
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, 15_000_000)?;
        writer.set_merge_policy(Box::new(small_segments_merge()));
        for id in ids {
            writer.delete_term(Term::from_field_u64(self.offer_id, *id as u64));
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let all = state.docs.iter().filter(|e| !ids.contains(&e.doc.offer_id)).cloned().collect();
        *state = Arc::new(State::new(all).with_segments(&self.reader.searcher())?);
        Ok(())
    }

    pub fn set_synonyms(&self, synonyms: Synonyms) -> Result<()> {
        *self.synonyms.write().map_err(|_| SearchError::Poisoned)? = Arc::new(synonyms);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.state.read().map(|s| s.docs.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, id: OfferId) -> Option<Arc<SearchDoc<P>>> {
        let state = self.state.read().ok()?;
        state.by_id.get(&id).map(|&i| state.docs[i as usize].doc.clone())
    }

    /// Offers matching the request, one page of them, and how many match in all.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults<P>> {
        let state = self.state.read().map_err(|_| SearchError::Poisoned)?.clone();
        let synonyms = self.synonyms.read().map_err(|_| SearchError::Poisoned)?.clone();
        let filter = {
            let codes = self.codes.read().map_err(|_| SearchError::Poisoned)?;
            match Filter::new(request, &codes) {
                Some(f) => f.with_district(&state),
                // a code no offer carries: nothing can match
                None => return Ok(SearchResults { total: 0, hits: vec![] }),
            }
        };
        let units = query::units(&request.text, &synonyms);
        let mut german = analysis::german_analyzer();
        let mut intl = analysis::intl_analyzer();
        let exact =
            QueryBuilder { fields: self.fields, german: &mut german, intl: &mut intl, typos: false, known_stem: None }.build(&units);
        let limit = request.limit.clamp(1, 1000);
        // (position in title order, score, distance): cheap to order, materialised only for the page
        let mut found: Vec<(u32, f32, f32)> = Vec::new();
        let no_distance = f32::INFINITY;
        let mut total = 0;
        match exact {
            Some(q) => {
                let searcher = self.reader.searcher();
                // Straight from the scorer to the filter: no list of every match in between,
                // and no scores computed when the order does not use them.
                let collect = |q: &dyn tantivy::query::Query, best: &mut Best| -> Result<()> {
                    let scoring = if request.sort == Sort::Relevance {
                        EnableScoring::enabled_from_searcher(&searcher)
                    } else {
                        EnableScoring::disabled_from_searcher(&searcher)
                    };
                    let weight = q.weight(scoring)?;
                    for reader in searcher.segment_readers() {
                        // a segment newer than the state (a write in between) is mapped here
                        let computed;
                        let positions: &[u32] = match state.segments.get(&reader.segment_id()) {
                            Some(p) => p,
                            None => {
                                computed = state.positions_in(reader)?;
                                &computed
                            }
                        };
                        let alive = reader.alive_bitset();
                        let mut visit = |doc: DocId, score: Score| {
                            if alive.is_some_and(|a| !a.is_alive(doc)) {
                                return;
                            }
                            let i = positions[doc as usize];
                            if i == u32::MAX {
                                return;
                            }
                            if let Some(distance) = filter.check(&state, i) {
                                best.offer((i, score, distance.map(|d| d as f32).unwrap_or(no_distance)));
                            }
                        };
                        if request.sort == Sort::Relevance {
                            weight.for_each(reader, &mut visit)?;
                        } else {
                            weight.for_each_no_score(reader, &mut |docs: &[DocId]| docs.iter().for_each(|&d| visit(d, 0.0)))?;
                        }
                    }
                    Ok(())
                };
                let mut best = Best::new(request.offset + limit, request.sort);
                collect(&*q, &mut best)?;
                if best.total == 0 {
                    let fields = self.fields;
                    let known = |stem: &str| {
                        [fields.title, fields.body]
                            .into_iter()
                            .any(|f| searcher.doc_freq(&tantivy::Term::from_field_text(f, stem)).is_ok_and(|n| n > 0))
                    };
                    if let Some(tolerant) =
                        (QueryBuilder { fields: self.fields, german: &mut german, intl: &mut intl, typos: true, known_stem: Some(&known) })
                            .build(&units)
                    {
                        collect(&*tolerant, &mut best)?;
                    }
                }
                total = best.total;
                found = best.into_sorted();
            }
            None => {
                let page_only = request.sort != Sort::Distance && request.near.is_none();
                let candidates = state.candidates(request);
                let mut best = Best::new(request.offset + limit, request.sort);
                let mut visit = |i: u32| {
                    if let Some(distance) = filter.check(&state, i) {
                        let hit = (i, 0.0, distance.map(|d| d as f32).unwrap_or(no_distance));
                        if page_only {
                            // already in title order: keep only what the page needs
                            total += 1;
                            if total > request.offset && found.len() < limit {
                                found.push(hit);
                            }
                        } else {
                            best.offer(hit);
                        }
                    }
                };
                match &candidates {
                    Some(list) => list.iter().for_each(|&i| visit(i)),
                    None => (0..state.docs.len() as u32).for_each(&mut visit),
                }
                if page_only {
                    return Ok(SearchResults { total, hits: materialise(&state, &found, request) });
                }
                total = best.total;
                found = best.into_sorted();
            }
        }
        Ok(SearchResults { total, hits: materialise(&state, &found[request.offset.min(found.len())..], request) })
    }
}

/// Each save through the server commits a segment of one or a few offers. tantivy's default
/// policy puts every segment under 10,000 documents on one level, so every eighth save merged
/// the whole catalogue again (most of the server's time with twenty editors saving). Levels by
/// real size merge the small segments among themselves and the large one seldom.
fn small_segments_merge() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_min_layer_size(8);
    policy
}
