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

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstring>

extern "C" {
#include "catalog/pg_authid.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/latch.h"
#include "utils/acl.h"
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
