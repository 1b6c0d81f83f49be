// Loads a stored scan from the cartridge tables into the core's schema model.
#pragma once

#include "core/schema.hpp"

namespace cartridge::pg {

// The scan as the current role sees it (row-level security applies unless it runs in an
// OwnerScope, after the caller's right to see the scan was checked). Throws
// cartridge::Error(undefined_object) when the scan does not exist or is not visible.
// With inference_profiles, each column's profile holds only the keys inference and
// classification read (column_traits.hpp), which is a fraction of the text to parse.
Schema load_scan_pg(int64_t scan_id, bool inference_profiles = false);

}  // namespace cartridge::pg
