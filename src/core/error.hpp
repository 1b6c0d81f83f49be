// Errors raised by the pure core. They carry a PostgreSQL SQLSTATE as five characters so
// that src/pg can report them faithfully without the core knowing any server header.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace cartridge {

namespace sqlstate {
inline constexpr const char* invalid_parameter_value = "22023";
inline constexpr const char* undefined_object = "42704";
inline constexpr const char* undefined_schema = "3F000";
inline constexpr const char* object_not_in_prerequisite_state = "55000";
inline constexpr const char* feature_not_supported = "0A000";
inline constexpr const char* insufficient_privilege = "42501";
inline constexpr const char* data_exception = "22000";
inline constexpr const char* internal_error = "XX000";
inline constexpr const char* invalid_object_definition = "42P17";
inline constexpr const char* external_routine_exception = "38000";  // an AI provider failed
}  // namespace sqlstate

class Error : public std::runtime_error {
public:
    Error(std::string sqlstate, const std::string& message, std::string hint = {},
          std::string detail = {})
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)), hint_(std::move(hint)),
          detail_(std::move(detail)) {}

    const std::string& sqlstate() const noexcept { return sqlstate_; }
    const std::string& hint() const noexcept { return hint_; }
    const std::string& detail() const noexcept { return detail_; }

private:
    std::string sqlstate_;
    std::string hint_;
    std::string detail_;
};

}  // namespace cartridge
