//! The corpus database: one connection and the few reads and writes the app needs, each a
//! single transaction.
//!
//! Stores (version 1):
//! - `meta`: string key → string.
//! - `projects`: project id → the project's record (a structured value).
//! - `articles`: `[project, article]` → the article's summary for the corpus list.
//! - `documents`: `[project, article]` → the document's base, one JSON line.
//! - `journal`: auto-increment key → `{doc: [project, article], line}`, indexed `by_doc` on
//!   `doc`; the index returns one document's records in primary-key (append) order.

use js_sys::{Array, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Event, IdbDatabase, IdbFactory, IdbIndex, IdbKeyRange, IdbObjectStore, IdbObjectStoreParameters, IdbRequest,
    IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
};

use super::error;
use super::request::{done, opened, settled};
use crate::glue::storage::StorageError;

const VERSION: u32 = 1;
const META: &str = "meta";
const PROJECTS: &str = "projects";
const ARTICLES: &str = "articles";
const DOCUMENTS: &str = "documents";
const JOURNAL: &str = "journal";
const BY_DOC: &str = "by_doc";

/// An open connection to the corpus database. Dropping it closes the connection once its
/// pending transactions have finished.
pub struct CorpusDb {
    db: IdbDatabase,
}

impl CorpusDb {
    /// Opens (creating or upgrading) the database called `name`; the app uses "stancemark".
    pub async fn open(name: &str) -> Result<CorpusDb, StorageError> {
        let request = factory()?.open_with_u32(name, VERSION).map_err(error::opening)?;
        // Kept until the open settles; an error thrown by it aborts the upgrade, and the open fails.
        let upgrade = Closure::<dyn FnMut(IdbVersionChangeEvent) -> Result<(), JsValue>>::new(upgrade);
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = opened(&request).await.map_err(error::opening)?;
        // Another tab upgrading or deleting the database waits until every connection closes:
        // close this one (its next write reports it) rather than block the other tab.
        let close = Closure::<dyn FnMut(Event)>::new(|event: Event| {
            if let Some(db) = event.target() {
                db.unchecked_into::<IdbDatabase>().close();
            }
        });
        db.set_onversionchange(Some(close.into_js_value().unchecked_ref()));
        Ok(CorpusDb { db })
    }

