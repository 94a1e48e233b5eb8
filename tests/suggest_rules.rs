//! One test per suggestion rule, on short hand-written sentences (none taken from any
//! evaluation text), plus accepting suggestions through the reducer.

use stancemark::model::annotation::{Origin, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use stancemark::suggest::{accept_action, suggest, SpeakerRef, Suggestion, Suggestions};

fn doc(text: &str) -> Document {
    Document::new(Article::parse_text(text).unwrap(), Schema::default())
}

/// Each suggestion as (rule, fragment texts, cue text, mention text, speaker name).
fn read(d: &Document, s: &Suggestions) -> Vec<(String, Vec<String>, String, String, String)> {
    s.items
        .iter()
        .map(|it| {
            let speaker = match &it.speaker {
                Some(SpeakerRef::New(i)) => s.new_speakers[*i].name.clone(),
                Some(SpeakerRef::Existing(id)) => format!("existing {id}"),
                None => String::new(),
            };
            (
                it.rule.to_owned(),
                it.fragments.iter().map(|f| d.span_text(*f).to_owned()).collect(),
                it.cue.map_or(String::new(), |c| d.span_text(c).to_owned()),
                it.source_mention.map_or(String::new(), |m| d.span_text(m).to_owned()),
                speaker,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, Vec<String>, String, String, String) {
    let d = doc(text);
    let mut all = read(&d, &suggest(&d));
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

fn s(v: &str) -> String {
    v.to_owned()
}

#[test]
fn direct_quote_with_the_cue_after() {
    let got = one("“The bridge will open in May,” Mayor Ana Ruiz said on Tuesday.");
    assert_eq!(
        got,
        (
            s("direct.cue_after"),
            vec![s("“The bridge will open in May,”")],
            s("said"),
            s("Mayor Ana Ruiz"),
            s("Ana Ruiz")
        )
    );
    let got = one("\"We are not worried,\" said the union's president, Tom Blake.");
    assert_eq!(got.0, "direct.cue_after");
    assert_eq!(got.3, "the union's president, Tom Blake");
    assert_eq!(got.4, "Tom Blake");
}

#[test]
fn every_quotation_mark_style_is_read() {
    for quote in [
        "«Nous restons ici»",
        "‹We stay here›",
        "„Wir bleiben hier“",
        "‚Wir bleiben hier‘",
        "「ここにいる」",
        "『ここにいる』",
        "'We stay here'",
        "‘We stay here’",
    ] {
        let got = one(&format!("{quote}, the farmer said."));
        assert_eq!(got.1, vec![quote.to_owned()], "{quote}");
        assert_eq!(got.2, "said");
    }
}

#[test]
fn nested_single_quotes_stay_inside_the_double_quote() {
    let got = one("“They told us ‘wait and see’ again,” she said.");
    assert_eq!(got.1, vec![s("“They told us ‘wait and see’ again,”")]);
}

#[test]
fn direct_quote_with_the_cue_before() {
    let got = one("The minister told reporters: “Nothing is decided yet.”");
    assert_eq!(got.0, "direct.cue_before");
    assert_eq!(got.1, vec![s("“Nothing is decided yet.”")]);
    assert_eq!(got.2, "told");
    assert_eq!(got.3, "The minister");
}

#[test]
fn an_interrupted_quote_is_one_suggestion_with_two_fragments() {
    let got = one("“We tried,” the coach said, “and we will try again.”");
    assert_eq!(got.0, "direct.interrupted");
    assert_eq!(got.1, vec![s("“We tried,”"), s("“and we will try again.”")]);
}

#[test]
fn a_quote_over_two_paragraphs_gives_one_piece_per_paragraph() {
    let d = doc("Dana Kim said: “The first part goes on.\n\n“And the second part ends here.”");
    let got = read(&d, &suggest(&d));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, vec![s("“The first part goes on.")]);
    assert_eq!(got[1].1, vec![s("“And the second part ends here.”")]);
    assert_eq!(got[1].0, "direct.floating");
    assert_eq!(got[1].4, "Dana Kim", "the speaker carries over");
}

#[test]
fn scare_quotes_are_not_suggested() {
    let d = doc("The so-called “reform” was delayed again by the council.");
    assert!(suggest(&d).items.is_empty());
}

#[test]
fn reporting_phrases_are_skipped_before_the_clause() {
    let got = one("The ministry said in a statement that prices would rise.");
    assert_eq!(
        got,
        (s("indirect.said_that"), vec![s("that prices would rise")], s("said"), s("The ministry"), s("ministry"))
    );
    let got = one("Lee told reporters the vote was fair.");
    assert_eq!(got.1, vec![s("the vote was fair")]);
    assert_eq!(got.2, "told");
}

#[test]
fn indirect_speech_with_and_without_that() {
    let got = one("Carla Diaz said the plan was too expensive.");
    assert_eq!(got.0, "indirect.said");
    assert_eq!(got.1, vec![s("the plan was too expensive")]);
    let got = one("Diaz told the committee that costs had doubled.");
    assert_eq!(got.1, vec![s("that costs had doubled")]);
}

#[test]
fn indirect_speech_with_the_cue_after() {
    let got = one("Costs have doubled since spring, the treasurer warned.");
    assert_eq!(got.0, "indirect.cue_after");
    assert_eq!(got.1, vec![s("Costs have doubled since spring")]);
    assert_eq!(got.2, "warned");
}

#[test]
fn according_to_before_and_after() {
    let got = one("According to the fire service, the blaze started in the kitchen.");
    assert_eq!(
        got,
        (
            s("according_to"),
            vec![s("the blaze started in the kitchen")],
            s(""),
            s("the fire service"),
            s("fire service")
        )
    );
    let got = one("The blaze started in the kitchen, according to Chief Omar Haddad.");
    assert_eq!(got.0, "according_to.after");
    assert_eq!(got.3, "Chief Omar Haddad");
}

#[test]
fn a_participle_cue_adds_a_second_quote_by_the_same_speaker() {
    let d = doc("“It was close,” Jo Park said, adding that the team needed rest.");
    let got = read(&d, &suggest(&d));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, "indirect.participle");
    assert_eq!(got[1].1, vec![s("that the team needed rest")]);
    assert_eq!(got[1].4, "Jo Park");
}

#[test]
fn mixed_quote_is_the_clause_with_its_quoted_words() {
    let got = one("Sam Ito said the decision was “a disgrace to the city.”");
    assert_eq!(got.0, "mixed.cue_before");
    assert_eq!(got.1, vec![s("the decision was “a disgrace to the city.”")]);
}

#[test]
fn pronouns_and_surnames_resolve_to_one_speaker_with_aliases() {
    let text = "Health Minister Petra Lang said the clinics would open.\n\n“We are ready,” Lang said.\n\n“It took a year,” she said.";
    let d = doc(text);
    let got = suggest(&d);
    assert_eq!(got.items.len(), 3);
    assert_eq!(got.new_speakers.len(), 1, "{:?}", got.new_speakers);
    let sp = &got.new_speakers[0];
    assert_eq!(
        (sp.name.as_str(), sp.role.as_deref(), sp.kind),
        ("Petra Lang", Some("Health Minister"), SpeakerKind::Person)
    );
    assert_eq!(sp.aliases, vec![s("Lang")]);
    assert!(got.items.iter().all(|i| i.speaker == Some(SpeakerRef::New(0))));
}

#[test]
fn a_surname_alone_takes_the_full_name_from_earlier_text() {
    let text = "The inquiry heard from Rosa Quinn on Monday.\n\n“It was avoidable,” Quinn said.";
    let d = doc(text);
    let got = suggest(&d);
    assert_eq!(got.new_speakers[0].name, "Rosa Quinn");
}

#[test]
fn existing_speakers_are_matched_by_name_or_alias() {
    let mut d = doc("“We will appeal,” Grant said.");
    d.speakers.push(Speaker {
        id: SpeakerId("s1".into()),
        name: "Nora Grant".into(),
        kind: SpeakerKind::Person,
        role: None,
        aliases: vec!["Grant".into()],
        wikidata: None,
    });
    let got = suggest(&d);
    assert_eq!(got.items[0].speaker, Some(SpeakerRef::Existing(SpeakerId("s1".into()))));
    assert!(got.new_speakers.is_empty());
}

#[test]
fn organisations_are_speakers_too() {
    let got = one("“Service will resume tonight,” the transit authority said.");
    assert_eq!(got.3, "the transit authority");
    let d = doc("Ukraine's General Staff said that two drones were shot down.");
    let s = suggest(&d);
    assert_eq!(s.new_speakers[0].kind, SpeakerKind::Organisation);
}

#[test]
fn confidence_ranks_quotes_with_cues_above_floating_ones() {
    let d = doc("“One thing is clear,” Ben Ode said. “Another thing is not.”");
    let got = suggest(&d);
    assert_eq!(got.items.len(), 2);
    assert!(got.items[0].confidence > got.items[1].confidence);
    assert!(got.items.iter().all(|i| (0.0..=1.0).contains(&i.confidence)));
}

fn accept(d: &mut Document, s: &Suggestion, new: &[stancemark::suggest::NewSpeaker]) {
    let action = accept_action(d, s, new, "tester", "2025-01-01T00:00:00Z");
    d.apply(action).expect("the reducer takes the batch");
}

#[test]
fn accepting_through_the_reducer_creates_one_speaker_per_person() {
    let mut d = doc("“We tried,” Mia Sol said, “and we failed.”\n\n“We will try again,” Sol said.");
    let got = suggest(&d);
    assert_eq!(got.items.len(), 2);
    for item in &got.items {
        accept(&mut d, item, &got.new_speakers);
    }
    assert_eq!(d.speakers.len(), 1, "{:?}", d.speakers);
    assert_eq!(d.speakers[0].name, "Mia Sol");
    assert!(d.speakers[0].answers_to("Sol"));
    assert_eq!(d.annotations.len(), 2);
    let first = &d.annotations[0];
    assert_eq!(first.origin, Origin::Suggestion);
    assert_eq!(first.quote_type, Some(QuoteType::Direct));
    assert_eq!(first.fragments.len(), 2);
    assert_eq!(first.cue.map(|c| d.span_text(c).to_owned()), Some(s("said")));
    assert!(d.annotations.iter().all(|a| a.speaker == Some(d.speakers[0].id.clone())));
    d.check_invariants().unwrap();
    // Suggesting again offers nothing on text that is already annotated.
    assert!(suggest(&d).items.is_empty());
}

#[test]
fn full_width_stops_end_the_sentence_before_a_quote() {
    let got = one("He arrived。\"We will win,\" Ana Ruiz said.");
    assert_eq!(got, (s("direct.cue_after"), vec![s("\"We will win,\"")], s("said"), s("Ana Ruiz"), s("Ana Ruiz")));
    for text in [
        "「我们会赢」，他说。\"We will win,\" Ana Ruiz said.",
        "Done！\"We will win,\" Ana Ruiz said.",
        "Done．“We will win,” Ana Ruiz said.",
    ] {
        let d = doc(text);
        let got = read(&d, &suggest(&d));
        assert!(got.iter().all(|g| g.1.iter().all(|f| !f.contains(['。', '！', '．']))), "{text}: {got:?}");
        assert!(got.iter().any(|g| g.2 == "said" && g.3 == "Ana Ruiz"), "{text}: {got:?}");
    }
}

#[test]
fn spans_keep_combining_marks_with_their_characters() {
    let texts = [
        "“We will win”\u{301} Ana Ruiz said.",
        "“We will win,”\u{301} Ana Ruiz said, “and soon.”\u{301}",
        "« We will win »\u{20e3}, Ana Ruiz said.",
        "«We will win»\u{20e3} Ana Ruiz said.",
        "Ana Ruiz\u{301} said that the vote\u{301} was fair.",
        "“Yes,” said Ana Ruiz\u{301}. “No.”\u{301}",
    ];
    for text in texts {
        let mut d = doc(text);
        let got = suggest(&d);
        assert!(!got.items.is_empty(), "{text}: no suggestion");
        let ix = d.text_index();
        for item in &got.items {
            let spans = item.fragments.iter().chain(&item.cue).chain(&item.source_mention);
            for span in spans {
                assert!(
                    ix.is_grapheme_boundary(span.start) && ix.is_grapheme_boundary(span.end),
                    "{text}: {span} in {item:?}"
                );
            }
        }
        for item in &got.items {
            accept(&mut d, item, &got.new_speakers);
        }
        assert_eq!(d.annotations.len(), got.items.len(), "{text}");
        d.check_invariants().unwrap();
    }
}

#[test]
fn a_phrasal_cue_reads_with_its_particle() {
    let got = one("“Prices are only half the story,” points out the shop's owner, who opened it in 2009.");
    assert_eq!(got.0, "direct.cue_after");
    assert_eq!(got.1, vec![s("“Prices are only half the story,”")]);
    assert_eq!(got.2, "points");
    assert_eq!(got.3, "the shop's owner");
    // Without its particle the verb is no cue, and "went on" needs "that" or a quote.
    let d = doc("The team points to its record. The players went on strike in June.");
    assert!(suggest(&d).items.is_empty());
    let got = one("The mayor went on: “We will rebuild the bridge.”");
    assert_eq!((got.0.as_str(), got.2.as_str()), ("direct.cue_before", "went"));
}

#[test]
fn a_quote_after_a_phrasal_cue_carries_the_speaker() {
    let d = doc("“We stock every kind of map,” points out Ida Berg. “Old ones, new ones, sea charts …” Shelves line every wall.");
    let got = read(&d, &suggest(&d));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, "direct.floating");
    assert_eq!(got[1].1, vec![s("“Old ones, new ones, sea charts …”")]);
    assert_eq!(got[1].4, "Ida Berg");
}

#[test]
fn a_subordinate_clause_or_a_capitalised_pronoun_after_a_quote_starts_a_new_sentence() {
    let d = doc(
        "The club's note, sent by Jo Park, said “We accept the ruling.” When asked about fees, he declined to comment.",
    );
    let got = read(&d, &suggest(&d));
    assert_eq!(got[0].0, "direct.cue_before", "{got:?}");
    assert_eq!(got[0].1, vec![s("“We accept the ruling.”")]);
    let d = doc("Ana Ruiz said the plan was late. “Why would we wait?” She now calls it a mistake.");
    let got = read(&d, &suggest(&d));
    let quote = got.iter().find(|g| g.1 == vec![s("“Why would we wait?”")]).expect("the question is suggested");
    assert_eq!(quote.0, "direct.floating", "{got:?}");
}

#[test]
fn a_mention_keeps_adjectives_joined_by_a_comma_after_a_quote() {
    let got = one("“No bank lends at that rate,” the tall, soft-spoken economist said.");
    assert_eq!(got.0, "direct.cue_after");
    assert_eq!(got.1, vec![s("“No bank lends at that rate,”")]);
    assert_eq!(got.3, "the tall, soft-spoken economist");
}

#[test]
fn a_naming_cue_suggests_the_quote_after_its_object() {
    let got = one("Senator Ana Ruiz last week called Finance Minister Tom Blake a “coward” in a speech.");
    assert_eq!(got, (s("direct.named"), vec![s("“coward”")], s("called"), s("Senator Ana Ruiz"), s("Ana Ruiz")));
    let got = one("The union described it as “a betrayal of workers.”");
    assert_eq!((got.0.as_str(), got.1[0].as_str()), ("direct.named", "“a betrayal of workers.”"));
    // A plain object or a request is no quote.
    let d = doc("She called the police. They called for “calm” at the rally.");
    assert!(suggest(&d).items.is_empty());
}

#[test]
fn a_quote_after_a_lead_in_ending_in_a_colon_dash_or_ellipsis_stands_alone() {
    for mark in ["…", ":", "—"] {
        let got = one(&format!("The best price, in the end, was {mark} “Nothing at all!” says the owner."));
        assert_eq!(got.0, "direct.cue_after", "{mark}");
        assert_eq!(got.1, vec![s("“Nothing at all!”")], "{mark}");
    }
}
