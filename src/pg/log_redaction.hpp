// Masks the values of the AI providers' key settings in the server log (see the .cpp).
#pragma once

namespace cartridge::pg {

// Called by _PG_init.
void install_log_redaction();

}  // namespace cartridge::pg
