// Connections to another PostgreSQL server (see remote.cpp for who may open one).
#pragma once

#include "pg/guard.hpp"
#include "pg/reader.hpp"
#include "core/ai_wire.hpp"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace cartridge::pg {

struct PgConnCloser {
    void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};

struct RemoteConnection {
    std::unique_ptr<PGconn, PgConnCloser> conn;  // null when the connection failed
    std::string error;                           // why, without the password
    double latency_ms = 0;                       // until connected (or failed)
};

// Raises an ERROR unless the caller may connect with this connection string: a member of
// cartridge_remote (or a superuser), and for a non-superuser, a password in it and no
// option that reads the server's own files. A malformed string is an error too.
void check_remote_allowed_pg(const std::string& conninfo);

// Connects without blocking the backend (cancel and statement_timeout interrupt it;
// connect_timeout, default 10 s, bounds it). A failure to connect is returned, not raised;
// a non-superuser's connection that the remote server accepted without using the password
// is an ERROR. Call check_remote_allowed_pg first.
RemoteConnection connect_remote_pg(const std::string& conninfo);

// The text with every occurrence of the password masked.
std::string scrub_password(std::string text, const std::string& password);

// The connection string without its password (nor sslpassword), as key='value' pairs in
// libpq's order: what a scan stores to say where it read.
std::string conninfo_without_password(const std::string& conninfo);

// The connection string of a foreign server for the current role: the libpq options of the
// server and of the role's user mapping (as dblink builds it; options of the wrapper such as
// postgres_fdw's fetch_size are left out). The role needs USAGE on the server.
std::string foreign_server_conninfo_pg(const std::string& server);

// Where a remote scan reads: `{"conninfo": ...}` or `{"server": ...}` of cartridge_scan's
// options, resolved for the current role (checks included). Empty when the options name
// neither (a local scan).
std::string remote_conninfo_pg(const nlohmann::json& options);

// A read-only session on another server for a scan: one REPEATABLE READ READ ONLY
// transaction (one snapshot of its catalog, and it works on a hot standby), search_path
// pg_catalog, row_security off (a table whose policies would apply fails instead of running
// them), and this session's DateStyle, IntervalStyle, extra_float_digits and TimeZone, so
// that values print as a local scan prints them. Every wait is on the latch: cancel and
// statement_timeout interrupt it and cancel the remote query. Errors of the remote server
// keep its SQLSTATE; the password never appears in one.
class RemoteReader final : public CatalogReader {
public:
    // Connects (connect_remote_pg; a failure is an ERROR 08001) and opens the transaction.
    // Call check_remote_allowed_pg first.
    explicit RemoteReader(const std::string& conninfo);
    ~RemoteReader() override;

    bool remote() const noexcept override { return true; }
    bool reads_pg_statistic() const noexcept override { return superuser_; }
    std::string role_oid() override { return role_oid_; }
    std::vector<TextRow> query(const std::string& sql, const std::vector<QueryArg>& args = {}) override;
    void for_each_row(const std::string& sql, const std::vector<QueryArg>& args,
                      const std::function<void(const TextRow&)>& each) override;
    void stream(const std::string& sql, const std::vector<QueryArg>& args,
                const std::function<void(const TextRow&)>& each) override;
    std::optional<std::string> read_isolated(const std::function<void()>& body) override;
    std::optional<std::string> query_isolated(const std::string& sql, std::vector<TextRow>& rows) override;
    std::vector<IsolatedResult> query_batch_isolated(const std::vector<std::string>& statements) override;

    // The result columns of a SELECT (name and format_type) from the remote server's own
    // description of it, then EXPLAIN (and with `run`, the SELECT itself) there, in a
    // savepoint rolled back after; an error of the server is the answer's error.
    cartridge::ai::SqlCheck check_select(const std::string& sql, bool run);

    // Where it is connected: {"host", "port", "database", "user", "server_version"}.
    nlohmann::json where() const;
    const std::string& database() const noexcept { return database_; }
    const std::string& server_version() const noexcept { return server_version_; }

private:
    void send(const std::string& sql, const std::vector<QueryArg>& args);
    void execute(const std::string& sql);
    void send_simple(const std::string& sql);
    void flush();
    void require_open() const;
    void drain(const std::function<void(PGresult*)>& each);
    int wait_socket(int socket_events);
    [[noreturn]] void connection_lost();

    std::unique_ptr<PGconn, PgConnCloser> conn_;
    std::string password_;
    std::string role_oid_;
    std::string database_;
    std::string server_version_;
    bool superuser_ = false;
    bool broken_ = false;
    int cursors_ = 0;
};

}  // namespace cartridge::pg
