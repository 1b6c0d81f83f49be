// The one way src/pg includes the server's headers from C++.
#pragma once

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/elog.h"
#include "utils/memutils.h"
}

// port.h renames the printf family to PostgreSQL's own (pg_snprintf, ...); C++ library
// headers included afterwards then refer to std::pg_snprintf, which does not exist.
#undef snprintf
#undef vsnprintf
#undef sprintf
#undef vsprintf
#undef fprintf
#undef vfprintf
#undef printf
#undef vprintf
