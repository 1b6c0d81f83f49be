// The diagrams Cartridge draws, handed to the real tools: Graphviz's dot (dot -Tsvg) and
// Mermaid's own parser under node (test/diagrams/check_mermaid.mjs). Both are installed by
// scripts/install-deps.sh; a missing tool fails these tests rather than skipping them.
#include "core/dbt_project.hpp"
#include "core/erd.hpp"
#include "sample_schemas.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace cartridge;
using namespace cartridge::testing;
namespace fs = std::filesystem;

namespace {

const fs::path diagrams_dir = CARTRIDGE_DIAGRAMS_DIR;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";  // paths under TempDir and the source tree hold no quote
}

struct Run {
    int status;
    std::string out, err;
};

Run run(const std::string& command, const fs::path& dir) {
    const int status = std::system((command + " >" + quoted(dir / "out") + " 2>" + quoted(dir / "err")).c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        n++;
    return n;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(::testing::TempDir()) / ("cartridge_diagrams_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void require_tools() {
    ASSERT_EQ(std::system("command -v dot >/dev/null"), 0) << "dot is missing: run scripts/install-deps.sh";
    ASSERT_TRUE(fs::exists(diagrams_dir / "node_modules" / "mermaid"))
        << "mermaid is missing from " << diagrams_dir << ": run scripts/install-deps.sh";
}

// dot -Tsvg: accepted with nothing on stderr (a warning means a name was mangled), drawing
// every entity, edge and schema cluster.
void expect_dot_draws(const fs::path& dir, const std::string& name, const std::string& dot, const ErdDiagram& d) {
    const fs::path file = dir / (name + ".dot");
    write(file, dot);
    const Run r = run("dot -Tsvg " + quoted(file), dir);
    EXPECT_EQ(r.status, 0) << name << ": " << r.err << "\n" << dot;
    EXPECT_EQ(r.err, "") << name << "\n" << dot;
    std::set<std::string> groups;
    for (const ErdEntity& e : d.entities)
        groups.insert(e.group);
    EXPECT_EQ(count(r.out, "class=\"node\""), d.entities.size()) << name << "\n" << dot;
    EXPECT_EQ(count(r.out, "class=\"edge\""), d.edges.size()) << name << "\n" << dot;
    EXPECT_EQ(count(r.out, "class=\"cluster\""), groups.size()) << name << "\n" << dot;
}

// Runs check_mermaid.mjs once over every file (node and mermaid take a second to load) and
// returns its verdicts by file.
std::map<std::string, nlohmann::json> check_mermaid(const fs::path& dir, const std::vector<fs::path>& files,
                                                    int* status = nullptr) {
    std::string command = "node " + quoted(diagrams_dir / "check_mermaid.mjs");
    for (const fs::path& f : files)
        command += " " + quoted(f);
    const Run r = run(command, dir);
    if (status)
        *status = r.status;
    std::map<std::string, nlohmann::json> verdicts;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json v = nlohmann::json::parse(line);
        verdicts[v["file"].get<std::string>()] = v;
    }
    EXPECT_FALSE(verdicts.empty()) << r.err;
    return verdicts;
}

struct Case {
    std::string name;
    Schema schema;
    ErdOptions options;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (const auto& [schema_name, schema] : {std::pair{"shop", shop_schema()}, {"awkward", awkward_schema()}})
        for (ErdFormat format : {ErdFormat::mermaid, ErdFormat::dot})
            for (std::size_t max : {std::size_t{100}, std::size_t{3}})
                for (ErdColumns columns : {ErdColumns::keys, ErdColumns::all, ErdColumns::none}) {
                    ErdOptions o;
                    o.format = format;
                    o.max_tables = max;
                    o.columns = columns;
                    const char* mode = columns == ErdColumns::keys ? "keys" : columns == ErdColumns::all ? "all" : "none";
                    out.push_back({fmt::format("{}_max{}_{}", schema_name, max, mode), schema, o});
                }
    return out;
}

}  // namespace

TEST(DiagramTools, DotDrawsEveryErdOfTheSampleAndAwkwardSchemas) {
    require_tools();
    const fs::path dir = fresh_dir("dot");
    for (const Case& c : cases())
        if (c.options.format == ErdFormat::dot)
            expect_dot_draws(dir, c.name, render_erd(c.schema, c.options), build_erd(c.schema, c.options));
}

TEST(DiagramTools, MermaidParsesEveryErdOfTheSampleAndAwkwardSchemasIntoWhatWasDrawn) {
    require_tools();
    const fs::path dir = fresh_dir("mermaid");
    std::vector<fs::path> files;
    std::map<std::string, ErdDiagram> expected;
    std::map<std::string, std::string> texts;
    for (const Case& c : cases())
        if (c.options.format == ErdFormat::mermaid) {
            const fs::path file = dir / (c.name + ".mmd");
            texts[file.string()] = render_erd(c.schema, c.options);
            write(file, texts[file.string()]);
            files.push_back(file);
            expected[file.string()] = build_erd(c.schema, c.options);
        }
    const auto verdicts = check_mermaid(dir, files);
    for (const auto& [file, d] : expected) {
        ASSERT_TRUE(verdicts.count(file)) << file;
        const nlohmann::json& v = verdicts.at(file);
        ASSERT_TRUE(v["ok"].get<bool>()) << file << ": " << v["error"] << "\n" << texts[file];
        std::size_t attributes = 0;
        for (const ErdEntity& e : d.entities)
            attributes += e.attributes.size();
        // Parsed, and into the same entities: a name read as a statement would lose one.
        EXPECT_EQ(v["entities"], d.entities.size()) << file << "\n" << texts[file];
        EXPECT_EQ(v["attributes"], attributes) << file << "\n" << texts[file];
        EXPECT_EQ(v["relationships"], d.edges.size()) << file << "\n" << texts[file];
    }
}

TEST(DiagramTools, MermaidParsesTheReadmeDiagramOfTheSampleAndAwkwardSchemas) {
    require_tools();
    const fs::path dir = fresh_dir("readme");
    std::vector<fs::path> files;
    for (const auto& [name, schema] : {std::pair{"shop", shop_schema()}, {"awkward", awkward_schema()}})
        for (const GeneratedFile& f : generate_dbt_project(schema, {}).files)
            if (f.path == "README.md") {
                files.push_back(dir / (std::string(name) + ".md"));
                write(files.back(), f.content);
            }
    ASSERT_EQ(files.size(), 2u);
    for (const auto& [file, v] : check_mermaid(dir, files))
        EXPECT_TRUE(v["ok"].get<bool>()) << file << ": " << v["error"] << "\n" << slurp(file.substr(0, file.find('#')));
}

// The checks above are worth something only if the tools reject what they should.
TEST(DiagramTools, RejectBrokenDiagrams) {
    require_tools();
    const fs::path dir = fresh_dir("broken");
    write(dir / "broken.dot", "digraph erd {\n    \"a\" -> ;\n}\n");
    EXPECT_NE(run("dot -Tsvg " + quoted(dir / "broken.dot"), dir).status, 0);
    // A column named pk written bare: the lexer reads a key mark where a name must stand.
    write(dir / "broken.mmd", "erDiagram\n    a {\n        integer pk PK\n    }\n");
    int status = 0;
    const auto verdicts = check_mermaid(dir, {dir / "broken.mmd"}, &status);
    EXPECT_NE(status, 0);
    EXPECT_FALSE(verdicts.at((dir / "broken.mmd").string())["ok"].get<bool>());
}
