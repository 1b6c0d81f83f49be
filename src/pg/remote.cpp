// Connections to another PostgreSQL server over libpq, and cartridge_test_connection(conninfo).
//
// Who may connect, as dblink and postgres_fdw decide it: members of the role cartridge_remote
// (and superusers), so that the server does not become every user's port scanner; and a
// non-superuser must give a password in the connection string and the remote server must
// actually use it, so that nobody borrows the server's own identity (trust or peer
// authentication from this host, the server's ~/.pgpass, its client certificates).
//
// The connection is made with libpq's asynchronous API, waiting on the socket and the latch
// (as PostgreSQL 16's libpqsrv_connect does), so that cancel and statement_timeout interrupt
// it; connect_timeout (default 10 s) bounds it, as libpq's blocking connect would.
#include "pg/remote.hpp"

#include "pg/datum.hpp"

#include "core/error.hpp"
#include "core/identifier.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

extern "C" {
#include "catalog/pg_authid.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/latch.h"
#include "utils/acl.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/wait_event.h"
}

namespace cartridge::pg {

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string password;
    long connect_timeout_s = 10;
    bool has_password = false;
    std::vector<std::string> server_files;  // options that would read the server's own files
};

Options parse_conninfo(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        std::string message = error ? error : "out of memory";
        if (error)
            PQfreemem(error);
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        // libpq quotes the part it could not parse, which may be the password: not repeated.
        throw Error(sqlstate::invalid_parameter_value, "invalid connection string",
                    "Use key=value pairs (host=... port=... dbname=... user=... password=...) or a postgresql:// URI.",
                    message.find("password") == std::string::npos ? message : std::string());
    }
    Options out;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || !o->val[0])
            continue;
        const std::string key = o->keyword;
        if (key == "password") {
            out.password = o->val;
            out.has_password = true;
        } else if (key == "connect_timeout") {
            try {
                out.connect_timeout_s = std::max(1L, std::stol(o->val));
            } catch (const std::exception&) {
                out.connect_timeout_s = 10;
            }
        } else if (key == "passfile" || key == "sslcert" || key == "sslkey" || key == "sslrootcert" ||
                   key == "sslcrl" || key == "sslcrldir" || key == "service") {
            out.server_files.push_back(key);
        }
    }
    PQconninfoFree(options);
    return out;
}

}  // namespace

std::string scrub_password(std::string text, const std::string& password) {
    if (password.size() < 2)
        return text;
    for (std::size_t at = text.find(password); at != std::string::npos; at = text.find(password, at))
        text.replace(at, password.size(), "********");
    return text;
}

void check_remote_allowed_pg(const std::string& conninfo) {
    const bool super = pg_call([] { return superuser(); });
    if (!super) {
        const bool member = pg_call([] {
            const Oid role = get_role_oid("cartridge_remote", true);
            return OidIsValid(role) && is_member_of_role(GetUserId(), role);
        });
        if (!member)
            throw Error(sqlstate::insufficient_privilege, "permission denied to connect to other servers",
                        "Only members of the role cartridge_remote (and superusers) may: GRANT cartridge_remote TO "
                        "<role>; (as a superuser).");
    }
    const Options options = parse_conninfo(conninfo);
    if (super)
        return;
    if (!options.has_password)
        throw Error("2F003", "password is required",
                    "A non-superuser must give the password of the remote role in the connection string, and the "
                    "remote server must ask for it.",
                    "Without one, the connection would use the server's own identity (trust or peer "
                    "authentication, its .pgpass).");
    if (!options.server_files.empty())
        throw Error(sqlstate::insufficient_privilege,
                    fmt::format("a non-superuser may not use the connection option {}", options.server_files.front()),
                    "These options read files of the database server (password file, keys, certificates, "
                    "services); only a superuser may use them.");
}

