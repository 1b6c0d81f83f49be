// Reading a dbt project as dbt parses it: dbt_project.yml (configs by folder), the models'
// SQL (the ref/source/config subset of Jinja), the YAML properties with their generic tests
// (names as dbt synthesizes them), singular tests. See test_run.hpp.
#include "core/test_run_detail.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace cartridge::test_run {

const Model* Project::model(const std::string& name) const {
    auto it = model_index.find(name);
    return it == model_index.end() ? nullptr : &models[it->second];
}

namespace detail {

// ---------------------------------------------------------------------------------------
// YAML as dbt reads it (PyYAML's safe_load: YAML 1.1 scalars, so an unquoted yes is true)

Json plain_scalar(const std::string& text) {
    static const std::regex null_re("~|null|Null|NULL|");
    static const std::regex true_re("yes|Yes|YES|true|True|TRUE|on|On|ON");
    static const std::regex false_re("no|No|NO|false|False|FALSE|off|Off|OFF");
    static const std::regex int_re("[-+]?(0|[1-9][0-9_]*)");
    static const std::regex float_re(R"([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?)");
    if (std::regex_match(text, null_re))
        return nullptr;
    if (std::regex_match(text, true_re))
        return true;
    if (std::regex_match(text, false_re))
        return false;
    std::string digits = text;
    digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    try {
        if (std::regex_match(text, int_re))
            return std::stoll(digits);
        if (std::regex_match(text, float_re) && text != "." && text.find_first_of("0123456789") != std::string::npos)
            return std::stod(digits);
    } catch (const std::exception&) {
        // out of range: kept as text
    }
    return text;
}

Json to_json(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return nullptr;
    case YAML::NodeType::Scalar:
        return node.Tag() == "!" ? Json(node.Scalar()) : plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
        Json out = Json::array();
        for (const auto& item : node)
            out.push_back(to_json(item));
        return out;
    }
    case YAML::NodeType::Map: {
        Json out = Json::object();
        for (const auto& item : node)
            out[item.first.Scalar()] = to_json(item.second);
        return out;
    }
    }
    return nullptr;
}

Json load_yaml(const File& file) {
    try {
        return to_json(YAML::Load(file.content));
    } catch (const YAML::Exception& e) {
        throw Error(sqlstate::invalid_parameter_value, fmt::format("{} is not valid YAML: {}", file.path, e.what()),
                    "dbt could not parse this project either; generate it again.");
    }
}

// str() of a value in Python, as dbt prints arguments into names and SQL.
std::string python_str(const Json& value, bool nested) {
    if (value.is_string())
        return nested ? "'" + value.get<std::string>() + "'" : value.get<std::string>();
    if (value.is_boolean())
        return value.get<bool>() ? "True" : "False";
    if (value.is_null())
        return "None";
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    if (value.is_number()) {
        const double d = value.get<double>();
        if (std::isinf(d))
            return d > 0 ? "inf" : "-inf";
        if (std::isnan(d))
            return "nan";
        std::string text = fmt::format("{}", d);  // shortest round trip, as Python's repr
        if (text.find_first_of(".e") == std::string::npos)
            text += ".0";
        return text;
    }
    std::string out;
    if (value.is_array()) {
        out = "[";
        for (std::size_t i = 0; i < value.size(); ++i)
            out += (i ? ", " : "") + python_str(value[i], true);
        return out + "]";
    }
    out = "{";
    bool first = true;
    for (const auto& [k, v] : value.items()) {
        out += (first ? "'" : ", '") + k + "': " + python_str(v, true);
        first = false;
    }
    return out + "}";
}

