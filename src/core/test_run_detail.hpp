// Helpers shared by the two halves of the test runner: reading a project
// (test_run_project.cpp) and running it (test_run.cpp). Not an interface of its own.
#pragma once

#include "core/jinja_subset.hpp"
#include "core/test_run.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace cartridge::test_run::detail {

using Json = nlohmann::ordered_json;

// str() of a value in Python, as dbt prints arguments into names and SQL.
std::string python_str(const Json& value, bool nested = false);

// "schema"."name", always quoted, as dbt-postgres renders relations.
std::string relation_sql(const std::string& schema, const std::string& name);
std::string source_sql(const Source& s);

// A compile error: the project refers to something it does not define.
class Undefined : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Renders SQL of the project: refs into run_schema, sources as their relations. Throws
// jinja::Unsupported or Undefined.
std::string render_sql(const Project& project, const std::string& sql, const std::string& run_schema);

// A test argument dbt renders as a call ("ref('orders')").
bool looks_like_call(const std::string& text);

}  // namespace cartridge::test_run::detail
