#include "core/error.hpp"
#include "core/versions.hpp"

#include <gtest/gtest.h>

TEST(LibraryVersions, ReportsEveryLinkedLibrary) {
    nlohmann::json versions = cartridge::library_versions();
    for (const char* key : {"libcurl", "libarchive", "nlohmann_json", "yaml_cpp", "fmt"}) {
        ASSERT_TRUE(versions.contains(key)) << key;
        EXPECT_FALSE(versions[key].get<std::string>().empty()) << key;
    }
    EXPECT_EQ(versions["libarchive"].get<std::string>().rfind("libarchive ", 0), 0u);
    EXPECT_NE(versions["yaml_cpp"], "unavailable");
}

TEST(CoreError, CarriesSqlstateHintAndDetail) {
    try {
        throw cartridge::Error(cartridge::sqlstate::undefined_object, "no such scan: 7",
                               "list scans with SELECT id FROM cartridge.scans", "detail");
    } catch (const cartridge::Error& e) {
        EXPECT_STREQ(e.what(), "no such scan: 7");
        EXPECT_EQ(e.sqlstate(), "42704");
        EXPECT_EQ(e.hint(), "list scans with SELECT id FROM cartridge.scans");
        EXPECT_EQ(e.detail(), "detail");
    }
}
