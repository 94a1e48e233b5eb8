//! The IndexedDB layer (`glue::idb`) in headless Chromium: what is written reads back, each
//! transaction is all or nothing, and deletes touch only what they name. And the tab lock
//! (`glue::tab_lock`) that lets one tab at a time write to it.
//! Run by `./run test`; on its own: see scripts/test-all.sh for the environment it needs.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use js_sys::{Array, Map, Promise, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbRequest};

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use stancemark::glue::idb::{quota, CorpusDb};
use stancemark::glue::tab_lock::{self, Claim, Handlers, TabLock};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Summary {
    title: String,
    quotes: u32,
    status: Option<String>,
    by_speaker: BTreeMap<String, u32>,
}

fn summary(title: &str, quotes: u32) -> Summary {
    let by_speaker = BTreeMap::from([("Песков".to_string(), quotes)]);
    Summary { title: title.into(), quotes, status: None, by_speaker }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Project {
    id: String,
    name: String,
    targets: Vec<String>,
}

fn project(id: &str, name: &str) -> Project {
    Project { id: id.into(), name: name.into(), targets: vec!["the 30-day ceasefire proposal".into()] }
}

fn article(id: &str, title: &str, base: &str) -> (String, Summary, String) {
    (id.into(), summary(title, 1), base.into())
}

/// A database of its own for each test, deleted by `finish`.
async fn open(test: &str) -> (CorpusDb, String) {
    let name = format!("stancemark-test-{test}-{}", js_sys::Math::random());
    (CorpusDb::open(&name).await.unwrap(), name)
}

async fn finish(db: CorpusDb, name: &str) {
    drop(db);
    CorpusDb::delete_database(name).await.unwrap();
}

async fn lines(db: &CorpusDb, project: &str, article: &str) -> Vec<String> {
    db.load_document(project, article).await.unwrap().expect("the document is saved").1
}

/// The value stored under `key`, read past the layer, to see the shape other code will find.
async fn raw(name: &str, store: &str, key: &JsValue) -> JsValue {
    async fn success(request: &IdbRequest) -> JsValue {
        let promise = Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
        JsFuture::from(promise).await.unwrap();
        request.result().unwrap()
    }
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let db: IdbDatabase = success(&factory.open(name).unwrap()).await.unchecked_into();
    let value = success(&db.transaction_with_str(store).unwrap().object_store(store).unwrap().get(key).unwrap()).await;
    db.close();
    value
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap()
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| line.to_string()).collect()
}

