//! The agreement measures against published worked examples and cases computed by hand (the
//! arithmetic is in the comments), plus the behaviour the Compare view relies on.

use stancemark::agreement::article::article_stats;
use stancemark::agreement::bootstrap::{intervals, percentile, SplitMix64};
use stancemark::agreement::corpus::Corpus;
use stancemark::agreement::matching::{match_spans, overlap, Counts, Mode};
use stancemark::agreement::nominal::{cohen_kappa, krippendorff_alpha};
use stancemark::agreement::pairing::{annotator_name, pair, Input};
use stancemark::agreement::report::{article_figures, report, Options};
use stancemark::agreement::unitizing::{alpha_u, units_of, UnitizingCounts};
use stancemark::agreement::{agreed, disagreements, Annotated, DisagreementKind};
use stancemark::model::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use stancemark::model::text::Span;

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((a - expected).abs() < 5e-4, "expected {expected:.4}, got {a:.4}");
}

fn doc(text: &str) -> Document {
    Document::new(Article::parse_text(text).unwrap(), Schema::default())
}

fn annotation(id: &str, qt: Option<QuoteType>, fragments: &[(usize, usize)]) -> Annotation {
    let kind = if qt.is_some() { AnnotationKind::Quote } else { AnnotationKind::Claim };
    let fragments = fragments.iter().map(|&(s, e)| Span::new(s, e)).collect();
    Annotation::new(AnnotationId(id.into()), kind, qt, fragments, "t", "2025-03-17T09:00:00Z")
}

fn quote(id: &str, start: usize, end: usize) -> Annotation {
    annotation(id, Some(QuoteType::Direct), &[(start, end)])
}

fn with(text: &str, annotations: Vec<Annotation>) -> Document {
    let mut d = doc(text);
    d.annotations = annotations;
    d
}

fn speaker(id: &str, name: &str, aliases: &[&str], wikidata: Option<&str>) -> Speaker {
    Speaker {
        id: SpeakerId(id.into()),
        name: name.into(),
        kind: SpeakerKind::Person,
        role: None,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        wikidata: wikidata.map(str::to_owned),
    }
}

fn annotated<'a>(docs: &'a [Document]) -> Vec<Annotated<'a>> {
    docs.iter().enumerate().map(|(k, doc)| Annotated { annotator: format!("r{k}"), doc }).collect()
}

// ---- nominal measures: published examples ----

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
/// observers, twelve units, nominal values with missing data; α = 0.743.
/// By hand: unit 12 has one value and is not pairable; n = 40 values (n_1..n_5 = 9, 13, 10,
/// 5, 3); disagreeing coincidences: unit 2 (2,2,3,2) 6/3, unit 6 (1,2,3,4) 12/3, unit 8
/// (1,1,2,1) 6/3, sum 8; α = 1 − 39·8 / (40² − 384) = 1 − 312/1216 = 0.7434.
#[test]
fn krippendorff_alpha_reproduces_the_published_nominal_example_with_missing_data() {
    let rows: [[u32; 12]; 4] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ];
    let units: Vec<Vec<Option<u32>>> =
        (0..12).map(|u| rows.iter().map(|r| (r[u] != 0).then_some(r[u])).collect()).collect();
    close(krippendorff_alpha(&units), 0.743);
}

/// Wikipedia, "Cohen's kappa", first example: 50 proposals, both yes 20, A yes B no 5, A no
/// B yes 10, both no 15. p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
#[test]
fn cohen_kappa_reproduces_the_textbook_example() {
    let mut pairs = Vec::new();
    pairs.extend(std::iter::repeat_n((1, 1), 20));
    pairs.extend(std::iter::repeat_n((1, 0), 5));
    pairs.extend(std::iter::repeat_n((0, 1), 10));
    pairs.extend(std::iter::repeat_n((0, 0), 15));
    close(cohen_kappa(&pairs), 0.4);
}

#[test]
fn chance_corrected_measures_are_undefined_without_variation() {
    assert_eq!(cohen_kappa(&[(1, 1), (1, 1)]), None);
    assert_eq!(cohen_kappa(&[]), None);
    assert_eq!(krippendorff_alpha(&[vec![Some(1), Some(1)], vec![Some(1), None]]), None);
    // Perfect agreement with variation is 1.
    close(krippendorff_alpha(&[vec![Some(1), Some(1)], vec![Some(2), Some(2)]]), 1.0);
}

