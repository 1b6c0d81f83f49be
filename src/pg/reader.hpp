// Where a scan reads the catalog and the data: this database through SPI, or another
// PostgreSQL server through libpq (a remote scan). The catalog store, profiling and
// containment send the same SQL to either; what is stored always goes through SPI.
#pragma once

#include "pg/spi.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cartridge::pg {

// The answer to one statement of a batch: its rows, or its error.
struct IsolatedResult {
    std::optional<std::string> error;
    std::vector<TextRow> rows;
};

class CatalogReader {
public:
    virtual ~CatalogReader() = default;

    virtual bool remote() const noexcept = 0;

    // Whether catalog tables only superusers may read (pg_statistic) can be read directly.
    virtual bool reads_pg_statistic() const noexcept = 0;

    // The oid of the role the reads run as, on the side they run.
    virtual std::string role_oid() = 0;

    // Rows of a read-only statement, every value as text (nullopt for NULL).
    virtual std::vector<TextRow> query(const std::string& sql, const std::vector<QueryArg>& args = {}) = 0;

    // The rows of a read-only statement handed to each() one by one, never held whole;
    // each() may run statements of its own through this reader.
    virtual void for_each_row(const std::string& sql, const std::vector<QueryArg>& args,
                              const std::function<void(const TextRow&)>& each) = 0;

    // The same for an each() that does not use this reader: on a remote server the rows
    // stream while the server is still producing them (no cursor round trips).
    virtual void stream(const std::string& sql, const std::vector<QueryArg>& args,
                        const std::function<void(const TextRow&)>& each) {
        for_each_row(sql, args, each);
    }

    // Runs body, which reads the user's data, so that an error it raises ends only body and
    // the locks it took are released after it: a subtransaction here, a savepoint on a remote
    // server, rolled back either way. Returns nullopt, or the error's message. Cancel,
    // statement_timeout and errors of the connection itself are re-thrown.
    virtual std::optional<std::string> read_isolated(const std::function<void()>& body) = 0;

    // One read-only statement without parameters, isolated as read_isolated does (on a
    // remote server in one round trip when it succeeds). Returns nullopt, or the error.
    virtual std::optional<std::string> query_isolated(const std::string& sql, std::vector<TextRow>& rows) {
        return read_isolated([&] { rows = query(sql); });
    }

    // Each statement as query_isolated runs it, one answer per statement; on a remote
    // server many of them in one round trip. Interrupts are checked between statements.
    virtual std::vector<IsolatedResult> query_batch_isolated(const std::vector<std::string>& statements);
};

// This database, as the current role, through SPI (the caller holds an SpiScope).
class LocalReader final : public CatalogReader {
public:
    bool remote() const noexcept override { return false; }
    bool reads_pg_statistic() const noexcept override { return true; }
    std::string role_oid() override;
    std::vector<TextRow> query(const std::string& sql, const std::vector<QueryArg>& args = {}) override;
    void for_each_row(const std::string& sql, const std::vector<QueryArg>& args,
                      const std::function<void(const TextRow&)>& each) override;
    std::optional<std::string> read_isolated(const std::function<void()>& body) override;
};

}  // namespace cartridge::pg
