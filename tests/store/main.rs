//! Tests of what Attune keeps on disk and how it survives damage: settings,
//! history and resume files, atomic writes, concurrent writers and old
//! formats.

mod store;