    /// Deletes the database called `name`, once every connection to it has closed.
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        let request = factory()?.delete_database(name).map_err(error::writing)?;
        settled(&request).await.map(drop).map_err(error::writing)
    }

    /// Closes the connection; transactions already made still finish, later ones fail.
    pub fn close(&self) {
        self.db.close();
    }

    pub async fn meta_get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = async {
            let transaction = self.transaction(&[META], IdbTransactionMode::Readonly)?;
            settled(&transaction.object_store(META)?.get(&key.into())?).await
        };
        Ok(value.await.map_err(error::reading)?.as_string())
    }

    pub async fn meta_delete(&self, key: &str) -> Result<(), StorageError> {
        self.write(&[META], &|transaction| transaction.object_store(META)?.delete(&key.into()).map(drop)).await
    }

    pub async fn meta_put(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.write(&[META], &|transaction| {
            transaction.object_store(META)?.put_with_key(&value.into(), &key.into()).map(drop)
        })
        .await
    }

    /// Every project's record, in id order.
    pub async fn projects<T: DeserializeOwned>(&self) -> Result<Vec<T>, StorageError> {
        let all = async {
            let transaction = self.transaction(&[PROJECTS], IdbTransactionMode::Readonly)?;
            settled(&transaction.object_store(PROJECTS)?.get_all()?).await
        };
        from_js(all.await.map_err(error::reading)?)
    }

    pub async fn put_project<T: Serialize>(&self, id: &str, project: &T) -> Result<(), StorageError> {
        let project = to_js(project)?;
        self.write(&[PROJECTS], &|transaction| {
            transaction.object_store(PROJECTS)?.put_with_key(&project, &id.into()).map(drop)
        })
        .await
    }

    /// Deletes the project's record, its articles' summaries, documents and journals, together.
    pub async fn delete_project(&self, id: &str) -> Result<(), StorageError> {
        self.write(&[PROJECTS, ARTICLES, DOCUMENTS, JOURNAL], &|transaction| {
            let articles = project_range(id)?;
            transaction.object_store(PROJECTS)?.delete(&id.into())?;
            transaction.object_store(ARTICLES)?.delete(&articles)?;
            transaction.object_store(DOCUMENTS)?.delete(&articles)?;
            delete_journal(&transaction.object_store(JOURNAL)?, &articles)
        })
        .await
    }

    /// The project's article ids and summaries, in article id order (IndexedDB compares UTF-16
    /// code units, which differs from Rust's `str` order only past U+FFFF): two requests
    /// whatever the project's size.
    pub async fn summaries<S: DeserializeOwned>(&self, project: &str) -> Result<Vec<(String, S)>, StorageError> {
        let (keys, values) = self.summaries_js(project).await.map_err(error::reading)?;
        let ids = keys.iter().map(|key| key.unchecked_into::<Array>().get(1).as_string().unwrap_or_default());
        Ok(ids.zip(from_js::<Vec<S>>(values.into())?).collect())
    }

    async fn summaries_js(&self, project: &str) -> Result<(Array, Array), JsValue> {
        let transaction = self.transaction(&[ARTICLES], IdbTransactionMode::Readonly)?;
        let articles = transaction.object_store(ARTICLES)?;
        let range = project_range(project)?;
        // Both requests are made before either is awaited, in one transaction: same records, same order.
        let keys = settled(&articles.get_all_keys_with_key(&range)?);
        let values = settled(&articles.get_all_with_key(&range)?);
        Ok((keys.await?.unchecked_into(), values.await?.unchecked_into()))
    }

    /// Adds new articles, each with its summary and its document's base, in one transaction:
    /// all are saved or none. An id already in the project fails the whole slice rather than
    /// overwrite a document (replacing a base is `write_base`).
    pub async fn add_articles<S: Serialize>(
        &self,
        project: &str,
        items: &[(String, S, String)],
    ) -> Result<(), StorageError> {
        let summaries = items.iter().map(|(_, summary, _)| to_js(summary)).collect::<Result<Vec<_>, _>>()?;
        let articles: Vec<(&str, &str)> = items.iter().map(|(id, _, base)| (id.as_str(), base.as_str())).collect();
        self.write(&[ARTICLES, DOCUMENTS], &|transaction| {
            let (summary_store, document_store) =
                (transaction.object_store(ARTICLES)?, transaction.object_store(DOCUMENTS)?);
            for ((id, base), summary) in articles.iter().zip(&summaries) {
                let key = doc_key(project, id);
                summary_store.add_with_key(summary, &key)?;
                document_store.add_with_key(&(*base).into(), &key)?;
            }
            Ok(())
        })
        .await
    }

    /// The document's base and its journal lines in the order they were appended, read in one
    /// transaction; `None` when there is no base (journal lines without one are not returned).
    pub async fn load_document(
        &self,
        project: &str,
        article: &str,
    ) -> Result<Option<(String, Vec<String>)>, StorageError> {
        let mut loaded = self.load_documents(project, &[article.to_owned()]).await?;
        Ok(loaded.pop().flatten())
    }

    /// Several articles' bases and journal lines (in `articles`' order; `None` for one with no
    /// base), in one readonly transaction: every request is made before any is awaited, so an
    /// export pays one transaction per batch, not one per article.
    pub async fn load_documents(
        &self,
        project: &str,
        articles: &[String],
    ) -> Result<Vec<Option<(String, Vec<String>)>>, StorageError> {
        let pending = (|| {
            let transaction = self.transaction(&[DOCUMENTS, JOURNAL], IdbTransactionMode::Readonly)?;
            let (documents, journal) = (transaction.object_store(DOCUMENTS)?, transaction.object_store(JOURNAL)?);
            let index = journal_index(&journal)?;
            articles
                .iter()
                .map(|article| {
                    let key = doc_key(project, article);
                    Ok((settled(&documents.get(&key)?), settled(&index.get_all_with_key(&key)?)))
                })
                .collect::<Result<Vec<_>, JsValue>>()
        })()
        .map_err(error::reading)?;
        let mut loaded = Vec::with_capacity(pending.len());
        for (base, records) in pending {
            let base = base.await.map_err(error::reading)?;
            let records: Array = records.await.map_err(error::reading)?.unchecked_into();
            let Some(base) = base.as_string() else {
                loaded.push(None);
                continue;
            };
            let lines = records.iter().map(|record| {
                let line = Reflect::get(&record, &"line".into()).ok().and_then(|line| line.as_string());
                line.ok_or_else(|| error::decoding("a journal record has no line"))
            });
            loaded.push(Some((base, lines.collect::<Result<_, _>>()?)));
        }
        Ok(loaded)
    }

    /// Saves an edit: one journal record per line and the article's new summary, in one
    /// transaction whose cost does not depend on the document's or the corpus's size.
    pub async fn append_steps<S: Serialize>(
        &self,
        project: &str,
        article: &str,
        lines: &[String],
        summary: &S,
    ) -> Result<(), StorageError> {
        let summary = to_js(summary)?;
        self.write(&[JOURNAL, ARTICLES], &|transaction| {
            let key = doc_key(project, article);
            let journal = transaction.object_store(JOURNAL)?;
            for line in lines {
                let record = Object::new();
                Reflect::set(&record, &"doc".into(), &key)?;
                Reflect::set(&record, &"line".into(), &line.into())?;
                journal.add(&record)?;
            }
            transaction.object_store(ARTICLES)?.put_with_key(&summary, &key).map(drop)
        })
        .await
    }

    /// Compaction: the new base replaces the document's, its journal is emptied and its summary
    /// replaced, all in one transaction, so no crash can leave a base with a stale journal.
    pub async fn write_base<S: Serialize>(
        &self,
        project: &str,
        article: &str,
        base: &str,
        summary: &S,
    ) -> Result<(), StorageError> {
        let summary = to_js(summary)?;
        self.write(&[DOCUMENTS, JOURNAL, ARTICLES], &|transaction| {
            let key = doc_key(project, article);
            transaction.object_store(DOCUMENTS)?.put_with_key(&base.into(), &key)?;
            delete_journal(&transaction.object_store(JOURNAL)?, &key)?;
            transaction.object_store(ARTICLES)?.put_with_key(&summary, &key).map(drop)
        })
        .await
    }

    /// Deletes one article: its summary, its document's base and its journal, together.
    pub async fn delete_article(&self, project: &str, article: &str) -> Result<(), StorageError> {
        self.write(&[ARTICLES, DOCUMENTS, JOURNAL], &|transaction| {
            let key = doc_key(project, article);
            transaction.object_store(ARTICLES)?.delete(&key)?;
            transaction.object_store(DOCUMENTS)?.delete(&key)?;
            delete_journal(&transaction.object_store(JOURNAL)?, &key)
        })
        .await
    }

    pub async fn put_summary<S: Serialize>(
        &self,
        project: &str,
        article: &str,
        summary: &S,
    ) -> Result<(), StorageError> {
        let summary = to_js(summary)?;
        self.write(&[ARTICLES], &|transaction| {
            transaction.object_store(ARTICLES)?.put_with_key(&summary, &doc_key(project, article)).map(drop)
        })
        .await
    }

    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, JsValue> {
        let names: Array = stores.iter().map(|&store| JsValue::from(store)).collect();
        self.db.transaction_with_str_sequence_and_mode(&names, mode)
    }

    /// Runs `fill`'s requests in one readwrite transaction and waits until it completes. When
    /// `fill` throws half-way, the transaction is aborted, so none of its requests are kept.
    async fn write(
        &self,
        stores: &[&str],
        fill: &dyn Fn(&IdbTransaction) -> Result<(), JsValue>,
    ) -> Result<(), StorageError> {
        let transaction = self.transaction(stores, IdbTransactionMode::Readwrite).map_err(error::writing)?;
        let finished = done(&transaction);
        if let Err(thrown) = fill(&transaction) {
            // Throws only when the transaction has already finished, and then `finished` says how.
            let _ = transaction.abort();
            let _ = finished.await;
            return Err(error::writing(thrown));
        }
        finished.await.map_err(error::writing)
    }
}

