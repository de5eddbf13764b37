//! The demo's fictional steering content beyond the Leitbild: further goals on the demo's real
//! indicators, a steering group and three working groups with members, meetings, minutes,
//! decisions and tasks, proposals (scored, accepted, rejected, open), the strategy cycle in
//! "implementation", and two rounds of the partners' self-assessment. Everything is marked as
//! fictional; dates are relative to the day the demo is built, so it never goes stale. Mail
//! addresses use the reserved example.org domain.

use anyhow::Result;
use time::{Date, Duration, PrimitiveDateTime, Time};

use kette_domain::bodies::{BodyInput, DecisionInput, MeetingInput, MemberInput, MemberRole, TaskInput, TaskStatus};
use kette_domain::goals::{GoalInput, GoalLevel, Target};
use kette_domain::MunicipalityId;
use kette_store::Store;

fn at(day: Date, hour: u8) -> PrimitiveDateTime {
    PrimitiveDateTime::new(day, Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT))
}

/// Further goals on the demo's indicators (the first three are in `demo::steering_showcase`).
pub async fn more_goals(store: &Store, m: MunicipalityId, impact: i64) -> Result<Vec<i64>> {
    let target_year = store.today().year() + 5;
    let neukoelln = store.districts_up_to(m, 1).await?.into_iter().find(|d| d.name.contains("Neukölln")).map(|d| d.id);
    let goal = |level, parent, title: &str, code: Option<&str>, district, target: Option<(i32, f64, f64)>, responsible: &str| GoalInput {
        parent_id: parent,
        level,
        title: title.into(),
        description: String::new(),
        indicator_code: code.map(Into::into),
        district_id: district,
        target: target.map(|(baseline_year, baseline_value, target_value)| Target {
            baseline_year,
            baseline_value,
            target_year,
            target_value,
        }),
        responsible_body_id: None,
        responsible: responsible.into(),
        tolerance: kette_domain::goals::DEFAULT_TOLERANCE,
    };
    let mut ids = vec![];
    let second = store
        .create_goal(
            m,
            &goal(
                GoalLevel::Impact,
                None,
                "Weniger Menschen leben von Transferleistungen (fiktives Ziel)",
                Some("mss_s3"),
                None,
                Some((2014, 17.5, 13.0)),
                "Steuerungsgruppe Präventionskette",
            ),
            true,
            None,
        )
        .await?;
    ids.push(second);
    for (level, parent, title, code, district, target, responsible) in [
        (
            GoalLevel::Outcome,
            Some(impact),
            "Weniger Kinderarmut in Neukölln (fiktives Ziel)",
            Some("mss_s4"),
            neukoelln,
            Some((2014, 42.0, 30.0)),
            "AG Rund um die Geburt",
        ),
        (
            GoalLevel::Outcome,
            Some(impact),
            "Weniger Jugendarbeitslosigkeit (fiktives Ziel)",
            Some("mss_k01"),
            None,
            Some((2014, 6.0, 3.5)),
            "AG Übergang Schule–Beruf",
        ),
        (
            GoalLevel::Outcome,
            Some(second),
            "Weniger Arbeitslosigkeit der Eltern (fiktives Ziel)",
            Some("mss_s1"),
            None,
            Some((2014, 9.0, 6.0)),
            "Jobcenter und Koordination",
        ),
        (
            GoalLevel::Outcome,
            Some(impact),
            "Übergänge Kita–Grundschule gelingen (fiktives Ziel)",
            None,
            None,
            None,
            "AG Übergang Kita–Grundschule",
        ),
    ] {
        ids.push(store.create_goal(m, &goal(level, parent, title, code, district, target, responsible), true, None).await?);
    }
    let transition_goal = ids[ids.len() - 1];
    for (title, responsible) in [
        ("Jede Grundschule hat eine feste Ansprechperson für die Kitas im Einzugsgebiet (fiktives Ziel)", "AG Übergang Kita–Grundschule"),
        ("Elternbriefe zum Schulstart in fünf Sprachen (fiktives Ziel)", "AG Übergang Kita–Grundschule"),
    ] {
        ids.push(
            store.create_goal(m, &goal(GoalLevel::Action, Some(transition_goal), title, None, None, None, responsible), true, None).await?,
        );
    }
    Ok(ids)
}

