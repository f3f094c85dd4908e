#pragma once
// The store seam: every command opens its store here, by location, and gets one object with every part it
// needs — what an ingest writes to, what a status, the lists, export and report read, history, the summary of
// `bostad check`, the tables a copy moves, one read snapshot (and readers in other threads that share it), and
// write transactions. Which store a location
// names (a GeoPackage file, or PostGIS as PG:...) is decided once, in backends.cpp; nothing above this seam
// asks. A store is one folder beside this file (gpkg/, postgis/) and one line in backends.cpp.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/history.hpp"
#include "store/summary.hpp"

namespace bostad::store {

class AssignmentStore;
class FeatureSource;
class IngestTarget;
class StatusSource;
class TableSource;
class TableTarget;

enum class Access {
    read_only, ///< no migration, no writes (check, history)
    read_write ///< an older store is migrated forward first
};

using Note = std::function<void(const std::string&)>;

struct OpenOptions {
    Access access = Access::read_write;
    /// Told what the store waits for (another writer) and what it did on its own (a migration).
    Note note;
    /// (code, name) of the project's municipalities: the PostGIS store names its QGIS style categories with them.
    std::vector<std::pair<std::string, std::string>> municipality_names;
};

/// While it lives, every read of the store sees one state: a writer's commit is seen whole or not at all.
class ReadSnapshot {
public:
    virtual ~ReadSnapshot() = default;
};

/// What another thread reads, on a connection of its own, in the state a live read snapshot of the store holds.
class SharedSnapshot {
public:
    virtual ~SharedSnapshot() = default;
    virtual StatusSource& status() = 0;
    virtual FeatureSource& features() = 0;
};

enum class WriteMode { write, dry_run };

/// One transaction of a writer: rolled back when destroyed without commit(). A dry run reads as a writer
/// would and can never commit.
class WriteTransaction {
public:
    virtual ~WriteTransaction() = default;
    virtual IngestTarget& target() = 0;
    virtual AssignmentStore& assignment() = 0;
    /// Serializes the writers of one thing (`what`, e.g. "ingest permits 1290"): a second waits, after a note,
    /// until the first has committed. A store that admits one writer at a time anyway does nothing.
    virtual void lock(const std::string& what) = 0;
    virtual void commit() = 0;
};

class Store {
public:
    virtual ~Store() = default;
    /// How messages name the store (a path; PostGIS without its password).
    virtual std::string location() const = 0;
    virtual int schema_version() const = 0;

    virtual std::unique_ptr<ReadSnapshot> read_snapshot() = 0;
    /// A reader for another thread that sees exactly what this store's live read snapshot sees (it must outlive
    /// the reader); null when no read snapshot lives or none can be shared now: then read here, in turn.
    virtual std::unique_ptr<SharedSnapshot> share_snapshot() = 0;
    virtual StatusSource& status() = 0;
    virtual FeatureSource& features() = 0;
    virtual std::vector<EntityHistory> find_history(const std::string& key, const std::optional<std::string>& municipality) = 0;
    /// The quarantined rows that name `key` (optionally in one municipality), oldest run first.
    virtual std::vector<RejectedEntry> find_rejected(const std::string& key, const std::optional<std::string>& municipality) = 0;
    /// Stored case and plan ids close to `key`, for "did you mean".
    virtual std::vector<std::string> similar_keys(const std::string& key) = 0;
    virtual StoreSummary summarize(int last_runs) = 0;
    virtual TableSource& tables() = 0;

    /// True when area assignments wait to be made (a status computed now would be out of date).
    virtual bool assignment_pending() = 0;
    virtual std::unique_ptr<WriteTransaction> begin_write(WriteMode mode) = 0;
};

/// Opens the store at `location`. InputError (exit 3) when there is none, it is not a bostad store, or it is of
/// a schema this build cannot open; a refused store is never changed.
std::unique_ptr<Store> open(const std::string& location, const OpenOptions& options);

struct InitResult {
    std::string location;          ///< as shown
    std::string kind;              ///< "store", "PostGIS store"
    std::optional<std::string> schema; ///< the database schema, where the store has one
    int schema_version = 0;
    bool created = false;
    std::optional<int> migrated_from;
};

/// Creates a store at `location`, or brings an existing one to this build's schema; anything else there is
/// refused and left untouched. A new store appears complete or not at all.
InitResult init(const std::string& location);

/// A new store being filled by a copy: complete after commit(), absent (or unchanged) otherwise.
class CopyTarget {
public:
    virtual ~CopyTarget() = default;
    virtual TableTarget& tables() = 0;
    /// Where the copy went, as shown.
    virtual std::string location() const = 0;
    virtual void commit() = 0;
};

/// A store to copy into: UsageError when `location` holds a store with data already (or, for a file, exists).
std::unique_ptr<CopyTarget> copy_target(const std::string& location, const OpenOptions& options);

} // namespace bostad::store