RemoteConnection connect_remote_pg(const std::string& conninfo) {
    const Options options = parse_conninfo(conninfo);
    RemoteConnection out;
    const auto started = Clock::now();
    const char* keywords[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {conninfo.c_str(), "cartridge", nullptr};
    out.conn.reset(PQconnectStartParams(keywords, values, /* expand_dbname */ 1));
    if (!out.conn)
        throw Error("53200", "out of memory while connecting to the remote server");
    const auto deadline = started + std::chrono::seconds(options.connect_timeout_s);
    PostgresPollingStatusType state = PQstatus(out.conn.get()) == CONNECTION_BAD ? PGRES_POLLING_FAILED
                                                                                  : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        const long remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (remaining <= 0) {
            out.error = fmt::format("timeout expired: no connection after connect_timeout ({} s)",
                                    options.connect_timeout_s);
            out.conn.reset();
            break;
        }
        const int events = (state == PGRES_POLLING_READING ? WL_SOCKET_READABLE : WL_SOCKET_WRITEABLE) |
                           WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH;
        const pgsocket socket = PQsocket(out.conn.get());
        const int rc = pg_call([events, socket, remaining] {
            return WaitLatchOrSocket(MyLatch, events, socket, std::min(remaining, 1000L), PG_WAIT_EXTENSION);
        });
        if (rc & WL_LATCH_SET) {
            pg_call([] { ResetLatch(MyLatch); });
            check_for_interrupts_pg();  // cancel, statement_timeout: the PGconn is closed as this unwinds
        }
        if (rc & (WL_SOCKET_READABLE | WL_SOCKET_WRITEABLE))
            state = PQconnectPoll(out.conn.get());
    }
    out.latency_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (out.conn && PQstatus(out.conn.get()) != CONNECTION_OK) {
        std::string message = PQerrorMessage(out.conn.get());
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        out.error = message;
        out.conn.reset();
    }
    if (!out.error.empty())
        out.error = scrub_password(out.error, options.password);
    // A non-superuser's connection must have been authenticated by its password (dblink's
    // rule): a server that did not ask for it let the connection in on this host's identity.
    if (out.conn && !pg_call([] { return superuser(); }) && !PQconnectionUsedPassword(out.conn.get())) {
        out.conn.reset();
        throw Error("2F003", "password is required",
                    "The remote server must ask non-superusers for a password (md5 or scram-sha-256 in its "
                    "pg_hba.conf).",
                    "The remote server accepted the connection without using the password (trust, peer or "
                    "ident authentication).");
    }
    return out;
}

namespace {

bool is_libpq_keyword(const std::string& key) {
    static const std::vector<std::string> keywords = [] {
        std::vector<std::string> out;
        PQconninfoOption* defaults = PQconndefaults();
        for (PQconninfoOption* o = defaults; o && o->keyword; ++o)
            out.emplace_back(o->keyword);
        if (defaults)
            PQconninfoFree(defaults);
        return out;
    }();
    return std::find(keywords.begin(), keywords.end(), key) != keywords.end();
}

}  // namespace

std::string conninfo_without_password(const std::string& conninfo) {
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), nullptr);
    if (!options)
        return "";
    std::string out;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        const std::string key = o->keyword;
        if (!o->val || !o->val[0] || key == "password" || key == "sslpassword")
            continue;
        out += (out.empty() ? "" : " ") + key + "=" + backslash_quoted(o->val);
    }
    PQconninfoFree(options);
    return out;
}

std::string foreign_server_conninfo_pg(const std::string& name) {
    const char* server_name = name.c_str();
    ForeignServer* server = pg_call([server_name] { return GetForeignServerByName(server_name, true); });
    if (!server)
        throw Error(sqlstate::undefined_object, fmt::format("server \"{}\" does not exist", name),
                    "CREATE SERVER name FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '...', port '...', dbname "
                    "'...'); and CREATE USER MAPPING FOR CURRENT_USER SERVER name OPTIONS (user '...', password "
                    "'...');");
    const Oid server_id = server->serverid;
    const bool allowed =
        pg_call([server_id] { return pg_foreign_server_aclcheck(server_id, GetUserId(), ACL_USAGE); }) ==
        ACLCHECK_OK;
    if (!allowed)
        throw Error(sqlstate::insufficient_privilege, fmt::format("permission denied for foreign server {}", name),
                    fmt::format("GRANT USAGE ON FOREIGN SERVER {} TO <role>;", name));
    UserMapping* mapping = pg_call([server_id] { return GetUserMapping(GetUserId(), server_id); });
    std::string out;
    for (List* options : {server->options, mapping->options}) {
        ListCell* cell;
        foreach (cell, options) {
            DefElem* option = static_cast<DefElem*>(lfirst(cell));
            const std::string key = option->defname;
            if (!is_libpq_keyword(key) || key == "fallback_application_name")
                continue;
            const char* value = pg_call([option] { return defGetString(option); });
            out += (out.empty() ? "" : " ") + key + "=" + backslash_quoted(value);
        }
    }
    return out;
}