std::string quote_ident(const std::string& name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string relation_sql(const std::string& schema, const std::string& name) {
    return quote_ident(schema) + "." + quote_ident(name);
}

std::string source_sql(const Source& s) {
    return (s.quote_schema ? quote_ident(s.schema) : s.schema) + "." +
           (s.quote_identifier ? quote_ident(s.identifier) : s.identifier);
}

// ---------------------------------------------------------------------------------------
// Configuration

// Keys of a dbt_project.yml models: block that are configs even without a '+'.
bool is_config_key(const std::string& key) {
    static const std::set<std::string> keys = {
        "materialized", "enabled", "alias", "schema", "database", "tags", "meta", "docs", "persist_docs",
        "pre-hook", "post-hook", "full_refresh", "on_schema_change", "contract", "grants", "access",
        "group", "unique_key", "incremental_strategy", "indexes", "column_types", "quoting", "severity",
        "where", "limit", "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as"};
    return keys.count(key) > 0;
}

// The configs of one level of a dbt_project.yml tree, merged into config.
void apply_level(const Json& level, Json& config) {
    if (!level.is_object())
        return;
    for (const auto& [key, value] : level.items()) {
        if (!key.empty() && key[0] == '+')
            config[key.substr(1)] = value;
        else if (is_config_key(key) && (!value.is_object() || key == "meta" || key == "docs" ||
                                        key == "persist_docs" || key == "quoting" || key == "contract"))
            config[key] = value;
    }
}

// The config dbt_project.yml gives a node at fqn (project, folders..., name).
Json project_config(const Json& tree, const std::vector<std::string>& fqn) {
    Json config = Json::object();
    const Json* level = &tree;
    for (const std::string& part : fqn) {
        if (!level->is_object() || !level->contains(part) || !(*level)[part].is_object())
            break;
        level = &(*level)[part];
        apply_level(*level, config);
    }
    return config;
}

void merge(Json& into, const Json& from) {
    if (!from.is_object())
        return;
    for (const auto& [k, v] : from.items())
        into[k] = v;
}

// A relation name for an alias value.
std::string string_config(const Json& config, const char* key, const std::string& fallback) {
    if (config.contains(key) && config[key].is_string())
        return config[key].get<std::string>();
    return fallback;
}

bool enabled(const Json& config) {
    return !(config.contains("enabled") && config["enabled"].is_boolean() && !config["enabled"].get<bool>());
}

// ---------------------------------------------------------------------------------------
// Jinja of the models: ref, source, config

struct Collected {
    std::vector<std::string> refs;
    Json config = Json::object();
};

std::string ref_name(const Project& project, const jinja::Call& call) {
    if (call.args.empty() || call.args.size() > 2 || !call.kwargs.empty())
        throw jinja::Unsupported("ref() with versions or without a model name");
    for (const auto& a : call.args)
        if (!a.is_string())
            throw jinja::Unsupported("ref() of something other than a name");
    if (call.args.size() == 2 && call.args[0].get<std::string>() != project.name)
        throw jinja::Unsupported("ref() to package " + call.args[0].get<std::string>() + " (packages are not supported)");
    return call.args.back().get<std::string>();
}

std::pair<std::string, std::string> source_key(const jinja::Call& call) {
    if (call.args.size() != 2 || !call.args[0].is_string() || !call.args[1].is_string() || !call.kwargs.empty())
        throw jinja::Unsupported("source() without a source and a table name");
    return {call.args[0].get<std::string>(), call.args[1].get<std::string>()};
}


// Renders SQL of the project: refs and sources as relations (refs into run_schema).
std::string render_sql(const Project& project, const std::string& sql, const std::string& run_schema) {
    return jinja::render(sql, [&](const jinja::Call& call) -> std::string {
        if (call.function == "ref") {
            const std::string name = ref_name(project, call);
            const Model* model = project.model(name);
            if (!model)
                throw Undefined(fmt::format("ref('{}') names no model of the project", name));
            return relation_sql(run_schema, model->alias);
        }
        if (call.function == "source") {
            const auto key = source_key(call);
            auto it = project.sources.find(key);
            if (it == project.sources.end())
                throw Undefined(fmt::format("source('{}', '{}') is not defined in the project's YAML", key.first,
                                            key.second));
            return source_sql(it->second);
        }
        if (call.function == "config") {
            if (!call.args.empty())
                throw jinja::Unsupported("config() with positional arguments");
            return "";
        }
        throw jinja::Unsupported("the Jinja call " + call.function + "()");
    });
}

// The config() calls and refs of a file, without resolving anything.
Collected collect(const Project& project, const std::string& sql) {
    Collected collected;
    jinja::render(sql, [&](const jinja::Call& call) -> std::string {
        if (call.function == "ref")
            collected.refs.push_back(ref_name(project, call));
        else if (call.function == "source")
            source_key(call);
        else if (call.function == "config") {
            if (!call.args.empty())
                throw jinja::Unsupported("config() with positional arguments");
            for (const auto& [k, v] : call.kwargs)
                collected.config[k] = v;
        } else
            throw jinja::Unsupported("the Jinja call " + call.function + "()");
        return "";
    });
    return collected;
}

// ---------------------------------------------------------------------------------------
// Loading

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> string_list(const Json& value, std::vector<std::string> fallback) {
    if (value.is_string())
        return {value.get<std::string>()};
    if (!value.is_array())
        return fallback;
    std::vector<std::string> out;
    for (const auto& v : value)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

// The folder a path is in, among roots ("models"); empty when none.
std::string root_of(const std::string& path, const std::vector<std::string>& roots) {
    for (const std::string& root : roots) {
        std::string prefix = root;
        while (!prefix.empty() && prefix.back() == '/')
            prefix.pop_back();
        if (starts_with(path, prefix + "/"))
            return prefix;
    }
    return "";
}

std::string stem(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    return name.substr(0, name.rfind('.'));
}

// The folders between the root and the file, for configs by path.
std::vector<std::string> folders(const std::string& path, const std::string& root) {
    std::vector<std::string> out;
    std::size_t at = root.size() + 1;
    for (std::size_t slash = path.find('/', at); slash != std::string::npos; slash = path.find('/', at)) {
        out.push_back(path.substr(at, slash - at));
        at = slash + 1;
    }
    return out;
}

// The config keys a test entry may carry at its top level (dbt's TestBuilder.CONFIG_ARGS).
const std::vector<std::string>& test_config_args() {
    static const std::vector<std::string> keys = {
        "severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc",
        "store_failures", "store_failures_as", "meta", "database", "schema", "alias"};
    return keys;
}

struct TestTarget {
    std::string model;                                          // a model's test
    std::optional<std::pair<std::string, std::string>> source;  // or a source table's
    std::string target_name;                                    // as dbt names it in the test's name
};

// The configs of a test that decide how it counts and what its outcome means, as dbt's test
// materialization reads them (severity compared without case).
void apply_test_config(Test& test, const Json& config) {
    if (config.contains("severity") && config["severity"].is_string())
        test.severity = config["severity"].get<std::string>();
    std::transform(test.severity.begin(), test.severity.end(), test.severity.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    test.where = config.contains("where") && !config["where"].is_null() ? python_str(config["where"]) : "";
    if (config.contains("warn_if") && !config["warn_if"].is_null())
        test.warn_if = python_str(config["warn_if"]);
    if (config.contains("error_if") && !config["error_if"].is_null())
        test.error_if = python_str(config["error_if"]);
    if (config.contains("fail_calc") && !config["fail_calc"].is_null())
        test.fail_calc = python_str(config["fail_calc"]);
    if (config.contains("limit") && config["limit"].is_number_integer())
        test.limit = config["limit"].get<long long>();
}

void add_generic_test(Project& project, const Json& entry, const TestTarget& target,
                      const std::optional<std::string>& column_name, const Json& project_tests_config) {
    std::string test_type;
    Json args = Json::object();
    if (entry.is_string()) {
        test_type = entry.get<std::string>();
    } else if (entry.is_object() && entry.contains("test_name")) {
        test_type = entry["test_name"].is_string() ? entry["test_name"].get<std::string>() : "";
        for (const auto& [k, v] : entry.items())
            if (k != "test_name")
                args[k] = v;
    } else if (entry.is_object() && entry.size() == 1) {
        test_type = entry.begin().key();
        if (entry.begin().value().is_object())
            args = entry.begin().value();
    } else {
        return;  // dbt refuses the project; nothing to run
    }
    if (column_name)
        args["column_name"] = *column_name;
    Json arguments = Json::object();
    if (args.contains("arguments")) {
        arguments = args["arguments"];
        args.erase("arguments");
    }
    merge(args, arguments);
    Json config = project_tests_config;
    Json nested = args.contains("config") && args["config"].is_object() ? args["config"] : Json::object();
    args.erase("config");
    for (const std::string& key : test_config_args()) {
        if (args.contains(key)) {
            config[key] = args[key];
            args.erase(key);
        }
    }
    merge(config, nested);
    if (!enabled(config))
        return;
    std::optional<std::string> explicit_name;
    if (args.contains("name")) {
        if (args["name"].is_string())
            explicit_name = args["name"].get<std::string>();
        args.erase("name");
    }
    args.erase("description");

    Test test;
    std::string namespace_name;
    std::string name = test_type;
    if (const std::size_t dot = test_type.find('.'); dot != std::string::npos) {
        namespace_name = test_type.substr(0, dot);
        name = test_type.substr(dot + 1);
    }
    std::string type_in_name = (target.source ? "source_" : "") + name;
    if (!namespace_name.empty())
        type_in_name = namespace_name + "_" + type_in_name;
    test.name = explicit_name ? *explicit_name : dbt_test_name(type_in_name, target.target_name, args);
    test.kind = name;
    test.model = target.model;
    test.source = target.source;
    if (column_name)
        test.column_name = *column_name;
    test.args = args;
    if (!target.model.empty())
        test.depends_on.push_back(target.model);
    if (!namespace_name.empty() && namespace_name != "dbt")
        test.not_supported = fmt::format("the generic test {} comes from a package (packages are not supported)",
                                         test_type);
    else if (name != "unique" && name != "not_null" && name != "accepted_values" && name != "relationships")
        test.not_supported = fmt::format("the generic test {} is not one of dbt's built-in tests", test_type);
    else if ((name != "relationships" || !args.contains("to")) && !column_name && !args.contains("column_name"))
        test.not_supported = fmt::format("the test {} has no column", test_type);
    if (!column_name && args.contains("column_name") && args["column_name"].is_string())
        test.column_name = args["column_name"].get<std::string>();
    apply_test_config(test, config);
    project.tests.push_back(std::move(test));
}

const Json* tests_of(const Json& holder) {
    if (holder.contains("data_tests") && holder["data_tests"].is_array())
        return &holder["data_tests"];
    if (holder.contains("tests") && holder["tests"].is_array())
        return &holder["tests"];
    return nullptr;
}

void add_tests_of(Project& project, const Json& holder, const TestTarget& target, const Json& tests_config) {
    if (const Json* tests = tests_of(holder))
        for (const auto& entry : *tests)
            add_generic_test(project, entry, target, std::nullopt, tests_config);
    if (!holder.contains("columns") || !holder["columns"].is_array())
        return;
    for (const auto& column : holder["columns"]) {
        if (!column.is_object() || !column.contains("name") || !column["name"].is_string())
            continue;
        std::string name = column["name"].get<std::string>();
        if (column.contains("quote") && column["quote"].is_boolean() && column["quote"].get<bool>())
            name = quote_ident(name);
        if (const Json* tests = tests_of(column))
            for (const auto& entry : *tests)
                add_generic_test(project, entry, target, name, tests_config);
    }
}

bool looks_like_call(const std::string& text) {
    static const std::regex call(R"(^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$)");
    return std::regex_match(text, call);
}

}  // namespace detail

using namespace detail;

std::string dbt_test_name(const std::string& test_type, const std::string& target, const Json& args) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : args.items())
        if (k != "model")
            keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> flat;
    for (const std::string& k : keys) {
        const Json& v = args[k];
        if (v.is_object() || v.is_array())
            for (const auto& part : v)
                flat.push_back(python_str(part));
        else
            flat.push_back(python_str(v));
    }
    static const std::regex unsafe("[^0-9a-zA-Z_]+");
    std::string unique;
    for (std::size_t i = 0; i < flat.size(); ++i)
        unique += (i ? "__" : "") + std::regex_replace(flat[i], unsafe, "_");
    return test_type + "_" + target + "_" + unique;
}