// ---- unitizing α_U ----

/// Two coders on a continuum of 10: r0 marks 1..9, r1 marks 2..3, 4..5, 6..7 (the example of
/// DKPro Statistics' unitizing test, recomputed here).
/// D_o: r0's unit against r1's units: (1−2)² + (9−3)² = 37, (1−4)² + (9−5)² = 25,
/// (1−6)² + (9−7)² = 29; no unit lies inside a gap of the other. D_o = 2·91 / (2·1·10²) = 0.91.
/// D_e: units 8, 1, 1, 1 (N = 4); gaps 1, 1 (r0) and 2, 1, 1, 3 (r1).
/// l = 8: (N−1)(2·512 − 3·64 + 8)/3 = 840, no gap ≥ 8. l = 1: 0 + 1·Σ_g g = 9, three times 27.
/// (840 + 27) · 2/10 / (2·10·19 − 56) = 173.4 / 324 = 0.53519. α_U = 1 − 0.91/0.53519 = −0.7003.
#[test]
fn alpha_u_reproduces_a_hand_computed_case() {
    let coders = vec![vec![Span::new(1, 9)], vec![Span::new(2, 3), Span::new(4, 5), Span::new(6, 7)]];
    let counts = UnitizingCounts::new(&coders, 10);
    let (d_o, d_e) = counts.disagreements();
    close(Some(d_o), 0.91);
    close(Some(d_e), 0.5352);
    close(alpha_u(&coders, 10), -0.7003);

    // The same spans as quotes in two documents give the same figure through the article.
    let text = "abcdefghij";
    let docs = [
        with(text, vec![quote("a1", 1, 9)]),
        with(text, vec![quote("a1", 2, 3), quote("a2", 4, 5), quote("a3", 6, 7)]),
    ];
    let stats = article_stats(&annotated(&docs), 0.5);
    close(stats.unitizing[0].alpha(), -0.7003);
    assert_eq!(stats.unitizing[1].alpha(), None, "nobody marked a claim: α_U is undefined");
}

#[test]
fn alpha_u_is_one_for_identical_units_and_merges_one_coders_overlaps() {
    let same = vec![vec![Span::new(2, 5), Span::new(7, 9)], vec![Span::new(2, 5), Span::new(7, 9)]];
    close(alpha_u(&same, 12), 1.0);
    assert_eq!(units_of([Span::new(5, 9), Span::new(2, 6), Span::new(9, 10)]), vec![Span::new(2, 9), Span::new(9, 10)]);
}

// ---- span matching and F1 ----

#[test]
fn overlap_is_shared_over_covered_characters_across_fragments() {
    // 0..10 and 5..15: 5 shared of 15 covered.
    close(Some(overlap(&quote("a", 0, 10), &quote("b", 5, 15))), 5.0 / 15.0);
    // Two fragments 0..4 + 6..10 (8 characters) against 0..10: 8 shared of 10.
    let split = annotation("a", Some(QuoteType::Direct), &[(0, 4), (6, 10)]);
    close(Some(overlap(&split, &quote("b", 0, 10))), 0.8);
}

