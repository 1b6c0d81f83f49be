// UTF-8 decoding and encoding shared by the writers that must emit valid Unicode (YAML,
// diagrams) and by the transliteration of names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cartridge::utf8 {

// Decodes the sequence at text[i] and advances i past it. An invalid, overlong or
// truncated sequence, or a surrogate, decodes as U+FFFD and advances one byte.
uint32_t next_code_point(std::string_view text, std::size_t& i);

void append(std::string& out, uint32_t cp);

}  // namespace cartridge::utf8