impl Drop for CorpusDb {
    fn drop(&mut self) {
        self.db.close();
    }
}

fn factory() -> Result<IdbFactory, StorageError> {
    let refused = || error::opening(JsValue::NULL);
    web_sys::window().ok_or_else(refused)?.indexed_db().map_err(|_| refused())?.ok_or_else(refused)
}

/// Creates the stores of each version the database has not reached yet.
fn upgrade(event: IdbVersionChangeEvent) -> Result<(), JsValue> {
    let request: IdbRequest = event.target().ok_or(JsValue::NULL)?.unchecked_into();
    let db: IdbDatabase = request.result()?.unchecked_into();
    if event.old_version() < 1.0 {
        for store in [META, PROJECTS, ARTICLES, DOCUMENTS] {
            db.create_object_store(store)?;
        }
        let journal = IdbObjectStoreParameters::new();
        journal.set_auto_increment(true);
        db.create_object_store_with_optional_parameters(JOURNAL, &journal)?.create_index_with_str(BY_DOC, "doc")?;
    }
    Ok(())
}

/// The key of an article's summary and document, and of its journal records in `by_doc`.
fn doc_key(project: &str, article: &str) -> JsValue {
    Array::of2(&project.into(), &article.into()).into()
}

/// Every `[project, article]` key of one project: arrays sort after strings, so `[project, []]`
/// is above every article id, and a shorter array sorts before the longer ones it begins.
fn project_range(project: &str) -> Result<IdbKeyRange, JsValue> {
    let project = JsValue::from(project);
    IdbKeyRange::bound(&Array::of1(&project), &Array::of2(&project, &Array::new()))
}