/// A: quotes 0..10, 20..30, 40..50 and a claim 60..70. B: quotes 0..10 (same), 21..30
/// (9 of 10 shared), 44..56 (6 shared of 16 covered = 0.375) and a claim 60..70 (same).
/// Exact: 0..10 and the claim: F1 all = 2·2/(4+4) = 0.5, quotes 2·1/6 = 0.333, claims 1.
/// Lenient at 0.5: also 20..30/21..30: all 2·3/8 = 0.75, quotes 2·2/6 = 0.667; 40..50 and
/// 44..56 stay unmatched. At 0.3 they match too: quotes 1.0.
#[test]
fn f1_exact_and_lenient_by_hand() {
    let a = [quote("a1", 0, 10), quote("a2", 20, 30), quote("a3", 40, 50), annotation("a4", None, &[(60, 70)])];
    let b = [quote("b1", 0, 10), quote("b2", 21, 30), quote("b3", 44, 56), annotation("b4", None, &[(60, 70)])];
    let (ra, rb): (Vec<&Annotation>, Vec<&Annotation>) = (a.iter().collect(), b.iter().collect());
    let exact = match_spans(&ra, &rb, Mode::Exact);
    assert_eq!(exact.pairs, vec![(0, 0), (3, 3)]);
    close(Counts::of(&exact, 4, 4).f1(), 0.5);
    let lenient = match_spans(&ra, &rb, Mode::Lenient(0.5));
    assert_eq!(lenient.pairs, vec![(0, 0), (1, 1), (3, 3)]);
    assert_eq!((lenient.only_a.clone(), lenient.only_b.clone()), (vec![2], vec![2]));
    close(Counts::of(&lenient, 4, 4).f1(), 0.75);
    assert_eq!(match_spans(&ra, &rb, Mode::Lenient(0.3)).pairs.len(), 4);

    let text = "x".repeat(80);
    let docs = [with(&text, a.to_vec()), with(&text, b.to_vec())];
    let f = article_figures(&annotated(&docs), 0.5);
    close(f.f1.exact.all.mean, 0.5);
    close(f.f1.exact.quote.mean, 1.0 / 3.0);
    close(f.f1.exact.claim.mean, 1.0);
    close(f.f1.lenient.all.mean, 0.75);
    close(f.f1.lenient.quote.mean, 2.0 / 3.0);
    close(f.f1.lenient.direct.mean, 2.0 / 3.0);
    assert_eq!(f.f1.lenient.indirect.mean, None, "no indirect quotes on either side");
    assert_eq!(f.unmatched[0].only_a_ids, Some(vec!["a3".to_string()]));
    assert_eq!(f.unmatched[0].only_b_ids, Some(vec!["b3".to_string()]));
}

#[test]
fn matching_is_one_to_one_and_kinds_never_match() {
    // B has the same span twice: one matches, the other is left over and listed.
    let a = [quote("a1", 0, 10)];
    let b = [quote("b1", 0, 9), quote("b2", 0, 10), annotation("b3", None, &[(0, 10)])];
    let m = match_spans(&a.iter().collect::<Vec<_>>(), &b.iter().collect::<Vec<_>>(), Mode::Lenient(0.5));
    assert_eq!(m.pairs, vec![(0, 1)], "the best overlap wins");
    assert_eq!(m.only_b, vec![0, 2]);
}

#[test]
fn corpus_f1_pools_the_articles_of_each_pair() {
    // Article 1: 1 of 1 + 1 matched (F1 1); article 2: A has 3 quotes, B 1, none matched.
    // Pooled: 2·1 / (4 + 2) = 0.333, not the mean of 1 and 0.
    let one = [with("abcdefghij", vec![quote("a1", 0, 5)]), with("abcdefghij", vec![quote("a1", 0, 5)])];
    let two = [
        with("klmnopqrst", vec![quote("a1", 0, 2), quote("a2", 3, 5), quote("a3", 6, 8)]),
        with("klmnopqrst", vec![quote("a1", 8, 10)]),
    ];
    let stats = vec![article_stats(&annotated(&one), 0.5), article_stats(&annotated(&two), 0.5)];
    let corpus = Corpus::new(&stats);
    close(corpus.evaluate_all().f1_mean(false, 0), 1.0 / 3.0);
    // Counting article 1 twice: |M| = 2, |A| = 2 + 3, |B| = 2 + 1: 2·2 / (5 + 3) = 0.5.
    close(corpus.evaluate(&[2, 1]).f1_mean(false, 0), 0.5);
}

// ---- labels on matched spans ----

