"""kg's graph on disk: the Store that ingestion writes and every reader (queries, exports,
loaders, HTML) reads.

    from kg.store import Store
    with Store.open("kg-data") as store:          # default: $KG_STORE or ./kg-data
        store.document_status(doc_id, sha256)     # "new" | "unchanged" | "changed"
        store.find_by_sha(sha256); store.add_path(doc_id, path); store.drop_paths(paths)
        store.put(extraction)                     # atomic; replaces the report's old facts
        store.put_prepared(store.prepare(x))      # the same in two steps: prepare() is pure and
                                                  # runs in ingest's worker processes
        with store.batch(size=500, seconds=1.0):  # commit writes in groups (about once a second)
            ...
        store.remove(doc_id)                      # a fact stays while another report supports it
        graph = store.graph()                     # merged, cross-report resolved, with evidence,
                                                  # judgements applied (include_rejected=True: the
                                                  # rejected facts too, marked)
        store.stats(); store.documents(); store.record_error(path, reason)

Concurrency: one writer and any number of readers, in any processes. The writer holds `lock`
for one batch of work (a `kg ingest` run, one batch of `kg watch`) and releases it after, so
writers take turns; `lock(wait=seconds)` waits for the one writing (None: as long as it takes),
else the second writer fails at once naming the pid that holds it. Readers never lock kg.sqlite
(SQLite's WAL gives each read one committed state); the derived stores are copy-on-write per
state (a new folder per state, never updated in place while a reader holds one open: an embedded
ladybug store changed under another process's handle is not safe), and an old state's folder is
deleted only when no reader holds it (kg.store.derived).

Also: `lock()` (become the writer now rather than at the first write), `unlock()` (stop being it),
`find(name_or_id)`,
`entity(id)`, `relations_of(id)` (one entity without reading the whole graph), `state()` /
`generation` (changes with every write), `refresh()` (build the derived stores now),
`derived.rdf()` / `derived.cypher()` (read-only handles; kg.query runs queries on them; with
`include_rejected=True`, separate stores that also hold the rejected facts, marked), and
kg.store.views.describe (what `kg show` prints). A store this process cannot write (a read-only
mount) opens read-only (`store.read_only`): queries work, writes raise StoreError.

Layout of a store folder:
- kg.sqlite   the source of truth (kg.store.schema): per-report facts; each report is all-or-nothing
              (its own savepoint), and in a batch reports are committed in groups about once a second;
              an older schema version is upgraded in place on open (or by upgrade_store / `kg upgrade`);
              its `judgements` table holds the analysts' decisions (merge, distinct, split, reject,
              alias; kg.judge makes them, kg.store.judgements applies them on every read, never
              editing the reports' rows; kg.store.splits works out which mentions a split or a
              distinct judgement moves), each a write that renews the state so the derived stores rebuild;
              its `stories` and `story_bands` tables hold each report's MinHash signature, the story
              it is a reprint of and its LSH band keys (kg.store.reprints: reprints are found when a
              report is stored, and a relation counts its independent reports, prop `reports`);
              its `sentences` table holds each report's evidence sentences once (kg.store.sentences),
              which the evidence of its mentions and facts points at;
- lock        the writer lock (one writer at a time; readers never lock);
- errors.jsonl files that could not be ingested;
- derived/    the RDF (pyoxigraph) and Cypher (ladybug) stores, made anew for each state of kg.sqlite
              when a query finds it changed (kg.store.derived): the RDF store as a copy of the one
              before updated by what the writes touched (kg.store.changelog keeps that in kg.sqlite's
              `changes` table), the Cypher store rebuilt; and, once a query asks for
              rejected facts, the same two with them (rdf-rejected, cypher-rejected). Deleting it
              loses nothing.
"""

from kg.store.store import DEFAULT_DIR, ERRORS_FILE, PutResult, Store, default_path, upgrade_store

__all__ = ["DEFAULT_DIR", "ERRORS_FILE", "PutResult", "Store", "default_path", "upgrade_store"]
