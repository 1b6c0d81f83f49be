// Connections to another PostgreSQL server (see remote.cpp for who may open one).
#pragma once

#include "pg/guard.hpp"

#include <libpq-fe.h>

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

}  // namespace cartridge::pg