std::string remote_conninfo_pg(const nlohmann::json& options) {
    const auto conninfo = options.find("conninfo");
    const auto server = options.find("server");
    if (conninfo != options.end() && server != options.end())
        throw Error(sqlstate::invalid_parameter_value, "options \"conninfo\" and \"server\" cannot both be given",
                    "Name a foreign server (its user mapping holds the credentials) or give a connection string.");
    std::string out;
    if (conninfo != options.end()) {
        if (!conninfo->is_string() || conninfo->get<std::string>().empty())
            throw Error(sqlstate::invalid_parameter_value, "option \"conninfo\" must be a non-empty string",
                        "For example: '{\"conninfo\": \"host=db.example.com dbname=shop user=reader password=...\"}'");
        out = conninfo->get<std::string>();
    } else if (server != options.end()) {
        if (!server->is_string() || server->get<std::string>().empty())
            throw Error(sqlstate::invalid_parameter_value, "option \"server\" must be the name of a foreign server",
                        "For example: '{\"server\": \"warehouse\"}' (see CREATE SERVER and CREATE USER MAPPING).");
        out = foreign_server_conninfo_pg(server->get<std::string>());
    } else {
        return out;
    }
    check_remote_allowed_pg(out);
    return out;
}

namespace {

// An error the remote server reported for one statement (the connection is still usable).
class RemoteQueryError : public Error {
public:
    using Error::Error;
};

// Catalog queries use functions of PostgreSQL 12 (pg_partition_root, pg_partition_tree).
constexpr int kMinServerVersion = 120000;

std::string local_setting_pg(const char* name) {
    const char* value = pg_call([name] { return GetConfigOption(name, false, false); });
    return value ? value : "";
}

}  // namespace

namespace {

void append_rows(PGresult* result, const std::function<void(const TextRow&)>& each) {
    const int rows = PQntuples(result);
    const int width = PQnfields(result);
    TextRow row(width);
    for (int r = 0; r < rows; r++) {
        for (int f = 0; f < width; f++) {
            if (PQgetisnull(result, r, f))
                row[f].reset();
            else
                row[f].emplace(PQgetvalue(result, r, f), PQgetlength(result, r, f));
        }
        each(row);
    }
}

}  // namespace

RemoteReader::RemoteReader(const std::string& conninfo) {
    password_ = parse_conninfo(conninfo).password;
    RemoteConnection connection = connect_remote_pg(conninfo);
    if (!connection.conn)
        throw Error("08001", "could not connect to the remote server",
                    "SELECT cartridge_test_connection('...') shows what the server answered.", connection.error);
    conn_ = std::move(connection.conn);
    PGconn* c = conn_.get();
    if (PQsetnonblocking(c, 1) != 0)
        connection_lost();
    database_ = PQdb(c);
    const char* version = PQparameterStatus(c, "server_version");
    server_version_ = version ? version : "";
    const char* super = PQparameterStatus(c, "is_superuser");
    superuser_ = super && std::strcmp(super, "on") == 0;
    if (PQserverVersion(c) < kMinServerVersion)
        throw Error(sqlstate::feature_not_supported,
                    fmt::format("remote server version {} is not supported", server_version_),
                    "Cartridge scans PostgreSQL 12 and later.");
    auto literal = [c](const std::string& value) {
        char* quoted = PQescapeLiteral(c, value.c_str(), value.size());
        std::string out = quoted ? quoted : "''";
        if (quoted)
            PQfreemem(quoted);
        return out;
    };
    execute(fmt::format(
        "SET search_path = pg_catalog, pg_temp; SET row_security = off; SET DateStyle = {}; "
        "SET IntervalStyle = {}; SET extra_float_digits = {}",
        literal(local_setting_pg("DateStyle")), literal(local_setting_pg("IntervalStyle")),
        literal(local_setting_pg("extra_float_digits"))));
    // A time zone this server knows and the remote does not is not worth failing a scan.
    try {
        execute("SET TimeZone = " + literal(local_setting_pg("TimeZone")));
    } catch (const RemoteQueryError&) {
    }
    execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    role_oid_ = query("SELECT oid FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) CURRENT_USER").at(0).at(0).value();
}

