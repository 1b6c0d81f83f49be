// Module entry: PG_MODULE_MAGIC and the settings (GUCs), declared in one place.
#include "pg/postgres.hpp"

extern "C" {
#include "utils/guc.h"

PG_MODULE_MAGIC;

void _PG_init(void);
}

void _PG_init(void) {
    // Typos such as cartridge.opneai_api_key are reported instead of silently accepted.
    MarkGUCPrefixReserved("cartridge");
}