/// Bodies, meetings, proposals, the cycle and the self-assessment.
pub async fn bodies_and_cycle(store: &Store, m: MunicipalityId) -> Result<()> {
    let today = store.today();
    let accounts = store.accounts(m).await?;
    let account = |user: &str| accounts.iter().find(|a| a.username == user).map(|a| a.id);
    let partner_org = store.organisation_by_key(m, "kita-traeger-120").await?;
    let body =
        |kind: &str, name: &str, description: &str| BodyInput { kind: kind.into(), name: name.into(), description: description.into() };
    let steering = store
        .create_body(
            m,
            &body(
                "steering_group",
                "Steuerungsgruppe Präventionskette (fiktiv)",
                "Leitungskräfte aus Jugend, Gesundheit, Schule, Jobcenter und freier Trägerschaft; tagt viermal im Jahr.",
            ),
            true,
            None,
        )
        .await?;
    let member = |name: &str, organisation_id: Option<i64>, role, decides, account_id: Option<i64>| MemberInput {
        name: name.into(),
        organisation_id,
        email: format!("{}@example.org", name.split_whitespace().last().unwrap_or("mitglied").to_lowercase().replace(['ä', 'ö', 'ü'], "e")),
        role,
        is_decision_maker: decides,
        account_id,
    };
    let kim =
        store.add_member(m, steering, &member("Kim Koordination", None, MemberRole::Office, false, account("koordination")), None).await?;
    let chair = store.add_member(m, steering, &member("Dr. Jana Jugendamtsleitung", None, MemberRole::Chair, true, None), None).await?;
    store.add_member(m, steering, &member("Gero Gesundheitsamt", None, MemberRole::Member, true, None), None).await?;
    store.add_member(m, steering, &member("Sina Schulaufsicht", None, MemberRole::Member, true, None), None).await?;
    let toni =
        store.add_member(m, steering, &member("Toni Träger", partner_org, MemberRole::Member, true, account("traeger")), None).await?;
    store.add_member(m, steering, &member("Jo Jobcenter", None, MemberRole::Deputy, true, None), None).await?;

    let mut groups = vec![];
    for (name, description) in [
        ("AG Rund um die Geburt (fiktiv)", "Hebammen, Geburtskliniken, Frühe Hilfen, Familienzentren."),
        ("AG Übergang Kita–Grundschule (fiktiv)", "Kitas, Grundschulen, Schulsozialarbeit, Lotsinnen."),
        ("AG Übergang Schule–Beruf (fiktiv)", "Schulen, Jugendberufsagentur, Jugendhilfe, Betriebe."),
    ] {
        let id = store.create_body(m, &body("working_group", name, description), true, None).await?;
        let lead =
            store.add_member(m, id, &member("Kim Koordination", None, MemberRole::Office, false, account("koordination")), None).await?;
        groups.push((id, lead));
    }
    let (kita_group, kita_lead) = groups[1];
    let lina = store.add_member(m, kita_group, &member("Lina Lotsin", None, MemberRole::Chair, false, account("lotsin")), None).await?;
    let toni_ag =
        store.add_member(m, kita_group, &member("Toni Träger", partner_org, MemberRole::Member, false, account("traeger")), None).await?;
    store
        .create_body(
            m,
            &body("network_conference", "Netzwerkkonferenz Präventionskette (fiktiv)", "Alle Partner, einmal im Jahr."),
            true,
            None,
        )
        .await?;

    // goals whose answering body was written as text now name the body
    let now = kette_app::calendar::local_now(store.clock());
    let bodies = store.bodies(m, now).await?;
    for g in store.goals(m).await? {
        let wanted = format!("{} (fiktiv)", g.input.responsible);
        if let Some(b) = bodies.iter().find(|b| b.name == wanted || b.name.starts_with(&format!("{} ", g.input.responsible))) {
            let input = GoalInput { responsible_body_id: Some(b.id), responsible: String::new(), ..g.input.clone() };
            store.update_goal(m, g.id, &input, None).await?;
        }
    }

    // the steering group met a month ago, meets again in two weeks
    let past = MeetingInput {
        title: "4. Sitzung (fiktiv)".into(),
        starts_at: at(today - Duration::days(30), 14),
        ends_at: at(today - Duration::days(30), 16),
        place: "Rathaus, Raum 2.14".into(),
        agenda: vec![
            "Begrüßung und Protokoll der letzten Sitzung".into(),
            "Stand der Ziele aus dem Monitoring".into(),
            "Vorschläge der Arbeitsgruppen".into(),
            "Verschiedenes".into(),
        ],
    };
    let past_id = store.create_meeting(m, steering, &past, None).await?;
    store
        .save_minutes(
            m,
            past_id,
            "## Ergebnisse (fiktives Protokoll)\n\n\
             1. Die Kinderarmut (MSS S4) sinkt, aber langsamer als geplant; die Steuerungsgruppe bittet die AG Rund um die Geburt um einen Vorschlag für Neukölln.\n\
             2. Der Vorschlag **Brückenjahr Kita–Schule** wird angenommen und als Maßnahme geplant.\n\
             3. Die Netzwerkkonferenz findet im Frühjahr statt.\n\n\
             Nächste Sitzung: siehe Kalender.",
            &[kim, chair, toni],
            None,
        )
        .await?;
    store
        .create_meeting(
            m,
            steering,
            &MeetingInput {
                title: "5. Sitzung (fiktiv)".into(),
                starts_at: at(today + Duration::days(14), 14),
                ends_at: at(today + Duration::days(14), 16),
                place: "Rathaus, Raum 2.14".into(),
                agenda: vec![
                    "Bericht der Koordination".into(),
                    "Selbsteinschätzung des Netzwerks".into(),
                    "Sachstandsbericht für den Jugendhilfeausschuss".into(),
                ],
            },
            None,
        )
        .await?;
    let group_meeting = store
        .create_meeting(
            m,
            kita_group,
            &MeetingInput {
                title: "AG-Treffen Schulstart (fiktiv)".into(),
                starts_at: at(today - Duration::days(10), 10),
                ends_at: at(today - Duration::days(10), 12),
                place: "Familienzentrum (fiktiv)".into(),
                agenda: vec!["Elternbriefe".into(), "Vorschlag Brückenjahr".into()],
            },
            None,
        )
        .await?;
    store
        .save_minutes(
            m,
            group_meeting,
            "- Elternbrief in fünf Sprachen entwerfen\n- Vorschlag **Brückenjahr** an die Steuerungsgruppe",
            &[lina, toni_ag, kita_lead],
            None,
        )
        .await?;

    // proposals of the working groups
    let proposal =
        |title: &str, problem: &str, phase: &str, transition: Option<&str>, cost: f64, body: i64| kette_domain::proposals::ProposalInput {
            title: title.into(),
            problem: problem.into(),
            life_phase: Some(phase.into()),
            transition: transition.map(Into::into),
            district_id: None,
            expected_benefit: "Weniger Brüche in der Bildungsbiografie (fiktiv)".into(),
            cost_eur: Some(cost),
            partners: "Kitas, Grundschulen, Familienzentren".into(),
            body_id: Some(body),
        };
    let accepted = store
        .submit_proposal(
            m,
            &proposal(
                "Brückenjahr Kita–Schule (fiktiv)",
                "Kinder ohne Kita-Platz kommen ohne Vorbereitung in die Schule und verlieren früh den Anschluss.",
                "kita",
                Some("kita_to_primary"),
                85_000.0,
                kita_group,
            ),
            true,
            None,
        )
        .await?;
    let rejected = store
        .submit_proposal(
            m,
            &proposal(
                "Eigene Schulstart-App (fiktiv)",
                "Eltern finden Informationen zum Schulstart nicht.",
                "kita",
                Some("kita_to_primary"),
                120_000.0,
                kita_group,
            ),
            true,
            None,
        )
        .await?;
    let open = store
        .submit_proposal(
            m,
            &proposal(
                "Hebammensprechstunde im Familienzentrum (fiktiv)",
                "Schwangere ohne Hebamme finden keine Nachsorge.",
                "pregnancy_birth",
                None,
                40_000.0,
                groups[0].0,
            ),
            true,
            None,
        )
        .await?;
    store
        .submit_proposal(
            m,
            &proposal(
                "Ausbildungspaten an Sekundarschulen (fiktiv)",
                "Jugendliche ohne Netzwerk finden keinen Ausbildungsplatz.",
                "transition_to_work",
                Some("school_to_work"),
                30_000.0,
                groups[2].0,
            ),
            true,
            None,
        )
        .await?;
    let scores = |need: u8, reach: u8, cost: u8, feasibility: u8| {
        vec![("need".to_string(), need), ("reach".to_string(), reach), ("cost".to_string(), cost), ("feasibility".to_string(), feasibility)]
    };
    store.score_proposal(m, accepted, &scores(5, 4, 2, 4), None).await?;
    store.score_proposal(m, rejected, &scores(2, 3, 1, 2), None).await?;
    store.score_proposal(m, open, &scores(5, 2, 4, 3), None).await?;
    let measure = store.accept_proposal(m, accepted, None).await?;
    store
        .reject_proposal(
            m,
            rejected,
            "Die Informationen kommen in die Elternbriefe und den Wegweiser; eine eigene App lohnt sich nicht (fiktiv).",
            None,
        )
        .await?;
    let decision = store
        .add_decision(
            m,
            past_id,
            &DecisionInput {
                text: "Der Vorschlag Brückenjahr Kita–Schule wird angenommen (fiktiv).".into(),
                proposal_id: Some(accepted),
                measure_id: Some(measure),
                goal_id: None,
            },
            None,
        )
        .await?;
    store
        .add_decision(
            m,
            past_id,
            &DecisionInput {
                text: "Die Netzwerkkonferenz findet im Frühjahr statt (fiktiv).".into(),
                proposal_id: None,
                measure_id: None,
                goal_id: None,
            },
            None,
        )
        .await?;

    // tasks: one due in two days (the reminder), one overdue, one done
    for (title, owner, due, status, body, meeting) in [
        (
            "Sachstandsbericht für den Jugendhilfeausschuss entwerfen (fiktiv)",
            kim,
            today + Duration::days(2),
            TaskStatus::Open,
            steering,
            Some(past_id),
        ),
        ("Raum für die Netzwerkkonferenz reservieren (fiktiv)", kim, today - Duration::days(3), TaskStatus::Open, steering, Some(past_id)),
        (
            "Elternbrief in fünf Sprachen entwerfen (fiktiv)",
            lina,
            today + Duration::days(20),
            TaskStatus::Open,
            kita_group,
            Some(group_meeting),
        ),
        (
            "Träger für das Brückenjahr ansprechen (fiktiv)",
            toni_ag,
            today - Duration::days(1),
            TaskStatus::Done,
            kita_group,
            Some(group_meeting),
        ),
    ] {
        store
            .create_task(
                m,
                body,
                &TaskInput { title: title.into(), owner_member_id: Some(owner), due_on: Some(due), status, meeting_id: meeting },
                None,
            )
            .await?;
    }

    // the strategy cycle: build-up last year, implementation since the spring
    use kette_domain::cycle::{CheckInput, Evidence, Phase};
    let year = today.year();
    let day = |y: i32, month: time::Month, d: u8| Date::from_calendar_date(y, month, d).unwrap_or(today);
    store.set_cycle_phase(m, Phase::BuildUp, day(year - 2, time::Month::February, 1), "Förderbescheid des Landes (fiktiv)", None).await?;
    store
        .set_cycle_phase(
            m,
            Phase::Implementation,
            day(year - 1, time::Month::March, 1),
            "Bestands- und Bedarfsanalyse abgeschlossen (fiktiv)",
            None,
        )
        .await?;
    for (code, on, evidence) in [
        (
            "mandate_clarified",
            day(year - 2, time::Month::February, 1),
            Some(Evidence::Document("https://example.org/ratsbeschluss-praeventionskette".into())),
        ),
        (
            "political_mandate",
            day(year - 2, time::Month::February, 1),
            Some(Evidence::Document("https://example.org/ratsbeschluss-praeventionskette".into())),
        ),
        ("coordination_post", day(year - 2, time::Month::April, 1), None),
        ("steering_group_formed", day(year - 2, time::Month::May, 15), None),
        ("decision_makers", day(year - 2, time::Month::May, 15), None),
        ("partners_won", day(year - 2, time::Month::September, 30), None),
        ("kick_off", day(year - 2, time::Month::October, 10), None),
        ("inventory_needs", day(year - 1, time::Month::February, 28), None),
        ("concrete_activities", today - Duration::days(30), Some(Evidence::Decision(decision))),
        (
            "ways_of_working",
            day(year - 1, time::Month::June, 1),
            Some(Evidence::Document("https://example.org/geschaeftsordnung-steuerungsgruppe".into())),
        ),
    ] {
        store
            .check_cycle_item(m, &CheckInput { item_code: code.into(), done_on: on.min(today), evidence, note: "fiktiv".into() }, None)
            .await?;
    }

    // the self-assessment: last year eight answers (shown), this year three so far (hidden)
    for (survey_year, answers) in [(year - 1, 8usize), (year, 3)] {
        let (_, tokens) = store.open_survey_round(m, survey_year, 10, true, None).await?;
        for (i, token) in tokens.iter().take(answers).enumerate() {
            let scores: Vec<(String, u8)> = kette_domain::survey::FACTORS
                .iter()
                .enumerate()
                // a fixed spread: documentation and conflicts weaker, trust and contacts stronger
                .map(|(f, code)| {
                    let base: i32 = match *code {
                        "documentation" | "conflict_handling" => 2,
                        "trust" | "contact_persons" => 4,
                        _ => 3,
                    };
                    (code.to_string(), (base + ((i + f) % 3) as i32 - 1).clamp(1, 5) as u8)
                })
                .collect();
            store.answer_survey(m, token, &scores).await?;
        }
    }
    Ok(())
}