/// Two annotators, three matched quotes. Stance: (favor, favor), (against, neutral),
/// (against, against). κ: p_o = 2/3; marginals A favor 1 against 2, B favor 1 neutral 1
/// against 1; p_e = 1/9 + 2/9 = 1/3; κ = (2/3 − 1/3)/(2/3) = 0.5. α: n = 6, n_c = 2, 3, 1;
/// disagreeing = 2; α = 1 − 5·2/(36 − 14) = 0.545.
#[test]
fn kappa_and_alpha_on_matched_spans_with_speakers_by_identity() {
    let text = "x".repeat(40);
    let mut a = with(&text, vec![quote("a1", 0, 10), quote("a2", 12, 20), quote("a3", 22, 30)]);
    let mut b = with(&text, vec![quote("b1", 0, 10), quote("b2", 12, 19), quote("b3", 22, 30)]);
    for (d, stances) in [(&mut a, ["favor", "against", "against"]), (&mut b, ["favor", "neutral", "against"])] {
        for (ann, s) in d.annotations.iter_mut().zip(stances) {
            ann.stance = Some(s.into());
        }
    }
    // Speakers: "Peskov" is an alias of B's "Dmitry Peskov"; B's s2 shares A's Wikidata id
    // under another name; A's third speaker is someone else.
    a.speakers = vec![
        speaker("s1", "Peskov", &[], None),
        speaker("s2", "Lavrov", &[], Some("Q4294")),
        speaker("s3", "Ushakov", &[], None),
    ];
    b.speakers =
        vec![speaker("s9", "Dmitry Peskov", &["peskov"], None), speaker("s2", "Sergei Lavrov", &[], Some("Q4294"))];
    for (d, speakers) in [(&mut a, ["s1", "s2", "s3"]), (&mut b, ["s9", "s2", "s9"])] {
        for (ann, s) in d.annotations.iter_mut().zip(speakers) {
            ann.speaker = Some(s.into());
        }
    }
    let docs = [a, b];
    let f = article_figures(&annotated(&docs), 0.5);
    let kappa = f.kappa.as_ref().expect("two annotators");
    close(kappa.stance.value, 0.5);
    assert_eq!(kappa.stance.n, 3);
    close(f.alpha.stance.value, 1.0 - 10.0 / 22.0);
    // Speaker: agree, agree, differ. κ: p_o 2/3, p_e = (1/3)(2/3) + (1/3)(1/3) + 0 = 1/3 → 0.5.
    close(kappa.speaker.value, 0.5);
    // Target: nobody set one: no value, so undefined rather than perfect.
    assert_eq!(f.alpha.target.value, None);
    assert_eq!(f.alpha.target.n, 0);

    let diffs = disagreements(&annotated(&docs));
    let kinds: Vec<_> = diffs.iter().map(|d| (d.span, d.kind.clone())).collect();
    assert_eq!(
        kinds,
        vec![
            (Span::new(12, 20), DisagreementKind::Boundaries),
            (Span::new(12, 20), DisagreementKind::Stance),
            (Span::new(22, 30), DisagreementKind::Speaker),
        ]
    );
    assert_eq!(agreed(&annotated(&docs)), vec![vec![AnnotationId("a1".into()), AnnotationId("b1".into())]]);
}

#[test]
fn three_annotators_group_as_cliques_and_missing_spans_are_missing_values() {
    // A 0..10, B 0..10, C 0..10 with stance favor, favor, against; C alone has 20..30.
    let text = "x".repeat(40);
    let mut docs = vec![
        with(&text, vec![quote("a1", 0, 10)]),
        with(&text, vec![quote("b1", 0, 10)]),
        with(&text, vec![quote("c1", 0, 10), quote("c2", 20, 30)]),
    ];
    for (d, s) in docs.iter_mut().zip(["favor", "favor", "against"]) {
        d.annotations[0].stance = Some(s.into());
    }
    let f = article_figures(&annotated(&docs), 0.5);
    assert!(f.kappa.is_none(), "κ is for two annotators");
    // One unit (favor, favor, against): n = 3, n_c 2 and 1, disagreeing = 4/2 = 2;
    // α = 1 − 2·2/(9 − 5) = 0.
    close(f.alpha.stance.value, 0.0);
    let diffs = disagreements(&annotated(&docs));
    assert_eq!(diffs.last().map(|d| d.kind.clone()), Some(DisagreementKind::OnlyIn(vec![2])));
    assert_eq!(diffs.last().map(|d| d.annotations.clone()), Some(vec![None, None, Some(AnnotationId("c2".into()))]));

    // A chain is not a group: B's 0..10 matches A's 0..6 (0.6) and C's 4..10 (0.6) leniently,
    // but A's and C's share 2 of 10 characters, so they cannot be the same quote.
    let docs = [
        with(&text, vec![quote("a1", 0, 6)]),
        with(&text, vec![quote("b1", 0, 10)]),
        with(&text, vec![quote("c1", 4, 10)]),
    ];
    let onlys: Vec<DisagreementKind> = disagreements(&annotated(&docs)).into_iter().map(|d| d.kind).collect();
    assert_eq!(onlys[0], DisagreementKind::OnlyIn(vec![0, 1]));
    assert_eq!(onlys.last(), Some(&DisagreementKind::OnlyIn(vec![2])));
}