RemoteReader::~RemoteReader() = default;

nlohmann::json RemoteReader::where() const {
    PGconn* c = conn_.get();
    const char* host = PQhost(c);
    const char* port = PQport(c);
    return {{"host", host ? host : ""}, {"port", port ? std::atoi(port) : 0}, {"database", database_},
            {"user", PQuser(c)}, {"server_version", server_version_}};
}

void RemoteReader::connection_lost() {
    broken_ = true;
    std::string message = conn_ ? PQerrorMessage(conn_.get()) : "no connection";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    throw Error("08006", "lost the connection to the remote server", "",
                scrub_password(message, password_));
}

// Waits for the socket (or the latch: an interrupt cancels the remote query, then ends the
// statement). Returns WaitLatchOrSocket's events.
int RemoteReader::wait_socket(int socket_events) {
    const pgsocket socket = PQsocket(conn_.get());
    const int events = socket_events | WL_LATCH_SET | WL_EXIT_ON_PM_DEATH;
    const int rc = pg_call([events, socket] { return WaitLatchOrSocket(MyLatch, events, socket, -1, PG_WAIT_EXTENSION); });
    if (rc & WL_LATCH_SET) {
        pg_call([] { ResetLatch(MyLatch); });
        try {
            check_for_interrupts_pg();
        } catch (...) {
            // Stop the remote query too (libpq 15 has only the blocking cancel, as
            // postgres_fdw uses it); the connection is closed as the error unwinds.
            broken_ = true;
            if (PGcancel* cancel = PQgetCancel(conn_.get())) {
                char message[256];
                (void)PQcancel(cancel, message, sizeof message);
                PQfreeCancel(cancel);
            }
            throw;
        }
    }
    return rc;
}

void RemoteReader::send(const std::string& sql, const std::vector<QueryArg>& args) {
    require_open();
    PGconn* c = conn_.get();
    // Parameters as text; a binary one goes through its type's output function. Built-in
    // types have the same oids on every server.
    std::vector<std::optional<std::string>> texts;
    std::vector<Oid> types;
    for (const QueryArg& arg : args) {
        types.push_back(arg.type);
        if (arg.is_binary) {
            if (arg.is_null_datum) {
                texts.emplace_back();
                continue;
            }
            const Oid type = arg.type;
            const Datum datum = arg.datum;
            char* text = pg_call([type, datum] {
                Oid output;
                bool varlena;
                getTypeOutputInfo(type, &output, &varlena);
                return OidOutputFunctionCall(output, datum);
            });
            texts.emplace_back(text);
            pfree(text);
        } else if (arg.text) {
            texts.emplace_back(arg.text);
        } else {
            texts.emplace_back();
        }
    }
    std::vector<const char*> values;
    for (const auto& t : texts)
        values.push_back(t ? t->c_str() : nullptr);
    const int sent = args.empty() ? PQsendQueryParams(c, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0)
                                  : PQsendQueryParams(c, sql.c_str(), static_cast<int>(args.size()), types.data(),
                                                      values.data(), nullptr, nullptr, 0);
    if (!sent)
        connection_lost();
    flush();
}

// Sends what libpq still holds (the connection is nonblocking), reading what the server
// answers meanwhile so that neither side waits for the other.
void RemoteReader::flush() {
    for (;;) {
        const int flushed = PQflush(conn_.get());
        if (flushed == 0)
            return;
        if (flushed < 0)
            connection_lost();
        if (wait_socket(WL_SOCKET_READABLE | WL_SOCKET_WRITEABLE) & WL_SOCKET_READABLE)
            if (!PQconsumeInput(conn_.get()))
                connection_lost();
    }
}