/// Sets each fictional indicator goal's baseline to the first published value of its area (as
/// the public sees it) and its target to a quarter less, so the demo's goals start from the
/// real data rather than from guessed numbers (the transfer goal a third less: an ambitious
/// goal shows what "at risk" looks like).
pub async fn calibrate_goals(store: &Store, m: MunicipalityId) -> Result<()> {
    let app = kette_app::App::new(store.clone());
    let public = kette_domain::disclosure::Disclosure::new(None, Default::default());
    let target_year = store.today().year() + 5;
    for g in app.goals_with_progress(&public, m).await? {
        let Some(&(year, value)) = g.values.iter().min_by_key(|(y, _)| *y) else { continue };
        if !g.goal.is_fictional || g.goal.input.indicator_code.is_none() {
            continue;
        }
        let cut = if g.goal.input.indicator_code.as_deref() == Some("mss_s3") { 0.65 } else { 0.75 };
        let target = Target {
            baseline_year: year,
            baseline_value: (value * 10.0).round() / 10.0,
            target_year,
            target_value: (value * cut * 10.0).round() / 10.0,
        };
        store.update_goal(m, g.goal.id, &GoalInput { target: Some(target), ..g.goal.input.clone() }, None).await?;
    }
    Ok(())
}

/// Fictional, marked cooperation agreements between real Berlin partners (issue 16): family
/// centres, Kita providers, schools, libraries and neighbourhood centres tied across their
/// domains, so that the network shows brokers, clusters and a few isolated partners.
pub async fn agreements(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::agreements::{AgreementInput, Duty};
    let mut groups: Vec<Vec<(i64, String)>> = vec![];
    for q in ["Familien", "Kinder im", "Schule", "Bibliothek", "Stadtteil", "Nachbarschaft"] {
        let found = store.list_organisations(m, Some(q), 1, 6).await?.items;
        groups.push(found.into_iter().map(|o| (o.id, o.name)).collect());
    }
    let today = store.today();
    let since = Date::from_calendar_date(today.year() - 2, time::Month::August, 1).unwrap_or(today);
    let kinds = ["cooperation_agreement", "referral_route", "joint_offer", "shared_working_group"];
    let tasks = [
        ("lädt zu gemeinsamen Elternabenden ein", Some("kita"), Some("kita_to_primary")),
        ("vermittelt Familien nach der Geburt weiter", Some("pregnancy_birth"), Some("family_to_daycare")),
        ("bietet Lesestunden für Grundschulklassen an", Some("primary"), None),
        ("berät Jugendliche zur Berufsorientierung", Some("secondary"), Some("school_to_work")),
    ];
    let mut n = 0usize;
    // each group ties with the next two groups, member i with member i and i + 1 there
    for g in 0..groups.len() {
        for step in [1, 2] {
            let other = &groups[(g + step) % groups.len()];
            for (i, (a, a_name)) in groups[g].iter().enumerate().take(4) {
                let Some((b, b_name)) = other.get((i + step) % other.len().max(1)) else { continue };
                if a == b {
                    continue;
                }
                let (task, phase, transition) = tasks[n % tasks.len()];
                let input = AgreementInput {
                    kind: kinds[n % kinds.len()].into(),
                    title: format!("{} und {} (fiktiv)", short(a_name), short(b_name)),
                    organisation_ids: vec![*a, *b],
                    since: Some(since),
                    // a few end within the year: the funding radar will show them
                    until: n.is_multiple_of(5).then(|| today + Duration::days(120 + n as i64)),
                    duties: vec![Duty {
                        organisation_id: *a,
                        task: task.into(),
                        life_phase: phase.map(String::from),
                        transition: transition.map(String::from),
                        district_id: None,
                    }],
                    contacts: "Ansprechperson Kooperation (fiktiv)".into(),
                    document_url: String::new(),
                };
                store.create_agreement(m, &input, true, None).await?;
                n += 1;
            }
        }
    }
    Ok(())
}

