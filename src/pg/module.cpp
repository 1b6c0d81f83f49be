// Module entry: PG_MODULE_MAGIC, the settings (GUCs), declared in one place, and, when the
// library is preloaded, the background work (src/pg/background.hpp).
#include "pg/ai_settings.hpp"
#include "pg/background.hpp"
#include "pg/log_redaction.hpp"

extern "C" {
#include "postmaster/postmaster.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void _PG_init(void);
}

namespace cartridge::pg {
int worker_idle_timeout_s = 60;
int job_max_attempts = 3;
int max_workers = 2;
}  // namespace cartridge::pg

void _PG_init(void) {
    using namespace cartridge::pg;
    DefineCustomIntVariable("cartridge.worker_idle_timeout",
                            "How long a database's worker waits for more jobs before it exits.", nullptr,
                            &worker_idle_timeout_s, 60, 0, 24 * 3600, PGC_SIGHUP, GUC_UNIT_S, nullptr, nullptr,
                            nullptr);
    DefineCustomIntVariable("cartridge.job_max_attempts",
                            "How many times a job whose worker died is started before it is failed.", nullptr,
                            &job_max_attempts, 3, 1, 100, PGC_SIGHUP, 0, nullptr, nullptr, nullptr);
    DefineCustomIntVariable("cartridge.max_workers",
                            "How many databases may have a cartridge worker at the same time.",
                            "Each takes one of max_worker_processes; the launcher takes another.", &max_workers, 2, 1,
                            MAX_BACKENDS, PGC_SIGHUP, 0, nullptr, nullptr, nullptr);
    cartridge::pg::install_log_redaction();
    cartridge::pg::define_ai_settings();
    // Typos such as cartridge.opneai_api_key are reported instead of silently accepted.
    MarkGUCPrefixReserved("cartridge");
    if (process_shared_preload_libraries_in_progress)
        background_preload();
}