fn journal_index(journal: &IdbObjectStore) -> Result<IdbIndex, JsValue> {
    journal.index(BY_DOC)
}

/// Deletes the journal records whose `doc` is in `query` (a key or a key range): their primary
/// keys come from the index, and the deletes are made in the request's success handler, while
/// the transaction is surely still active.
fn delete_journal(journal: &IdbObjectStore, query: &JsValue) -> Result<(), JsValue> {
    let request = journal_index(journal)?.get_all_keys_with_key(query)?;
    // Captures nothing, so handing it to the JS garbage collector leaks nothing.
    let delete = Closure::<dyn FnMut(Event) -> Result<(), JsValue>>::new(|event: Event| {
        let request: IdbRequest = event.target().ok_or(JsValue::NULL)?.unchecked_into();
        let journal = request.source().ok_or(JsValue::NULL)?.unchecked_into::<IdbIndex>().object_store();
        for key in request.result()?.unchecked_into::<Array>().iter() {
            journal.delete(&key)?;
        }
        // An error thrown here aborts the transaction, which is what a failed delete must do.
        Ok(())
    });
    request.set_onsuccess(Some(delete.into_js_value().unchecked_ref()));
    Ok(())
}

/// A Rust value as a plain JS object (structs and maps become objects, `None` is `null`).
///
/// It crosses as JSON text through serde_json, which the app links anyway, rather than
/// field by field through serde-wasm-bindgen: measured in a release build, that is 8 KB
/// less gzipped bundle, and 10,000 summaries are read in 21 ms instead of 27 and written in
/// 17 ms instead of 51.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StorageError> {
    let json = serde_json::to_string(value).map_err(error::converting)?;
    js_sys::JSON::parse(&json).map_err(|_| error::converting("the JSON did not parse back"))
}

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StorageError> {
    let json = js_sys::JSON::stringify(&value).map_err(|_| error::decoding("the value is not JSON"))?;
    serde_json::from_str(&String::from(json)).map_err(error::decoding)
}