/// Fictional, marked steps of the chain between real Berlin offers (issue 16) in the first four
/// Bezirke: birth → early childhood → Kita → primary school and school → work, with a transition
/// left open here and there so the chain page has gaps to flag.
pub async fn chain_links(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::chain::ChainLinkInput;
    let bezirke = store.districts_up_to(m, 1).await?;
    for (k, bezirk) in bezirke.iter().take(4).enumerate() {
        // (life phase, a word of the titles that fits the step): a family centre after birth,
        // a Kita, a primary school, a youth club, a youth service at the step into work
        let mut by_phase: Vec<Vec<i64>> = vec![];
        for (phase, word, titles) in [
            ("pregnancy_birth", "Familienzentrum", &["Familienzentrum"][..]),
            ("early_childhood", "Famil", &["Familienzentrum", "Familientreff", "Familien-Café", "Eltern"][..]),
            ("kita", "Kita", &["Kita"][..]),
            ("primary", "schule", &["Grundschule", "Schule"][..]),
            ("secondary", "Jugend", &["Jugend"][..]),
            ("transition_to_work", "Jugend", &["Jugend"][..]),
        ] {
            let filter = kette_store::OfferFilter {
                q: Some(word.into()),
                life_phase: Some(phase.into()),
                district_id: Some(bezirk.id),
                // the demo's review policy is set last; until then old verification dates would
                // hide the offers from a public-only list
                status: Some(kette_domain::vocab::OfferStatus::Active),
                ..Default::default()
            };
            let found = store.list_offers(m, &filter, 1, 60).await?.items;
            // the word must be in the title (the search reads descriptions too), best word first
            let mut ids = vec![];
            for t in titles {
                ids.extend(found.iter().filter(|o| o.title.contains(t) && !ids.contains(&o.id)).map(|o| o.id).collect::<Vec<_>>());
            }
            by_phase.push(ids);
        }
        // the i-th offer of a phase, skipping one that serves the previous phase as well
        let pick = |p: usize, i: usize, not: Option<i64>| by_phase[p].iter().copied().filter(|id| Some(*id) != not).nth(i);
        let birth = pick(0, 0, None);
        let early = pick(1, 0, birth);
        let kita = pick(2, 0, early);
        let school = pick(3, 0, kita);
        let youth = pick(4, 0, None);
        let mut steps =
            vec![(birth, early, None), (early, kita, Some("family_to_daycare")), (pick(1, 1, birth), kita, Some("family_to_daycare"))];
        if k % 2 == 0 {
            steps.push((kita, school, Some("kita_to_primary")));
            steps.push((school, pick(3, 1, kita), None));
        }
        if k != 1 {
            steps.push((youth, pick(5, 0, youth), Some("school_to_work")));
        }
        for (from, to, transition) in steps {
            let (Some(from), Some(to)) = (from, to) else { continue };
            let input = ChainLinkInput { from_offer_id: from, to_offer_id: to, transition: transition.map(String::from) };
            // an offer serving two phases may meet itself or a step twice: those are skipped
            match store.add_offer_link(m, &input, true, None).await {
                Ok(_) | Err(kette_store::StoreError::Invalid { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// A year of fictional navigator contacts (issue 16) across the Bezirke, life phases,
/// transitions and topics, most referred to a real offer of the Bezirk, some followed up — so the
/// log's counts and the follow-up list show something real-looking. Drawn by a fixed rule, so
/// every demo has the same log.
pub async fn navigator_contacts(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::navigator::ContactInput;
    use kette_domain::vocab::ContactOutcome;
    let today = store.today();
    let bezirke = store.districts_up_to(m, 1).await?;
    let phases = ["pregnancy_birth", "early_childhood", "kita", "primary", "secondary", "transition_to_work"];
    let transitions = [None, Some("family_to_daycare"), Some("kita_to_primary"), Some("primary_to_secondary"), Some("school_to_work")];
    let topics = ["youth_welfare", "education", "health", "social_security", "participation"];
    let vocab = store.vocabulary(m).await?;
    let mut offers: Vec<Vec<i64>> = vec![];
    for b in &bezirke {
        let filter = kette_store::OfferFilter {
            district_id: Some(b.id),
            status: Some(kette_domain::vocab::OfferStatus::Active),
            ..Default::default()
        };
        offers.push(store.list_offers(m, &filter, 1, 12).await?.items.into_iter().map(|o| o.id).collect());
    }
    // a small linear congruential sequence: the same log on every machine
    let mut seed: u64 = 20_261_206;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for _ in 0..420 {
        let b = next(bezirke.len());
        let phase = next(phases.len());
        let days_ago = next(360) as i64;
        let offer = if next(5) > 0 { offers.get(b).and_then(|o| o.get(next(o.len().max(1))).copied()) } else { None };
        // contacts of the last month are mostly still open; older ones mostly followed up
        let outcome = match (days_ago < 30, next(10)) {
            (true, 0..=7) | (false, 0..=1) => ContactOutcome::Unknown,
            (_, 2..=8) => ContactOutcome::Reached,
            _ => ContactOutcome::NotReached,
        };
        let topic = topics[next(topics.len())];
        let input = ContactInput {
            contacted_on: today - Duration::days(days_ago),
            offer_id: offer,
            district_id: bezirke.get(b).map(|d| d.id),
            life_phase: Some(phases[phase].into()),
            transition: transitions[next(transitions.len())].map(String::from),
            domain: vocab.contains(kette_domain::TermKind::Domain, topic).then(|| topic.to_string()),
            language: None,
            outcome: if offer.is_some() { outcome } else { ContactOutcome::Unknown },
        };
        store.log_contact(m, &input).await?;
    }
    Ok(())
}

/// Fictional, marked events of the network (issue 16): a Fachtag and trainings earlier this
/// year with participants counted by organisation and profession, the yearly introduction for
/// new staff, and a network conference to come — tied to the demo's goals and cycle phases.
pub async fn events(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::cycle::Phase;
    use kette_domain::events::{Attendance, EventInput};
    use kette_domain::vocab::{EventKind, Profession};
    let now = kette_app::calendar::local_now(store.clock());
    let organisations: Vec<i64> = store.list_organisations(m, Some("Famil"), 1, 8).await?.items.into_iter().map(|o| o.id).collect();
    let schools: Vec<i64> = store.list_organisations(m, Some("Schule"), 1, 4).await?.items.into_iter().map(|o| o.id).collect();
    let goals: Vec<i64> = store.goals(m).await?.into_iter().map(|g| g.id).take(2).collect();
    let at = |days: i64, hour: u8, hours: i64| {
        let start =
            PrimitiveDateTime::new(now.date() + Duration::days(days), time::Time::from_hms(hour, 0, 0).unwrap_or(time::Time::MIDNIGHT));
        (start, start + Duration::hours(hours))
    };
    let rows = |orgs: &[i64], profession: Profession, base: u32| -> Vec<Attendance> {
        orgs.iter().enumerate().map(|(i, o)| Attendance { organisation_id: Some(*o), profession, count: base + (i as u32 % 3) }).collect()
    };
    let plan = [
        (EventKind::SpecialistDay, "Fachtag „Armut hat viele Gesichter“ (fiktiv)", -150, 9, 7, true, Some(Phase::Implementation), {
            let mut a = rows(&organisations, Profession::SocialWork, 3);
            a.extend(rows(&schools, Profession::Education, 2));
            a.push(Attendance { organisation_id: None, profession: Profession::Volunteer, count: 9 });
            a
        }),
        (
            EventKind::Introduction,
            "Einführung für neue Fachkräfte: armutssensibel handeln (fiktiv)",
            -60,
            9,
            6,
            false,
            Some(Phase::Implementation),
            rows(&organisations[..organisations.len().min(4)], Profession::Education, 2),
        ),
        (
            EventKind::Training,
            "Fortbildung Übergang Kita – Grundschule gestalten (fiktiv)",
            -20,
            14,
            3,
            false,
            Some(Phase::Implementation),
            rows(&schools, Profession::Education, 4),
        ),
        (
            EventKind::NetworkConference,
            "Netzwerkkonferenz der Präventionskette (fiktiv)",
            40,
            10,
            5,
            true,
            Some(Phase::Consolidation),
            vec![],
        ),
    ];
    for (kind, title, days, hour, hours, is_public, cycle_phase, attendance) in plan {
        let (starts_at, ends_at) = at(days, hour, hours);
        let input = EventInput {
            kind,
            title: title.into(),
            description: String::new(),
            starts_at,
            ends_at,
            place: "Rathaus, Festsaal (fiktiv)".into(),
            organiser_id: organisations.first().copied(),
            cycle_phase,
            goal_ids: goals.clone(),
            is_public,
            attendance,
        };
        store.create_event(m, &input, true, None).await?;
    }
    Ok(())
}

/// Fictional, marked funding (issue 16): family centres on project money that runs out within
/// the year (one with the regular budget taking over, one with a follow-up grant), measures on a
/// state programme, and the coordination post itself — so the consolidation radar has something
/// to show.
pub async fn funding(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::funding::{FundingInput, FundingSubject};
    use kette_domain::vocab::FundingKind;
    let today = store.today();
    let filter = kette_store::OfferFilter {
        q: Some("Familienzentrum".into()),
        status: Some(kette_domain::vocab::OfferStatus::Active),
        ..Default::default()
    };
    let centres: Vec<i64> = store.list_offers(m, &filter, 1, 8).await?.items.into_iter().map(|o| o.id).collect();
    let record = |subject, source: &str, kind, amount: f64, from_days: i64, until_days: Option<i64>| FundingInput {
        subject,
        post_title: String::new(),
        source: source.into(),
        kind,
        amount_per_year_eur: Some(amount),
        starts_on: Some(today - Duration::days(from_days)),
        ends_on: until_days.map(|d| today + Duration::days(d)),
    };
    let mut records = vec![];
    for (i, centre) in centres.iter().enumerate() {
        let subject = FundingSubject::Offer(*centre);
        match i % 4 {
            // ends in 3, 7 or 11 months with nothing after it
            0 | 1 => records.push(record(
                subject,
                "Landesprogramm Familienzentren (fiktiv)",
                FundingKind::Project,
                48_000.0,
                700,
                Some(90 + 120 * i as i64),
            )),
            // the regular budget takes over
            2 => {
                records.push(record(subject, "Bundesprogramm Elternchance (fiktiv)", FundingKind::Project, 36_000.0, 500, Some(150)));
                records.push(FundingInput {
                    starts_on: Some(today + Duration::days(151)),
                    ends_on: None,
                    ..record(subject, "Kommunaler Haushalt, Jugendamt", FundingKind::Regular, 36_000.0, 0, None)
                });
            }
            // a donation, and a follow-up grant beyond the horizon
            _ => {
                records.push(record(subject, "Stiftung Kinderchancen (fiktiv)", FundingKind::Donation, 12_000.0, 300, Some(200)));
                records.push(FundingInput {
                    starts_on: Some(today + Duration::days(201)),
                    ..record(subject, "Stiftung Kinderchancen (fiktiv)", FundingKind::Donation, 12_000.0, 0, Some(900))
                });
            }
        }
    }
    for measure in store.measures(m).await?.into_iter().take(2) {
        records.push(record(
            FundingSubject::Measure(measure.id),
            "Landesprogramm kinderstark (fiktiv)",
            FundingKind::Project,
            95_000.0,
            400,
            Some(260),
        ));
    }
    records.push(FundingInput {
        post_title: "Koordinationsstelle Präventionskette (fiktiv)".into(),
        ..record(FundingSubject::Post, "Landesprogramm kinderstark (fiktiv)", FundingKind::Project, 72_000.0, 900, Some(300))
    });
    for r in &records {
        store.save_funding(m, None, r, true, None).await?;
    }
    Ok(())
}

/// Fictional, marked engagement (issue 16): needs of family centres and a measure, and gifts of
/// local businesses, a foundation, a club and citizens at every stage from offered to thanked.
pub async fn engagement(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::engagement::{GiftInput, NeedInput};
    use kette_domain::vocab::{GiftKind, GiftStatus, GiverKind};
    let today = store.today();
    let filter = kette_store::OfferFilter {
        q: Some("Familienzentrum".into()),
        status: Some(kette_domain::vocab::OfferStatus::Active),
        ..Default::default()
    };
    let centres: Vec<i64> = store.list_offers(m, &filter, 1, 3).await?.items.into_iter().map(|o| o.id).collect();
    let measure = store.measures(m).await?.first().map(|x| x.id);
    let need = |offer_id: Option<i64>, measure_id: Option<i64>, kind, text: &str| NeedInput {
        offer_id,
        measure_id,
        kind,
        description: text.into(),
    };
    let mut needs = vec![];
    for n in [
        need(centres.first().copied(), None, GiftKind::InKind, "Frühstück für das Elterncafé am Mittwoch (fiktiv)"),
        need(centres.get(1).copied(), None, GiftKind::Time, "Lesepatinnen und Lesepaten für die Kinder ab 4 (fiktiv)"),
        need(centres.get(2).copied(), None, GiftKind::Money, "Zuschuss für Ausflüge in den Ferien (fiktiv)"),
        need(None, measure, GiftKind::InKind, "Laptops für die Hausaufgabenhilfe (fiktiv)"),
    ] {
        if n.offer_id.is_some() || n.measure_id.is_some() {
            needs.push(Some(store.add_need(m, &n, true, None).await?));
        } else {
            needs.push(None);
        }
    }
    let gift = |giver_kind, name: &str, kind, text: &str, amount: Option<f64>, hours: Option<u32>, days_ago: i64| GiftInput {
        giver_kind,
        giver_name: name.into(),
        kind,
        description: text.into(),
        amount_eur: amount,
        hours,
        offered_on: today - Duration::days(days_ago),
        need_id: None,
        status: GiftStatus::Offered,
    };
    let plan = [
        (
            gift(GiverKind::Business, "Bäckerei am Markt (fiktiv)", GiftKind::InKind, "Brötchen und Obst jede Woche", None, None, 80),
            needs[0],
            GiftStatus::Delivered,
        ),
        (
            gift(GiverKind::Foundation, "Bürgerstiftung (fiktiv)", GiftKind::Money, "Spende für Ferienausflüge", Some(2_500.0), None, 120),
            needs[2],
            GiftStatus::Thanked,
        ),
        (gift(GiverKind::Citizen, "", GiftKind::Time, "Vorlesen zweimal im Monat", None, Some(40), 20), needs[1], GiftStatus::Matched),
        (
            gift(GiverKind::Club, "Sportverein (fiktiv)", GiftKind::Time, "Bewegungsstunde für Kita-Gruppen", None, Some(30), 10),
            None,
            GiftStatus::Offered,
        ),
        (
            gift(GiverKind::Business, "IT-Dienstleister (fiktiv)", GiftKind::InKind, "Fünf gebrauchte Laptops", None, None, 5),
            None,
            GiftStatus::Offered,
        ),
    ];
    for (g, need_id, status) in plan {
        let input = GiftInput { need_id, status: if need_id.is_some() { status } else { GiftStatus::Offered }, ..g };
        store.save_gift(m, None, &input, true, None).await?;
    }
    Ok(())
}

/// A partner's proposal waiting for the coordination (issue 16): the demo partner account's
/// organisation proposes a referral route with a family centre, so the review of proposals is
/// not empty on first start.
pub async fn agreement_proposal(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::agreements::{AgreementInput, Duty};
    let Some(partner) = store.organisation_by_key(m, "kita-traeger-120").await? else { return Ok(()) };
    let Some(centre) = store.list_organisations(m, Some("Familienzentrum"), 1, 1).await?.items.first().map(|o| o.id) else { return Ok(()) };
    let account = store.accounts(m).await?.into_iter().find(|a| a.username == "traeger").map(|a| a.id);
    let input = AgreementInput {
        kind: "referral_route".into(),
        title: "Kindergärten City und Familienzentrum: Übergang in die Kita (fiktiv)".into(),
        organisation_ids: vec![partner, centre],
        since: Some(store.today()),
        until: None,
        duties: vec![Duty {
            organisation_id: partner,
            task: "hält zwei Plätze für Familien aus dem Familienzentrum frei".into(),
            life_phase: Some("kita".into()),
            transition: Some("family_to_daycare".into()),
            district_id: None,
        }],
        contacts: "Ansprechperson Kita-Aufnahme (fiktiv)".into(),
        document_url: String::new(),
    };
    store.propose_agreement(m, None, partner, &input, account).await?;
    Ok(())
}

/// The name up to its legal form, for a readable title.
fn short(name: &str) -> &str {
    let cut = [" gGmbH", " e.V.", " e. V.", " GmbH", " mbH", " gUG"].iter().filter_map(|f| name.find(f)).min().unwrap_or(name.len());
    name[..cut].trim()
}

/// Two fictional scenarios of the needs analysis: a planned Kita with a family office where
/// the gaps are largest, and a saving round that closes three family centres — to compare.
pub async fn scenarios(store: &Store, m: MunicipalityId) -> Result<()> {
    use kette_domain::needs::{PlannedOffer, ScenarioChange};
    let district = |key: &'static str| async move { store.district_by_key(m, key).await };
    let grow = store
        .create_scenario(
            m,
            "Kita und Familienbüro Gropiusstadt (fiktiv)",
            "Prüfung für den Jugendhilfeausschuss: 120 Kita-Plätze und ein Familienbüro im Süden Neuköllns.",
            true,
            None,
        )
        .await?;
    if let Some(d) = district("08030831").await? {
        let planned = [
            ("Kita am Wildmeisterdamm (geplant)", vec!["early_childhood", "kita"], Some(120), Some([52.4205, 13.4668])),
            ("Familienbüro Gropiusstadt (geplant)", vec!["pregnancy_birth", "early_childhood"], None, None),
        ];
        for (label, phases, places, at) in planned {
            let change = ScenarioChange::Add(PlannedOffer {
                label: label.into(),
                district: d,
                at,
                phases: phases.into_iter().map(String::from).collect(),
                places,
            });
            store.add_scenario_change(m, grow, &change, None).await?;
        }
    }
    let save = store
        .create_scenario(m, "Sparrunde Familienzentren (fiktiv)", "Was fehlt, wenn drei Familienzentren schließen?", true, None)
        .await?;
    let filter = kette_store::OfferFilter {
        q: Some("Familienzentrum".into()),
        status: Some(kette_domain::vocab::OfferStatus::Active),
        ..Default::default()
    };
    for o in store.list_offers(m, &filter, 2, 3).await?.items {
        store.add_scenario_change(m, save, &ScenarioChange::Close { offer: o.id }, None).await?;
    }
    // the walking shares as they stand when the demo is built, saved for the report
    let municipality = store.municipality(m).await?;
    let vocab = store.vocabulary(m).await?;
    kette_app::App::new(store.clone()).save_reach_run(&municipality, &vocab, None, None, "Stand beim Aufbau der Demo", None).await?;
    // the planning has taken up the Kita gap in Gropiusstadt Ost
    if let (Some(d), Some(measure)) = (district("08030831").await?, store.measures(m).await?.first()) {
        let input = |state, comment: &str| kette_domain::needs::GapFollowUpInput {
            state,
            measure_id: Some(measure.id).filter(|_| state == kette_domain::needs::GapState::Addressed),
            proposal_id: None,
            comment: comment.into(),
        };
        use kette_domain::needs::GapState;
        store.follow_up_gap(m, d, "kita", &input(GapState::Open, "Zahlen mit dem Kita-Eigenbetrieb abgleichen (fiktiv)."), None).await?;
        store
            .follow_up_gap(
                m,
                d,
                "kita",
                &input(GapState::Addressed, "Das Szenario „Kita und Familienbüro“ geht in den Jugendhilfeausschuss (fiktiv)."),
                None,
            )
            .await?;
    }
    Ok(())
}
