#include "core/erd.hpp"
#include "core/error.hpp"
#include "sample_schemas.hpp"

#include <gtest/gtest.h>

using namespace cartridge;
using namespace cartridge::testing;
using nlohmann::json;

namespace {

ErdOptions options(const std::string& format, const json& o = json::object()) {
    return parse_erd_options(format, o);
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

std::vector<std::string> labels(const ErdDiagram& d) {
    std::vector<std::string> out;
    for (const ErdEntity& e : d.entities)
        out.push_back(e.label);
    return out;
}

// A hub with three spokes, a pair, and two loners, named so that name order and
// connectedness disagree.
Schema star_schema() {
    Schema s;
    s.scan_id = 3;
    auto t = [](const std::string& name) {
        return table("public", name, {column("id", 1, "integer", false), column("hub_id", 2, "integer")},
                     {primary_key(name + "_pkey", {"id"})});
    };
    s.relations = {t("a_loner"), t("b_loner"), t("c_spoke"), t("d_spoke"), t("e_spoke"), t("f_pair"), t("g_pair"),
                   t("z_hub")};
    sort_relations(s);
    s.relationships = {edge("c_spoke", {"hub_id"}, "z_hub", {"id"}), edge("d_spoke", {"hub_id"}, "z_hub", {"id"}),
                       edge("e_spoke", {"hub_id"}, "z_hub", {"id"}), edge("f_pair", {"hub_id"}, "g_pair", {"id"}),
                       edge("a_loner", {"hub_id"}, "g_pair", {"id"}, "inferred", 0.3),
                       edge("b_loner", {"hub_id"}, "g_pair", {"id"}, "inferred", 0.3)};
    return s;
}

}  // namespace

TEST(ErdOptions, DefaultsAndEveryKey) {
    ErdOptions d = options("mermaid", nullptr);
    EXPECT_EQ(d.format, ErdFormat::mermaid);
    EXPECT_TRUE(d.schemas.empty());
    EXPECT_TRUE(d.include_inferred);
    EXPECT_EQ(d.min_confidence, 0);
    EXPECT_EQ(d.columns, ErdColumns::keys);
    EXPECT_EQ(d.max_tables, 100u);
    ErdOptions o = options("dot", {{"schemas", {"sales", "hr"}}, {"include_inferred", false}, {"min_confidence", 0.8},
                                   {"columns", "all"}, {"max_tables", 30}});
    EXPECT_EQ(o.format, ErdFormat::dot);
    EXPECT_EQ(o.schemas, (std::vector<std::string>{"sales", "hr"}));
    EXPECT_FALSE(o.include_inferred);
    EXPECT_EQ(o.min_confidence, 0.8);
    EXPECT_EQ(o.columns, ErdColumns::all);
    EXPECT_EQ(o.max_tables, 30u);
    EXPECT_EQ(options("dot", {{"schemas", "sales"}, {"columns", "none"}}).schemas, std::vector<std::string>{"sales"});
    EXPECT_EQ(options("dot", {{"max_tables", nullptr}}).max_tables, 100u);  // null: as if not given
}

TEST(ErdOptions, UnknownKeysFormatsAndBadValuesAreErrorsWithAHint) {
    auto error = [](const std::string& format, const json& o) {
        try {
            parse_erd_options(format, o);
        } catch (const Error& e) {
            EXPECT_EQ(e.sqlstate(), sqlstate::invalid_parameter_value) << e.what();
            EXPECT_FALSE(e.hint().empty()) << e.what();
            return std::string(e.what()) + " | " + e.hint();
        }
        ADD_FAILURE() << format << " " << o.dump() << " was accepted";
        return std::string();
    };
    EXPECT_EQ(error("mermaid", {{"colums", "all"}}),
              "unknown option \"colums\" for cartridge_erd | Accepted options: columns, include_inferred, max_tables, "
              "min_confidence, schemas.");
    EXPECT_EQ(error("svg", json::object()), "unknown format \"svg\" for cartridge_erd | Accepted formats: dot, mermaid.");
    EXPECT_TRUE(has(error("dot", json::array()), "options must be a JSON object"));
    EXPECT_TRUE(has(error("dot", {{"schemas", 3}}), "\"schemas\" must be a string or an array of strings"));
    EXPECT_TRUE(has(error("dot", {{"schemas", {"sales", ""}}}), "must hold non-empty strings"));
    EXPECT_TRUE(has(error("dot", {{"include_inferred", "yes"}}), "must be true or false"));
    EXPECT_TRUE(has(error("dot", {{"min_confidence", 1.5}}), "from 0 to 1"));
    EXPECT_TRUE(has(error("dot", {{"columns", "some"}}), "\"keys\", \"all\" or \"none\""));
    EXPECT_TRUE(has(error("dot", {{"max_tables", 0}}), "from 1 to 100000"));
    EXPECT_TRUE(has(error("dot", {{"max_tables", 2.5}}), "from 1 to 100000"));
}

TEST(RenderErd, MermaidDrawsDeclaredSolidInferredDashedWithConfidenceAndMarksKeys) {
    const std::string m = render_erd(shop_schema(), options("mermaid"));
    EXPECT_EQ(m.rfind("erDiagram\n", 0), 0u) << m;
    EXPECT_TRUE(has(m, "    public__orders[\"public.orders\"] {\n        integer order_id PK\n"
                       "        integer CustomerId FK\n    }\n")) << m;
    EXPECT_TRUE(has(m, "public__orders ||--o{ public__order_line : \"order_id\"")) << m;
    EXPECT_TRUE(has(m, "public__category ||..o{ public__product : \"category_id (inferred, 0.70)\"")) << m;
    EXPECT_TRUE(has(m, "integer order_id PK, FK")) << m;
    EXPECT_FALSE(has(m, "%%")) << m;  // nothing left out, nothing to say
    EXPECT_EQ(m, render_erd(shop_schema(), options("mermaid")));
}

TEST(RenderErd, DotDrawsOneClusterPerSchemaAndInferredEdgesDashed) {
    const std::string d = render_erd(awkward_schema(), options("dot"));
    EXPECT_EQ(d.rfind("digraph erd {\n", 0), 0u) << d;
    EXPECT_TRUE(has(d, "subgraph cluster_0 {\n        label=<Sales Data>;")) << d;
    EXPECT_TRUE(has(d, "subgraph cluster_1 {\n        label=<public>;")) << d;
    EXPECT_TRUE(has(d, "subgraph cluster_2 {\n        label=<subgraph>;")) << d;
    EXPECT_TRUE(has(d, "\"public__graph\" -> \"public__node\" [arrowtail=crowodot, style=dashed, "
                       "label=<node_id (inferred, 0.42)>];")) << d;
    EXPECT_TRUE(has(d, "\"public__end\" -> \"public__order\" [arrowtail=teeodot, label=<order_id>];")) << d;
    EXPECT_TRUE(has(d, "<td align=\"left\">FK</td><td align=\"left\">my &quot;quoted&quot; col</td>")) << d;
    EXPECT_TRUE(has(d, "<td align=\"left\">UK</td><td align=\"left\">Code</td>")) << d;
    EXPECT_TRUE(has(d, "<b>Sales Data.&lt;b&gt;html&lt;/b&gt; &amp; &quot;co&quot;</b>")) << d;
}

TEST(RenderErd, PastMaxTablesKeepsTheMostConnectedAndSaysHowManyOfHowMany) {
    ErdOptions o = options("mermaid", {{"max_tables", 4}});
    // The hub and g_pair (3 edges each), then ties of one edge by name: a_loner, b_loner.
    EXPECT_EQ(labels(build_erd(star_schema(), o)),
              (std::vector<std::string>{"public.a_loner", "public.b_loner", "public.g_pair", "public.z_hub"}));
    const std::string m = render_erd(star_schema(), o);
    EXPECT_TRUE(has(m, "erDiagram\n    %% Showing 4 of 8 tables: the most connected.\n")) << m;
    EXPECT_FALSE(has(m, "f_pair")) << m;
    o.format = ErdFormat::dot;
    const std::string d = render_erd(star_schema(), o);
    EXPECT_TRUE(has(d, "    label=<Showing 4 of 8 tables: the most connected.>;\n}\n")) << d;
    // Only the edges drawn count: without the weak inferred ones, g_pair has one edge.
    o.min_confidence = 0.5;
    EXPECT_EQ(labels(build_erd(star_schema(), o)),
              (std::vector<std::string>{"public.c_spoke", "public.d_spoke", "public.e_spoke", "public.z_hub"}));
    EXPECT_EQ(build_erd(star_schema(), o).edges.size(), 3u);
}

TEST(RenderErd, InferredEdgesFollowIncludeInferredAndMinConfidence) {
    auto edges = [](const json& o) { return build_erd(awkward_schema(), options("mermaid", o)).edges.size(); };
    EXPECT_EQ(edges(json::object()), 5u);
    EXPECT_EQ(edges({{"min_confidence", 0.5}}), 4u);
    EXPECT_EQ(edges({{"min_confidence", 0.95}}), 3u);
    EXPECT_EQ(edges({{"include_inferred", false}}), 3u);
    // The column of an edge not drawn is no foreign key (nor, in keys mode, shown).
    const ErdDiagram d = build_erd(awkward_schema(), options("mermaid", {{"include_inferred", false}}));
    for (const ErdEntity& e : d.entities)
        if (e.label == "public.graph")
            for (const ErdAttribute& a : e.attributes)
                EXPECT_NE(a.name, "node_id");
}

TEST(RenderErd, ColumnsKeysAllOrNone) {
    auto attributes = [](const std::string& mode) {
        std::vector<std::string> out;
        for (const ErdEntity& e : build_erd(shop_schema(), options("dot", {{"columns", mode}})).entities)
            if (e.label == "public.product")
                for (const ErdAttribute& a : e.attributes)
                    out.push_back(a.name);
        return out;
    };
    EXPECT_EQ(attributes("keys"), (std::vector<std::string>{"product_id", "category_id"}));
    EXPECT_EQ(attributes("all"), (std::vector<std::string>{"product_id", "category_id", "name", "rating"}));
    EXPECT_TRUE(attributes("none").empty());
    EXPECT_TRUE(has(render_erd(shop_schema(), options("mermaid", {{"columns", "none"}})),
                    "    public__product[\"public.product\"]\n"));
}

TEST(RenderErd, SchemasFilterRelationsAndEdgesAndAnUnknownSchemaIsAnError) {
    const ErdDiagram d = build_erd(awkward_schema(), options("mermaid", {{"schemas", {"Sales Data", "subgraph"}}}));
    EXPECT_EQ(labels(d), (std::vector<std::string>{"Sales Data.<b>html</b> & \"co\"",
                                                   "Sales Data.\xc3\x9cn\xc3\xaf" "code \xf0\x9f\x93\xa6",
                                                   "subgraph.edge"}));
    EXPECT_TRUE(d.edges.empty());  // the cross-schema edge's parent is not drawn
    try {
        render_erd(shop_schema(), options("mermaid", {{"schemas", {"public", "Public"}}}));
        FAIL() << "an unknown schema was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.sqlstate(), sqlstate::undefined_schema);
        EXPECT_STREQ(e.what(), "schema \"Public\" has no relation in scan 7");
    }
}

TEST(RenderErd, MermaidIdsAreSafeAndUniqueAndAwkwardNamesKeptInQuotes) {
    const std::string m = render_erd(awkward_schema(), options("mermaid", {{"columns", "all"}}));
    EXPECT_TRUE(has(m, "    public__order_items[\"public.order items\"]")) << m;
    EXPECT_TRUE(has(m, "    public__order_items_2[\"public.order_items\"]")) << m;
    EXPECT_TRUE(has(m, "[\"public.direction#32;TB\"]")) << m;  // not a direction statement
    EXPECT_TRUE(has(m, "        integer my__quoted__col FK \"my #quot;quoted#quot; col\"\n")) << m;
    EXPECT_TRUE(has(m, "        text \xc3\x9cn\xc3\xaf" "code\n")) << m;
    EXPECT_TRUE(has(m, "        uk_ pk_ \"pk\"\n")) << m;  // not key marks
    EXPECT_TRUE(has(m, "        integer_array ___not_a_comment \"#37;#37; not a comment\"\n")) << m;
    EXPECT_TRUE(has(m, "        text a_b_c \"a#126;b#126;c\"\n")) << m;
    EXPECT_TRUE(has(m, "        timestamp_with_time_zone _1st \"1st\"\n")) << m;
    EXPECT_TRUE(has(m, "        integer line_break \"line break\"\n")) << m;
}

TEST(ErdDiagram, IdsThatAreMermaidKeywordsOrStartWithADigitAreChanged) {
    ErdDiagram d;
    for (const char* id : {"end", "One", "1st", "", "style", "end"})
        d.entities.push_back({id, "", "", {}});
    EXPECT_EQ(to_mermaid(d), "erDiagram\n    end_\n    One_\n    _1st\n    _\n    style_\n    end__2\n");
}