// Sends statements as one simple-protocol string (several results, text).
void RemoteReader::send_simple(const std::string& sql) {
    require_open();
    if (!PQsendQuery(conn_.get(), sql.c_str()))
        connection_lost();
    flush();
}

void RemoteReader::require_open() const {
    if (broken_)
        throw Error("08006", "lost the connection to the remote server");
}

// Hands every result of the statement sent to each(); raises the first error once the
// statement is done (the connection is then ready for the next one).
void RemoteReader::drain(const std::function<void(PGresult*)>& each) {
    PGconn* c = conn_.get();
    std::optional<RemoteQueryError> error;
    for (;;) {
        while (PQisBusy(c)) {
            if (wait_socket(WL_SOCKET_READABLE) & WL_SOCKET_READABLE)
                if (!PQconsumeInput(c))
                    connection_lost();
        }
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQgetResult(c), &PQclear);
        if (!result)
            break;
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR || status == PGRES_BAD_RESPONSE) {
            if (PQstatus(c) == CONNECTION_BAD)
                connection_lost();
            if (!error) {
                const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
                const char* primary = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
                const char* hint = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_HINT);
                const char* detail = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_DETAIL);
                error.emplace(state ? state : "XX000",
                              scrub_password(std::string("remote server: ") + (primary ? primary : "error"),
                                             password_),
                              scrub_password(hint ? hint : "", password_), scrub_password(detail ? detail : "", password_));
            }
            continue;
        }
        if (!error)
            each(result.get());
    }
    if (PQstatus(c) == CONNECTION_BAD)
        connection_lost();
    if (error)
        throw *error;
}

void RemoteReader::execute(const std::string& sql) {
    send_simple(sql);
    drain([](PGresult*) {});
}


std::vector<TextRow> RemoteReader::query(const std::string& sql, const std::vector<QueryArg>& args) {
    std::vector<TextRow> out;
    send(sql, args);
    drain([&](PGresult* result) { append_rows(result, [&](const TextRow& row) { out.push_back(row); }); });
    return out;
}

