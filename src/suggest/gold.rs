//! Evaluating suggestions on a gold set laid out like `../shared/eval/quotes` (the Gender Gap
//! Tracker's quotes): `articles/<id>.txt` and `gold_quotes.jsonl`. Used by `stancemark eval`
//! and the eval test; the gold data itself never enters the app.
//!
//! The articles are split by sorted id: the first half is for development (tuning rules),
//! the second half for testing (reporting only).

use serde_json::Value;

use crate::model::article::{Article, Block, BlockKind};
use crate::model::document::Document;
use crate::model::schema::Schema;
use crate::model::text::Span;

use super::score::{self, Quote, Scores};
use super::{suggest, SpeakerRef};

/// One gold article: its id, exact text and gold quotes.
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub quotes: Vec<Quote>,
}

/// A document whose text is exactly `text`, one block per paragraph, so that offsets equal the
/// gold's code points. `Article::parse_text` would normalise (trim lines, drop blank runs).
pub fn document(id: &str, text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut cp = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        if !line.trim().is_empty() {
            blocks.push(Block { kind: BlockKind::Paragraph, span: Span::new(cp, cp + n) });
        }
        cp += n + 1;
    }
    let article = Article {
        id: Some(id.to_owned()),
        title: None,
        published: None,
        abstract_text: None,
        text: text.to_owned(),
        blocks,
    };
    Document::new(article, Schema::default())
}

/// Reads `gold_quotes.jsonl` into quotes per article id, in file order.
pub fn parse_gold(jsonl: &str) -> Result<Vec<(String, Quote)>, String> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let num = |k: &str| v.get(k).and_then(Value::as_u64).map(|n| n as usize);
        let span = |a: &str, b: &str| Some(Span::new(num(a)?, num(b)?));
        let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("");
        let span_of_quote = span("start", "end").ok_or_else(|| format!("line {}: no start/end", i + 1))?;
        out.push((
            text("article_id").to_owned(),
            Quote {
                span: span_of_quote,
                quote_type: score::type_from_marks(text("quote")),
                speaker: span("speaker_start", "speaker_end"),
                speaker_name: Some(text("speaker_name").to_owned()).filter(|s| !s.is_empty()),
                cue: span("cue_start", "cue_end"),
            },
        ));
    }
    Ok(out)
}

/// Reads a gold directory: every `articles/*.txt` in sorted id order with its quotes.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_dir(dir: &std::path::Path) -> Result<Vec<GoldArticle>, String> {
    let read = |p: std::path::PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let gold = parse_gold(&read(dir.join("gold_quotes.jsonl"))?)?;
    let entries = std::fs::read_dir(dir.join("articles")).map_err(|e| format!("{}/articles: {e}", dir.display()))?;
    let mut ids: Vec<String> =
        entries.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".txt").map(str::to_owned)).collect();
    ids.sort();
    let mut out = Vec::new();
    for id in ids {
        let text = read(dir.join("articles").join(format!("{id}.txt")))?;
        let quotes = gold.iter().filter(|(a, _)| *a == id).map(|(_, q)| q.clone()).collect();
        out.push(GoldArticle { id, text, quotes });
    }
    Ok(out)
}

/// The development half (first) or the test half (second) of articles in sorted id order.
pub fn half(articles: &[GoldArticle], test: bool) -> &[GoldArticle] {
    let mid = articles.len().div_ceil(2);
    if test {
        &articles[mid..]
    } else {
        &articles[..mid]
    }
}

/// Suggests for each article and scores the suggestions against its gold quotes.
pub fn evaluate(articles: &[GoldArticle]) -> Scores {
    let mut all = Scores::default();
    for a in articles {
        let doc = document(&a.id, &a.text);
        let chars: Vec<char> = a.text.chars().collect();
        all.merge(&score::score(&chars, &a.quotes, &predictions(&doc)));
    }
    all
}

/// The suggestions for `doc` as scored predictions, one per fragment.
pub fn predictions(doc: &Document) -> Vec<Quote> {
    let s = suggest(doc);
    let name = |r: &SpeakerRef| match r {
        SpeakerRef::Existing(id) => doc.speaker(id).map(|sp| sp.name.clone()),
        SpeakerRef::New(i) => s.new_speakers.get(*i).map(|n| n.name.clone()),
    };
    let mut out = Vec::new();
    for item in &s.items {
        for f in &item.fragments {
            out.push(Quote {
                span: *f,
                quote_type: item.quote_type,
                speaker: item.source_mention,
                speaker_name: item.speaker.as_ref().and_then(name),
                cue: item.cue,
            });
        }
    }
    out
}

/// A readable table of `scores`, one row per type and one for all.
pub fn table(title: &str, scores: &Scores) -> String {
    use crate::model::annotation::QuoteType::*;
    let mut out = format!(
        "{title}\n{:<9}{:>5}{:>5}  {:^17}  {:^17}  {:^17}  {:>6}{:>6}{:>6}  {:^17}\n",
        "type",
        "gold",
        "pred",
        "GGT >0.3 P/R/F1",
        "GGT >0.8 P/R/F1",
        "exact P/R/F1",
        "spk",
        "name",
        "e2e",
        "cue P/R/F1"
    );
    let rows = [
        ("direct", *scores.of(Direct)),
        ("indirect", *scores.of(Indirect)),
        ("mixed", *scores.of(Mixed)),
        ("all", scores.all()),
    ];
    for (name, c) in rows {
        let p3 = |x: score::Prf| format!("{:.3} {:.3} {:.3}", x.p, x.r, x.f1);
        out.push_str(&format!(
            "{name:<9}{:>5}{:>5}  {}  {}  {}  {:>6.3}{:>6.3}{:>6.3}  {}\n",
            c.gold,
            c.pred,
            p3(c.lenient()),
            p3(c.strict()),
            p3(c.exact()),
            c.speaker_accuracy(),
            c.name_accuracy(),
            c.speaker_recall(),
            p3(c.cue())
        ));
    }
    out
}

/// The same numbers as JSON, for scripts.
pub fn json(scores: &Scores) -> Value {
    use crate::model::annotation::QuoteType::*;
    let row = |c: score::Counts| {
        let p = |x: score::Prf| serde_json::json!({"p": x.p, "r": x.r, "f1": x.f1});
        serde_json::json!({
            "gold": c.gold, "pred": c.pred,
            "ggt_lenient": p(c.lenient()), "ggt_strict": p(c.strict()), "exact": p(c.exact()),
            "speaker_accuracy": c.speaker_accuracy(), "speaker_name_accuracy": c.name_accuracy(),
            "speaker_recall": c.speaker_recall(), "cue": p(c.cue()),
        })
    };
    serde_json::json!({
        "direct": row(*scores.of(Direct)), "indirect": row(*scores.of(Indirect)),
        "mixed": row(*scores.of(Mixed)), "all": row(scores.all()),
    })
}