#[wasm_bindgen_test]
async fn what_is_written_reads_back_equal() {
    let (db, name) = open("roundtrip").await;
    let (p, q) = ("projet-🎉", "q");
    assert_eq!(db.meta_get("current_project").await.unwrap(), None);
    db.meta_put("current_project", p).await.unwrap();
    db.meta_put("current_project", p).await.unwrap();
    assert_eq!(db.meta_get("current_project").await.unwrap().as_deref(), Some(p));

    db.put_project(q, &project(q, "Q")).await.unwrap();
    db.put_project(p, &project(p, "Ceasefire — Пресс-релизы 👍🏽")).await.unwrap();
    let projects: Vec<Project> = db.projects().await.unwrap();
    assert_eq!(projects, [project(p, "Ceasefire — Пресс-релизы 👍🏽"), project(q, "Q")]);

    // A megabyte of base, with text outside the BMP and a combining accent.
    let big = format!("{{\"text\":\"{}\"}}", "café́ 👍🏽 新闻 ".repeat(80_000));
    assert!(big.len() > 1_000_000);
    let mut with_status = summary("Kremlin: “we need to talk” 🕊️", 7);
    with_status.status = Some("done".into());
    let items = vec![
        ("文章 1".to_string(), with_status.clone(), big.clone()),
        article("a", "A", "{\"text\":\"a\"}"),
        article("", "empty id", "{}"),
    ];
    db.add_articles(p, &items).await.unwrap();
    db.add_articles(q, &[article("a", "Q's a", "{\"q\":1}")]).await.unwrap();

    let summaries: Vec<(String, Summary)> = db.summaries(p).await.unwrap();
    let expected = [("", summary("empty id", 1)), ("a", summary("A", 1)), ("文章 1", with_status)];
    assert_eq!(summaries, expected.map(|(id, summary)| (id.to_string(), summary)));
    assert_eq!(db.load_document(p, "文章 1").await.unwrap(), Some((big, vec![])));
    assert_eq!(db.load_document(q, "a").await.unwrap(), Some(("{\"q\":1}".to_string(), vec![])));
    assert_eq!(db.load_document(p, "missing").await.unwrap(), None);
    assert_eq!(db.load_document("missing", "a").await.unwrap(), None);

    // Summaries are plain objects (a map too, not a JS `Map`), `None` is `null`, bases are strings.
    let stored = raw(&name, "articles", &Array::of2(&p.into(), &"a".into())).await;
    assert!(stored.is_object() && !stored.is_instance_of::<Map>());
    assert!(!field(&stored, "by_speaker").is_instance_of::<Map>());
    assert_eq!(field(&field(&stored, "by_speaker"), "Песков"), 1);
    assert!(field(&stored, "status").is_null());
    assert_eq!(raw(&name, "documents", &Array::of2(&q.into(), &"a".into())).await, "{\"q\":1}");

    db.put_summary(p, "a", &summary("A, renamed", 3)).await.unwrap();
    let summaries: Vec<(String, Summary)> = db.summaries(p).await.unwrap();
    assert_eq!(summaries[1], ("a".to_string(), summary("A, renamed", 3)));
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn the_journal_keeps_append_order_per_document_and_write_base_empties_only_its_own() {
    let (db, name) = open("journal").await;
    db.add_articles("p", &[article("a", "A", "base a"), article("b", "B", "base b")]).await.unwrap();
    // The same article id in another project has a journal of its own.
    db.add_articles("p2", &[article("a", "other A", "base p2 a")]).await.unwrap();

    db.append_steps("p", "a", &strings(&["a1", "a2 ✍️"]), &summary("A", 2)).await.unwrap();
    db.append_steps("p", "b", &strings(&["b1"]), &summary("B", 1)).await.unwrap();
    db.append_steps("p2", "a", &strings(&["x1"]), &summary("other A", 1)).await.unwrap();
    db.append_steps("p", "a", &strings(&["a3"]), &summary("A", 3)).await.unwrap();
    db.append_steps("p", "a", &[], &summary("A", 3)).await.unwrap();
    assert_eq!(lines(&db, "p", "a").await, ["a1", "a2 ✍️", "a3"]);
    let first = raw(&name, "journal", &1.into()).await;
    assert_eq!(field(&first, "line"), "a1");
    assert_eq!(Array::from(&field(&first, "doc")).to_vec(), [JsValue::from("p"), JsValue::from("a")]);
    assert_eq!(lines(&db, "p", "b").await, ["b1"]);
    assert_eq!(lines(&db, "p2", "a").await, ["x1"]);
    let summaries: Vec<(String, Summary)> = db.summaries("p").await.unwrap();
    assert_eq!(summaries[0].1, summary("A", 3));

    db.write_base("p", "a", "base a, compacted", &summary("A", 4)).await.unwrap();
    assert_eq!(db.load_document("p", "a").await.unwrap(), Some(("base a, compacted".to_string(), vec![])));
    assert_eq!(lines(&db, "p", "b").await, ["b1"]);
    assert_eq!(lines(&db, "p2", "a").await, ["x1"]);
    let summaries: Vec<(String, Summary)> = db.summaries("p").await.unwrap();
    assert_eq!(summaries[0], ("a".to_string(), summary("A", 4)));

    // Steps after a compaction start a new journal.
    db.append_steps("p", "a", &strings(&["a4"]), &summary("A", 5)).await.unwrap();
    assert_eq!(lines(&db, "p", "a").await, ["a4"]);
    // Compacting a document with no journal is fine.
    db.write_base("p", "b", "base b2", &summary("B", 1)).await.unwrap();
    db.write_base("p", "b", "base b3", &summary("B", 1)).await.unwrap();
    assert_eq!(db.load_document("p", "b").await.unwrap(), Some(("base b3".to_string(), vec![])));
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn delete_project_removes_everything_of_that_project_and_nothing_else() {
    let (db, name) = open("delete").await;
    // "p-x" and "o" sort right after and before "p": the range must not reach them.
    for id in ["o", "p", "p-x"] {
        db.put_project(id, &project(id, id)).await.unwrap();
        db.add_articles(id, &[article("a", id, &format!("base {id} a")), article("b", id, "b")]).await.unwrap();
        db.append_steps(id, "a", &strings(&["1", "2"]), &summary(id, 2)).await.unwrap();
        db.append_steps(id, "b", &strings(&["3"]), &summary(id, 1)).await.unwrap();
    }
    db.meta_put("current_project", "p").await.unwrap();

    db.delete_project("p").await.unwrap();
    let projects: Vec<Project> = db.projects().await.unwrap();
    assert_eq!(projects, [project("o", "o"), project("p-x", "p-x")]);
    assert!(db.summaries::<Summary>("p").await.unwrap().is_empty());
    assert_eq!(db.load_document("p", "a").await.unwrap(), None);
    // Its journal is gone too, not only hidden by the missing base: a new article "a" starts empty.
    db.add_articles("p", &[article("a", "new", "new base")]).await.unwrap();
    assert_eq!(db.load_document("p", "a").await.unwrap(), Some(("new base".to_string(), vec![])));

    for id in ["o", "p-x"] {
        assert_eq!(db.summaries::<Summary>(id).await.unwrap().len(), 2);
        assert_eq!(db.load_document(id, "a").await.unwrap(), Some((format!("base {id} a"), strings(&["1", "2"]))));
        assert_eq!(lines(&db, id, "b").await, ["3"]);
    }
    // The app's own keys are not the layer's to clear.
    assert_eq!(db.meta_get("current_project").await.unwrap().as_deref(), Some("p"));
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn delete_article_removes_its_row_base_and_journal_and_nothing_of_its_neighbours() {
    let (db, name) = open("delete-article").await;
    db.add_articles("p", &[article("a", "A", "base a"), article("b", "B", "base b")]).await.unwrap();
    db.add_articles("q", &[article("a", "A in q", "base q a")]).await.unwrap();
    for (project, article) in [("p", "a"), ("p", "b"), ("q", "a")] {
        db.append_steps(project, article, &strings(&["1", "2"]), &summary(article, 2)).await.unwrap();
    }

    db.delete_article("p", "a").await.unwrap();
    let left: Vec<String> = db.summaries::<Summary>("p").await.unwrap().into_iter().map(|(id, _)| id).collect();
    assert_eq!(left, ["b"]);
    assert_eq!(db.load_document("p", "a").await.unwrap(), None);
    assert_eq!(db.load_document("p", "b").await.unwrap(), Some(("base b".to_string(), strings(&["1", "2"]))));
    assert_eq!(db.load_document("q", "a").await.unwrap(), Some(("base q a".to_string(), strings(&["1", "2"]))));
    // The journal went with it: the same id added again starts from its new base alone.
    db.add_articles("p", &[article("a", "A again", "new base")]).await.unwrap();
    assert_eq!(db.load_document("p", "a").await.unwrap(), Some(("new base".to_string(), vec![])));
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn a_failed_transaction_reports_why_and_writes_nothing() {
    let (db, name) = open("failure").await;
    db.add_articles("p", &[article("old", "Old", "old base")]).await.unwrap();
    db.append_steps("p", "old", &strings(&["s1"]), &summary("Old", 1)).await.unwrap();

    // The third article's id is taken: the browser has already written the first two
    // when the third add fails, and the abort must roll them back.
    let batch = [article("new1", "N1", "n1"), article("new2", "N2", "n2"), article("old", "Clash", "clash")];
    let error = db.add_articles("p", &batch).await.unwrap_err();
    assert_eq!(error.0, "an article with this id is already in the project");
    let summaries: Vec<(String, Summary)> = db.summaries("p").await.unwrap();
    assert_eq!(summaries, [("old".to_string(), summary("Old", 1))]);
    assert_eq!(db.load_document("p", "new1").await.unwrap(), None);
    assert_eq!(db.load_document("p", "old").await.unwrap(), Some(("old base".to_string(), strings(&["s1"]))));

    // A value that has no JSON form (a map keyed by lists) is refused before anything is written.
    #[derive(Serialize)]
    struct Unstorable {
        by_pair: std::collections::BTreeMap<Vec<u8>, u8>,
    }
    let unstorable = || Unstorable { by_pair: [(vec![1, 2], 3)].into() };
    let error = db.add_articles("p", &[("n".to_string(), unstorable(), "n".to_string())]).await;
    assert!(error.unwrap_err().0.starts_with("a value could not be prepared for saving"));
    let error = db.append_steps("p", "old", &strings(&["s2"]), &unstorable()).await;
    assert!(error.is_err());
    assert_eq!(db.load_document("p", "n").await.unwrap(), None);
    assert_eq!(lines(&db, "p", "old").await, ["s1"]);

    // A closed connection refuses every write, in words that say what to do.
    db.close();
    let error = db.append_steps("p", "old", &strings(&["s3"]), &summary("Old", 2)).await.unwrap_err();
    assert!(error.0.contains("reload the page"), "{error}");
    assert!(db.meta_get("current_project").await.unwrap_err().0.contains("reload the page"));
    let db = CorpusDb::open(&name).await.unwrap();
    assert_eq!(db.load_document("p", "old").await.unwrap(), Some(("old base".to_string(), strings(&["s1"]))));
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn another_tab_deleting_the_database_is_not_blocked_and_later_writes_say_so() {
    let (db, name) = open("versionchange").await;
    db.meta_put("k", "v").await.unwrap();
    // Deletion waits for every open connection: ours closes itself on `versionchange`.
    CorpusDb::delete_database(&name).await.unwrap();
    let error = db.meta_put("k", "w").await.unwrap_err();
    assert!(error.0.contains("reload the page"), "{error}");
    let fresh = CorpusDb::open(&name).await.unwrap();
    assert_eq!(fresh.meta_get("k").await.unwrap(), None);
    drop(db);
    finish(fresh, &name).await;
}

#[wasm_bindgen_test]
async fn summaries_of_two_thousand_articles_come_back_all_in_key_order() {
    let (db, name) = open("many").await;
    // Written in an order unlike key order ("a1000" < "a2" as strings), in chunks as the app would.
    let mut items: Vec<(String, Summary, String)> =
        (0..2000).rev().map(|i| (format!("a{i}"), summary(&format!("article {i}"), i), format!("base {i}"))).collect();
    for chunk in items.chunks(500) {
        db.add_articles("p", chunk).await.unwrap();
    }
    db.add_articles("p0", &[article("z", "other project", "z")]).await.unwrap();
    db.add_articles("o", &[article("z", "other project", "z")]).await.unwrap();

    let summaries: Vec<(String, Summary)> = db.summaries("p").await.unwrap();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    let expected: Vec<(String, Summary)> = items.into_iter().map(|(id, summary, _)| (id, summary)).collect();
    assert_eq!(summaries.len(), 2000);
    assert_eq!(summaries, expected);
    finish(db, &name).await;
}

#[wasm_bindgen_test]
async fn the_quota_is_estimated_and_persistence_answers() {
    let (usage, quota) = quota::estimate().await.expect("Chromium estimates storage");
    assert!(usage >= 0.0 && quota > 0.0, "{usage} of {quota}");
    // Chromium decides without asking; either answer is fine, as long as there is one.
    let _granted: bool = quota::persist().await;
}

#[wasm_bindgen_test]
async fn a_batch_of_documents_loads_in_one_transaction_in_the_order_asked() {
    let (db, name) = open("batch").await;
    db.add_articles("p", &[article("a", "A", "base a"), article("c", "C", "base c")]).await.unwrap();
    db.append_steps("p", "c", &strings(&["c1", "c2"]), &summary("C", 2)).await.unwrap();
    let asked = strings(&["c", "missing", "a"]);
    let loaded = db.load_documents("p", &asked).await.unwrap();
    assert_eq!(
        loaded,
        [Some(("base c".to_string(), strings(&["c1", "c2"]))), None, Some(("base a".to_string(), Vec::new()))]
    );
    assert_eq!(db.load_documents("p", &[]).await.unwrap(), []);
    finish(db, &name).await;
}

/// What a tab lock's holder was told, and the lock itself, which `release_asked` may drop
/// (a turn later, as the app does) when `answers` is set.
#[derive(Default)]
struct Holder {
    lock: RefCell<Option<TabLock>>,
    asked: Cell<u32>,
    lost: Cell<u32>,
    answers: bool,
}

fn handlers(holder: &Rc<Holder>) -> Handlers {
    let (asked, lost) = (holder.clone(), holder.clone());
    Handlers {
        release_asked: Rc::new(move || {
            asked.asked.set(asked.asked.get() + 1);
            if asked.answers {
                let asked = asked.clone();
                wasm_bindgen_futures::spawn_local(async move { drop(asked.lock.take()) });
            }
        }),
        lost: Rc::new(move || lost.lost.set(lost.lost.get() + 1)),
    }
}

fn held(claim: Claim) -> TabLock {
    match claim {
        Claim::Held(lock) => lock,
        Claim::Busy => panic!("the lock was busy"),
        Claim::Unsupported => panic!("Chromium has Web Locks"),
    }
}

async fn turn(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_second_tab_finds_the_lock_busy_until_the_first_lets_go() {
    const LOCK: &str = "busy-until-let-go";
    let first = Rc::new(Holder::default());
    let lock = held(tab_lock::try_hold(LOCK, &handlers(&first)).await);
    let second = Rc::new(Holder::default());
    assert!(matches!(tab_lock::try_hold(LOCK, &handlers(&second)).await, Claim::Busy));
    drop(lock);
    // The browser lets go once the lock's promise has resolved, a turn or so later.
    let mut again = tab_lock::try_hold(LOCK, &handlers(&second)).await;
    for _ in 0..100 {
        if !matches!(again, Claim::Busy) {
            break;
        }
        turn(10).await;
        again = tab_lock::try_hold(LOCK, &handlers(&second)).await;
    }
    drop(held(again));
    assert_eq!((first.asked.get(), first.lost.get()), (0, 0), "a busy answer asks nothing of the holder");
}

#[wasm_bindgen_test]
async fn a_claim_asks_the_holder_who_lets_go_and_is_not_told_it_lost() {
    const LOCK: &str = "claim-answered";
    let first = Rc::new(Holder { answers: true, ..Holder::default() });
    *first.lock.borrow_mut() = Some(held(tab_lock::try_hold(LOCK, &handlers(&first)).await));
    let started = js_sys::Date::now();
    // Patience long enough that only the holder's answer can end the wait in time.
    let second = Rc::new(Holder::default());
    let lock = held(tab_lock::claim(LOCK, &handlers(&second), 20_000).await);
    assert!(js_sys::Date::now() - started < 10_000.0, "the claim waited for its patience to run out");
    assert_eq!(first.asked.get(), 1);
    assert!(first.lock.borrow().is_none(), "the holder let go");
    turn(50).await;
    assert_eq!(first.lost.get(), 0, "a lock let go of is not lost");
    drop(lock);
}

#[wasm_bindgen_test]
async fn a_holder_that_does_not_answer_has_the_lock_taken_and_is_told() {
    const LOCK: &str = "claim-unanswered";
    let first = Rc::new(Holder::default());
    *first.lock.borrow_mut() = Some(held(tab_lock::try_hold(LOCK, &handlers(&first)).await));
    let second = Rc::new(Holder::default());
    let lock = held(tab_lock::claim(LOCK, &handlers(&second), 200).await);
    assert_eq!(first.asked.get(), 1, "the holder was asked first");
    turn(50).await;
    assert_eq!(first.lost.get(), 1, "the holder hears that its lock was taken");
    // The old holder dropping its (lost) lock later does not let go of the new one.
    drop(first.lock.take());
    turn(0).await;
    let third = Rc::new(Holder::default());
    assert!(matches!(tab_lock::try_hold(LOCK, &handlers(&third)).await, Claim::Busy));
    drop(lock);
}