// ---- pairing ----

#[test]
fn pairing_is_by_text_and_reports_what_does_not_pair_by_name() {
    let mut x = doc("First article text.");
    x.article.id = Some("first".into());
    let mut y = doc("Second article text.");
    y.article.id = Some("second".into());
    let mut x_ben = x.clone();
    x_ben.article.id = Some("renamed".into()); // same text, so the same article
    let mut signed = x.clone();
    signed.annotations = vec![quote("a1", 0, 5)];
    signed.annotations[0].created_by = "ana".into();
    assert_eq!(annotator_name("export-1", std::slice::from_ref(&signed)), "ana");
    assert_eq!(annotator_name("export-1", std::slice::from_ref(&x)), "export-1");

    let p = pair(vec![
        Input { name: "ana".into(), docs: vec![x.clone(), y.clone()] },
        Input { name: "ben".into(), docs: vec![x_ben] },
    ]);
    assert_eq!(p.articles.len(), 1);
    assert_eq!(p.articles[0].name, "first");
    assert_eq!(p.unpaired.len(), 1);
    assert_eq!(p.unpaired[0].article, "second");
    assert_eq!(p.unpaired[0].missing_in, vec!["ben".to_string()]);
    assert!(p.unpaired[0].to_string().contains("\"second\"") && p.unpaired[0].to_string().contains("missing from ben"));

    // The same name twice is made unique; an article twice in one input is not guessed at.
    let p = pair(vec![
        Input { name: "ana".into(), docs: vec![x.clone(), x.clone()] },
        Input { name: "ana".into(), docs: vec![x] },
    ]);
    assert_eq!(p.annotators, vec!["ana", "ana-2"]);
    assert!(p.articles.is_empty());
    assert_eq!(p.unpaired[0].repeated_in, vec!["ana".to_string()]);
}

// ---- bootstrap ----

#[test]
fn splitmix64_matches_its_reference_output() {
    // SplitMix64 from seed 0: the reference implementation's first outputs.
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert!((0..1000).all(|_| r.below(7) < 7));
    close(Some(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5)), 2.5);
}

#[test]
fn bootstrap_intervals_are_seeded_and_surround_the_figure() {
    // Ten articles: Ana marks four quotes in each, Ben the first 4, 3, 2 or 1 of them, so
    // F1 varies between articles and the interval is not a single point.
    let (mut ana, mut ben) = (Vec::new(), Vec::new());
    for k in 0..10usize {
        let text = "y".repeat(50 + k);
        let quotes = |n: usize| (0..n).map(|i| quote(&format!("a{i}"), i * 10, i * 10 + 8)).collect();
        ana.push(with(&text, quotes(4)));
        ben.push(with(&text, quotes(4 - k % 4)));
    }
    let inputs = vec![Input { name: "ana".into(), docs: ana }, Input { name: "ben".into(), docs: ben }];
    let p = pair(inputs);
    assert_eq!(p.articles.len(), 10);
    let r = report(&p, &Options { resamples: 200, seed: 7, ..Options::default() });
    let f1 = &r.corpus.f1.lenient.all;
    let [lo, hi] = f1.ci.expect("ten articles give an interval");
    let mean = f1.mean.unwrap();
    assert!(lo < mean && mean < hi, "{lo} < {mean} < {hi}");
    let again = report(&p, &Options { resamples: 200, seed: 7, ..Options::default() });
    assert_eq!(again.corpus.f1.lenient.all.ci, f1.ci, "the same seed gives the same interval");
    let other = report(&p, &Options { resamples: 200, seed: 8, ..Options::default() });
    assert_ne!(other.corpus.f1.lenient.all.ci, f1.ci);

    let stats: Vec<_> = p.articles[..1].iter().map(|a| article_stats(&annotated(&a.docs), 0.5)).collect();
    assert!(intervals(&Corpus::new(&stats), 100, 0).iter().all(Option::is_none), "one article: no interval");
}
