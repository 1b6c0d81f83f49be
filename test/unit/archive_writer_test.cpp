#include "core/archive_writer.hpp"
#include "core/error.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <thread>
#include <utility>

using cartridge::ArchiveFile;
using cartridge::ArchiveFormat;

namespace {

struct Entry {
    std::string path;
    bool directory;
    int perm;
    long mtime;
    long uid;
    std::string content;
};

std::vector<Entry> read_back(const std::string& bytes) {
    std::unique_ptr<struct archive, decltype(&archive_read_free)> a(archive_read_new(),
                                                                    archive_read_free);
    archive_read_support_format_all(a.get());
    archive_read_support_filter_all(a.get());
    EXPECT_EQ(archive_read_open_memory(a.get(), bytes.data(), bytes.size()), ARCHIVE_OK);
    std::vector<Entry> out;
    struct archive_entry* e = nullptr;
    while (archive_read_next_header(a.get(), &e) == ARCHIVE_OK) {
        Entry entry{archive_entry_pathname_utf8(e), archive_entry_filetype(e) == AE_IFDIR,
                    static_cast<int>(archive_entry_perm(e)), static_cast<long>(archive_entry_mtime(e)),
                    static_cast<long>(archive_entry_uid(e)), {}};
        char buffer[4096];
        la_ssize_t n;
        while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0)
            entry.content.append(buffer, static_cast<size_t>(n));
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<ArchiveFile> sample_files() {
    return {{"models/staging/public/stg_public__orders.sql", "select 1\n"},
            {"dbt_project.yml", "name: shop\n"},
            {"README.md", "# shop \xc3\xa4\n"},
            {"models/staging/public/_public__sources.yml", "version: 2\n"},
            {".gitignore", "target/\n"},
            {"models/marts/" + std::string(90, 'x') + "/" + std::string(120, 'y') + ".sql", ""}};
}

}  // namespace

TEST(ArchiveWriter, ParsesFormatsAndRejectsOthersWithAHint) {
    EXPECT_EQ(cartridge::parse_archive_format("tar.gz"), ArchiveFormat::tar_gz);
    EXPECT_EQ(cartridge::parse_archive_format("tgz"), ArchiveFormat::tar_gz);
    EXPECT_EQ(cartridge::parse_archive_format("zip"), ArchiveFormat::zip);
    try {
        cartridge::parse_archive_format("rar");
        FAIL() << "rar accepted";
    } catch (const cartridge::Error& e) {
        EXPECT_EQ(e.sqlstate(), "22023");
        EXPECT_NE(e.hint().find("'zip'"), std::string::npos);
    }
}

TEST(ArchiveWriter, TarGzHasOneSortedTopFolderWithFixedMetadata) {
    auto entries = read_back(cartridge::write_archive("shop", sample_files(), ArchiveFormat::tar_gz));
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().path, "shop/");
    for (size_t i = 0; i < entries.size(); i++) {
        EXPECT_EQ(entries[i].path.rfind("shop/", 0), 0u) << entries[i].path;
        EXPECT_EQ(entries[i].mtime, cartridge::archive_mtime);
        EXPECT_EQ(entries[i].uid, 0);
        EXPECT_EQ(entries[i].perm, entries[i].directory ? 0755 : 0644);
        if (i > 0)
            EXPECT_LT(entries[i - 1].path, entries[i].path);
    }
    auto readme = std::find_if(entries.begin(), entries.end(),
                               [](const Entry& e) { return e.path == "shop/README.md"; });
    ASSERT_NE(readme, entries.end());
    EXPECT_EQ(readme->content, "# shop \xc3\xa4\n");
    auto dir = std::find_if(entries.begin(), entries.end(), [](const Entry& e) {
        return e.path == "shop/models/staging/public/";
    });
    EXPECT_NE(dir, entries.end());
    // 6 files + shop/, models/, marts/, marts/xxx/, staging/, staging/public/
    EXPECT_EQ(entries.size(), 12u);
}

TEST(ArchiveWriter, ZipReadsBackWithTheSameEntries) {
    auto tar = read_back(cartridge::write_archive("shop", sample_files(), ArchiveFormat::tar_gz));
    auto zip = read_back(cartridge::write_archive("shop", sample_files(), ArchiveFormat::zip));
    ASSERT_EQ(tar.size(), zip.size());
    for (size_t i = 0; i < tar.size(); i++) {
        EXPECT_EQ(tar[i].path, zip[i].path);
        EXPECT_EQ(tar[i].content, zip[i].content);
    }
}

TEST(ArchiveWriter, GzipHeaderCarriesNoTimestamp) {
    std::string bytes = cartridge::write_archive("shop", sample_files(), ArchiveFormat::tar_gz);
    ASSERT_GE(bytes.size(), 10u);
    EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(bytes[1]), 0x8b);
    EXPECT_EQ(bytes.substr(4, 4), std::string(4, '\0'));  // MTIME field
}

TEST(ArchiveWriter, ByteIdenticalForIdenticalInputWhateverTheClockOrOrder) {
    for (ArchiveFormat format : {ArchiveFormat::tar_gz, ArchiveFormat::zip}) {
        std::string first = cartridge::write_archive("shop", sample_files(), format);
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        auto reversed = sample_files();
        std::reverse(reversed.begin(), reversed.end());
        std::string second = cartridge::write_archive("shop", reversed, format);
        EXPECT_EQ(first, second) << static_cast<int>(format);
    }
}

TEST(ArchiveWriter, ZipDoesNotDependOnTheTimeZone) {
    const char* saved = std::getenv("TZ");
    std::string saved_tz = saved ? saved : "";
    setenv("TZ", "UTC", 1);
    tzset();
    std::string utc = cartridge::write_archive("shop", sample_files(), ArchiveFormat::zip);
    setenv("TZ", "Asia/Kolkata", 1);
    tzset();
    std::string kolkata = cartridge::write_archive("shop", sample_files(), ArchiveFormat::zip);
    if (saved)
        setenv("TZ", saved_tz.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
    EXPECT_EQ(utc, kolkata);
}

TEST(ArchiveWriter, DifferentContentGivesDifferentBytes) {
    auto changed = sample_files();
    changed[0].content = "select 2\n";
    EXPECT_NE(cartridge::write_archive("shop", sample_files(), ArchiveFormat::tar_gz),
              cartridge::write_archive("shop", changed, ArchiveFormat::tar_gz));
}

TEST(ArchiveWriter, RejectsUnsafeAndDuplicatePaths) {
    for (std::string bad : {"../evil", "/abs", "a//b", "a/./b", "dir/"}) {
        EXPECT_THROW(cartridge::write_archive("shop", {{bad, "x"}}, ArchiveFormat::tar_gz),
                     cartridge::Error)
            << bad;
    }
    EXPECT_THROW(cartridge::write_archive("shop", {{"a", "1"}, {"a", "2"}}, ArchiveFormat::zip),
                 cartridge::Error);
    EXPECT_THROW(cartridge::write_archive("a/b", {{"a", "1"}}, ArchiveFormat::zip), cartridge::Error);
}