void RemoteReader::for_each_row(const std::string& sql, const std::vector<QueryArg>& args,
                                const std::function<void(const TextRow&)>& each) {
    // Through a cursor, 1,000 rows a fetch: a large result is never held whole, and each()
    // may send statements of its own between two fetches (a sample of each table).
    const std::string cursor = "cartridge_rows_" + std::to_string(++cursors_);
    send("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql, args);
    drain([](PGresult*) {});
    for (;;) {
        std::vector<TextRow> rows = query("FETCH 1000 FROM " + cursor);
        for (const TextRow& row : rows)
            each(row);
        if (rows.size() < 1000)
            break;
    }
    execute("CLOSE " + cursor);
}

void RemoteReader::stream(const std::string& sql, const std::vector<QueryArg>& args,
                          const std::function<void(const TextRow&)>& each) {
    send(sql, args);
    // One result per row, handed over as it arrives: the remote server produces the next
    // rows while this backend stores the last ones.
    if (!PQsetSingleRowMode(conn_.get()))
        connection_lost();
    drain([&](PGresult* result) { append_rows(result, each); });
}

std::optional<std::string> RemoteReader::query_isolated(const std::string& sql, std::vector<TextRow>& rows) {
    std::vector<IsolatedResult> results = query_batch_isolated({sql});
    rows = std::move(results[0].rows);
    return results[0].error;
}

std::vector<IsolatedResult> RemoteReader::query_batch_isolated(const std::vector<std::string>& statements) {
    // Up to this many statements in one simple-protocol string, between a savepoint and its
    // rollback: one round trip for all of them when they succeed. After an error the server
    // skips the rest of the string; the statements before it have their answers, the
    // rollback goes on its own, and the next batch starts after the one that failed.
    constexpr size_t kPerRoundTrip = 64;
    std::vector<IsolatedResult> out(statements.size());
    size_t next = 0;
    while (next < statements.size()) {
        const size_t end = std::min(statements.size(), next + kPerRoundTrip);
        std::string batch = "SAVEPOINT cartridge_read";
        for (size_t i = next; i < end; i++)
            batch += ";\n" + statements[i];
        batch += ";\nROLLBACK TO SAVEPOINT cartridge_read; RELEASE SAVEPOINT cartridge_read";
        send_simple(batch);
        size_t answered = next;
        try {
            drain([&](PGresult* result) {
                if (PQresultStatus(result) != PGRES_TUPLES_OK)
                    return;  // the savepoint, the rollback and the release
                append_rows(result, [&](const TextRow& row) { out[answered].rows.push_back(row); });
                answered++;
            });
            next = end;
        } catch (const RemoteQueryError& e) {
            out[answered].rows.clear();
            out[answered].error = e.what();
            execute("ROLLBACK TO SAVEPOINT cartridge_read; RELEASE SAVEPOINT cartridge_read");
            next = answered + 1;
        }
    }
    return out;
}

cartridge::ai::SqlCheck RemoteReader::check_select(const std::string& sql, bool run) {
    cartridge::ai::SqlCheck result;
    std::optional<std::string> error = read_isolated([&] {
        if (!PQsendPrepare(conn_.get(), "", sql.c_str(), 0, nullptr))
            connection_lost();
        drain([](PGresult*) {});
        if (!PQsendDescribePrepared(conn_.get(), ""))
            connection_lost();
        std::string types = "{", mods = "{";
        drain([&](PGresult* description) {
            for (int i = 0; i < PQnfields(description); i++) {
                result.columns.emplace_back(PQfname(description, i));
                types += (i ? "," : "") + std::to_string(PQftype(description, i));
                mods += (i ? "," : "") + std::to_string(PQfmod(description, i));
            }
        });
        types += '}';
        mods += '}';
        for (const TextRow& row : query("SELECT pg_catalog.format_type(u.t, u.m) FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.oid[]), "
                                        "pg_catalog.unnest($2::pg_catalog.int4[])) WITH ORDINALITY AS u(t, m, o) "
                                        "ORDER BY u.o",
                                        {{OIDARRAYOID, types.c_str()}, {INT4ARRAYOID, mods.c_str()}}))
            result.types.push_back(row.at(0).value_or(""));
        query("EXPLAIN " + sql);
        if (run)
            query(sql);
    });
    if (error) {
        result.error = *error;
        result.columns.clear();
        result.types.clear();
    }
    return result;
}

std::optional<std::string> RemoteReader::read_isolated(const std::function<void()>& body) {
    execute("SAVEPOINT cartridge_read");
    std::optional<std::string> error;
    try {
        body();
    } catch (const RemoteQueryError& e) {
        error = e.what();
    }
    // Rolled back either way: the locks the read took go with the savepoint.
    execute("ROLLBACK TO SAVEPOINT cartridge_read; RELEASE SAVEPOINT cartridge_read");
    return error;
}

}  // namespace cartridge::pg

CARTRIDGE_FUNCTION(cartridge_test_connection) {
    const std::optional<std::string> conninfo = cartridge::pg::text_arg_pg(fcinfo, 0);
    if (!conninfo)
        throw cartridge::Error(cartridge::sqlstate::invalid_parameter_value, "conninfo must not be null",
                               "Pass a connection string: 'host=... port=... dbname=... user=... password=...'.");
    cartridge::pg::check_remote_allowed_pg(*conninfo);
    cartridge::pg::RemoteConnection remote = cartridge::pg::connect_remote_pg(*conninfo);
    nlohmann::json out = {{"ok", remote.conn != nullptr}, {"server_version", nullptr},
                          {"latency_ms", std::round(remote.latency_ms * 1000) / 1000},
                          {"database", nullptr}, {"user", nullptr}, {"ssl", nullptr}, {"error", nullptr}};
    if (remote.conn) {
        PGconn* c = remote.conn.get();
        if (const char* version = PQparameterStatus(c, "server_version"))
            out["server_version"] = version;
        out["database"] = PQdb(c);
        out["user"] = PQuser(c);
        out["ssl"] = PQsslInUse(c) == 1;
    } else {
        out["error"] = remote.error;
    }
    return cartridge::pg::jsonb_result_pg(out.dump());
}