Project load_project(const std::vector<File>& files) {
    Project project;
    const File* project_file = nullptr;
    for (const File& f : files)
        if (f.path == "dbt_project.yml")
            project_file = &f;
    if (!project_file)
        throw Error(sqlstate::invalid_parameter_value, "the project has no dbt_project.yml",
                    "Generate the project again with cartridge_generate().");
    const Json settings = load_yaml(*project_file);
    if (!settings.is_object() || !settings.contains("name") || !settings["name"].is_string())
        throw Error(sqlstate::invalid_parameter_value, "dbt_project.yml has no name",
                    "Generate the project again with cartridge_generate().");
    project.name = settings["name"].get<std::string>();
    const auto model_paths = string_list(settings.value("model-paths", Json()), {"models"});
    const auto test_paths = string_list(settings.value("test-paths", Json()), {"tests"});
    const Json models_tree = settings.contains("models") && settings["models"].is_object() ? settings["models"] : Json();
    Json tests_tree = Json::object();
    for (const char* key : {"tests", "data_tests"})
        if (settings.contains(key) && settings[key].is_object())
            merge(tests_tree, settings[key]);
    Json tests_config = Json::object();
    apply_level(tests_tree, tests_config);
    if (tests_tree.contains(project.name))
        apply_level(tests_tree[project.name], tests_config);

    // Properties first: a model's YAML config sits between dbt_project.yml and its file.
    std::map<std::string, Json> properties;  // model name -> its entry
    std::vector<Json> yaml_docs;
    for (const File& f : files) {
        if (root_of(f.path, model_paths).empty() || !(ends_with(f.path, ".yml") || ends_with(f.path, ".yaml")))
            continue;
        Json doc = load_yaml(f);
        if (!doc.is_object())
            continue;
        if (doc.contains("models") && doc["models"].is_array())
            for (const auto& m : doc["models"])
                if (m.is_object() && m.contains("name") && m["name"].is_string())
                    properties[m["name"].get<std::string>()] = m;
        if (doc.contains("sources") && doc["sources"].is_array())
            for (const auto& s : doc["sources"]) {
                if (!s.is_object() || !s.contains("name") || !s["name"].is_string())
                    continue;
                const std::string source = s["name"].get<std::string>();
                const std::string schema = string_config(s, "schema", source);
                const Json quoting = s.contains("quoting") ? s["quoting"] : Json::object();
                if (!s.contains("tables") || !s["tables"].is_array())
                    continue;
                for (const auto& t : s["tables"]) {
                    if (!t.is_object() || !t.contains("name") || !t["name"].is_string())
                        continue;
                    Source entry;
                    entry.source = source;
                    entry.table = t["name"].get<std::string>();
                    entry.schema = schema;
                    entry.identifier = string_config(t, "identifier", entry.table);
                    Json q = quoting;
                    if (t.contains("quoting"))
                        merge(q, t["quoting"]);
                    if (q.is_object()) {
                        if (q.contains("schema") && q["schema"].is_boolean())
                            entry.quote_schema = q["schema"].get<bool>();
                        if (q.contains("identifier") && q["identifier"].is_boolean())
                            entry.quote_identifier = q["identifier"].get<bool>();
                    }
                    project.sources[{entry.source, entry.table}] = entry;
                }
            }
        yaml_docs.push_back(std::move(doc));
    }

    for (const File& f : files) {
        const std::string root = root_of(f.path, model_paths);
        if (root.empty() || !ends_with(f.path, ".sql"))
            continue;
        Model model;
        model.name = stem(f.path);
        model.path = f.path;
        model.sql = f.content;
        std::vector<std::string> fqn = {project.name};
        for (std::string& folder : folders(f.path, root))
            fqn.push_back(std::move(folder));
        fqn.push_back(model.name);
        Json config = project_config(models_tree, fqn);
        auto props = properties.find(model.name);
        if (props != properties.end() && props->second.contains("config"))
            merge(config, props->second["config"]);
        try {
            Collected collected = collect(project, f.content);
            merge(config, collected.config);
            model.refs = collected.refs;
        } catch (const jinja::Unsupported& e) {
            model.not_supported = fmt::format("uses {}; only ref(), source() and config() are supported", e.what());
        }
        if (!enabled(config))
            continue;
        model.alias = string_config(config, "alias", model.name);
        model.materialized = string_config(config, "materialized", "view");
        if (model.not_supported.empty() && model.materialized != "view" && model.materialized != "table")
            model.not_supported = fmt::format("is materialized as {}; only view and table are supported",
                                              model.materialized);
        if (model.not_supported.empty() && (config.contains("pre-hook") || config.contains("post-hook")))
            model.not_supported = "has hooks (pre-hook, post-hook), which are not supported";
        if (project.model_index.count(model.name)) {
            project.models[project.model_index[model.name]].error =
                fmt::format("two models are named {} ({} and {})", model.name,
                            project.models[project.model_index[model.name]].path, model.path);
            continue;
        }
        project.model_index[model.name] = project.models.size();
        project.models.push_back(std::move(model));
    }
    // A ref or source the project does not define: the model cannot compile.
    for (Model& model : project.models) {
        if (!model.not_supported.empty() || !model.error.empty())
            continue;
        try {
            render_sql(project, model.sql, "run");
        } catch (const Undefined& e) {
            model.error = e.what();
        } catch (const jinja::Unsupported& e) {
            model.not_supported = fmt::format("uses {}; only ref(), source() and config() are supported", e.what());
        }
    }

    // Generic tests of models and sources.
    for (const Json& doc : yaml_docs) {
        if (doc.contains("models") && doc["models"].is_array())
            for (const auto& m : doc["models"]) {
                if (!m.is_object() || !m.contains("name") || !m["name"].is_string())
                    continue;
                const std::string name = m["name"].get<std::string>();
                if (!project.model(name))
                    continue;  // dbt ignores properties of a model it does not have
                add_tests_of(project, m, TestTarget{name, std::nullopt, name}, tests_config);
            }
        if (doc.contains("sources") && doc["sources"].is_array())
            for (const auto& s : doc["sources"]) {
                if (!s.is_object() || !s.contains("name") || !s["name"].is_string() || !s.contains("tables") ||
                    !s["tables"].is_array())
                    continue;
                const std::string source = s["name"].get<std::string>();
                for (const auto& t : s["tables"])
                    if (t.is_object() && t.contains("name") && t["name"].is_string()) {
                        const std::string table = t["name"].get<std::string>();
                        add_tests_of(project, t, TestTarget{"", std::make_pair(source, table), source + "_" + table},
                                     tests_config);
                    }
            }
    }
    // Singular tests.
    for (const File& f : files) {
        if (root_of(f.path, test_paths).empty() || !ends_with(f.path, ".sql"))
            continue;
        Test test;
        test.kind = "singular";
        test.name = stem(f.path);
        test.sql = f.content;
        Json config = tests_config;
        try {
            Collected collected = collect(project, f.content);
            merge(config, collected.config);
            test.depends_on = collected.refs;
            render_sql(project, f.content, "run");
        } catch (const jinja::Unsupported& e) {
            test.not_supported = fmt::format("uses {}; only ref(), source() and config() are supported", e.what());
        } catch (const Undefined& e) {
            test.not_supported = e.what();
        }
        if (!enabled(config))
            continue;
        apply_test_config(test, config);
        project.tests.push_back(std::move(test));
    }
    // What each generic test reads besides its model: the refs of its arguments.
    for (Test& test : project.tests) {
        if (test.kind == "singular")
            continue;
        std::vector<std::string> texts;
        for (const auto& [k, v] : test.args.items())
            if (k != "column_name" && v.is_string())
                texts.push_back(looks_like_call(v.get<std::string>()) ? "{{ " + v.get<std::string>() + " }}"
                                                                       : v.get<std::string>());
        texts.push_back(test.where);
        for (const std::string& text : texts) {
            try {
                Collected collected = collect(project, text);
                test.depends_on.insert(test.depends_on.end(), collected.refs.begin(), collected.refs.end());
            } catch (const jinja::Unsupported& e) {
                if (test.not_supported.empty())
                    test.not_supported = fmt::format("uses {}; only ref() and source() are supported", e.what());
            }
        }
    }
    std::sort(project.tests.begin(), project.tests.end(),
              [](const Test& a, const Test& b) { return a.name < b.name; });
    return project;
}

}  // namespace cartridge::test_run
