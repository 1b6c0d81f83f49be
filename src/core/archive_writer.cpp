#include "core/archive_writer.hpp"

#include "core/error.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <set>

namespace cartridge {

namespace {

using ArchivePtr = std::unique_ptr<struct archive, decltype(&archive_write_free)>;
using EntryPtr = std::unique_ptr<struct archive_entry, decltype(&archive_entry_free)>;

void check(struct archive* a, int rc, const char* what) {
    if (rc < ARCHIVE_WARN)  // ARCHIVE_WARN means written with a remark, not lost
        throw Error(sqlstate::internal_error,
                    std::string("could not write the archive (") + what + "): " +
                        (archive_error_string(a) ? archive_error_string(a) : "unknown error"));
}

la_ssize_t append_to_string(struct archive*, void* target, const void* buffer, size_t length) {
    static_cast<std::string*>(target)->append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
}

// libarchive's zip writer turns the entry time into the DOS date/time fields with
// localtime(), so the bytes would depend on the server's TZ. For the duration of the write
// libc's time zone is UTC; the previous TZ is restored after. PostgreSQL keeps its own time
// zone code for timestamps and logs, so the server does not notice.
class UtcTimeZoneScope {
public:
    UtcTimeZoneScope() {
        if (const char* tz = std::getenv("TZ"))
            saved_ = tz;
        setenv("TZ", "UTC0", 1);
        tzset();
    }
    ~UtcTimeZoneScope() {
        if (saved_)
            setenv("TZ", saved_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    UtcTimeZoneScope(const UtcTimeZoneScope&) = delete;
    UtcTimeZoneScope& operator=(const UtcTimeZoneScope&) = delete;

private:
    std::optional<std::string> saved_;
};

bool valid_relative_path(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.back() == '/')
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        start = end + 1;
    }
    return true;
}

}  // namespace

ArchiveFormat parse_archive_format(const std::string& name) {
    if (name == "tar.gz" || name == "tgz")
        return ArchiveFormat::tar_gz;
    if (name == "zip")
        return ArchiveFormat::zip;
    throw Error(sqlstate::invalid_parameter_value, "unknown archive format \"" + name + "\"",
                "Use 'tar.gz' or 'zip'.");
}

std::string write_archive(const std::string& top_folder, std::vector<ArchiveFile> files,
                          ArchiveFormat format) {
    if (!valid_relative_path(top_folder) || top_folder.find('/') != std::string::npos)
        throw Error(sqlstate::invalid_parameter_value,
                    "invalid top-level folder name \"" + top_folder + "\" for the archive");
    std::set<std::string> directories{top_folder + "/"};
    for (const ArchiveFile& f : files) {
        if (!valid_relative_path(f.path))
            throw Error(sqlstate::invalid_parameter_value,
                        "invalid path \"" + f.path + "\" in the archive");
        for (std::size_t slash = f.path.find('/'); slash != std::string::npos;
             slash = f.path.find('/', slash + 1))
            directories.insert(top_folder + "/" + f.path.substr(0, slash + 1));
    }
    std::sort(files.begin(), files.end(),
              [](const ArchiveFile& a, const ArchiveFile& b) { return a.path < b.path; });
    for (std::size_t i = 1; i < files.size(); i++)
        if (files[i].path == files[i - 1].path)
            throw Error(sqlstate::invalid_parameter_value,
                        "path \"" + files[i].path + "\" appears twice in the archive");

    std::optional<UtcTimeZoneScope> utc;
    if (format == ArchiveFormat::zip)
        utc.emplace();
    std::string output;
    ArchivePtr a(archive_write_new(), archive_write_free);
    if (!a)
        throw std::bad_alloc();
    if (format == ArchiveFormat::tar_gz) {
        // pax_restricted is plain ustar unless a path needs more, and then portable pax.
        check(a.get(), archive_write_set_format_pax_restricted(a.get()), "tar format");
        check(a.get(), archive_write_add_filter_gzip(a.get()), "gzip filter");
        // Without this the gzip header carries the current time.
        check(a.get(), archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr),
              "gzip timestamp");
    } else {
        check(a.get(), archive_write_set_format_zip(a.get()), "zip format");
        check(a.get(), archive_write_set_format_option(a.get(), "zip", "compression", "deflate"),
              "zip compression");
    }
    // Paths are handed over as UTF-8 whatever the locale of the calling process.
    check(a.get(), archive_write_set_format_option(a.get(), nullptr, "hdrcharset", "UTF-8"),
          "header charset");
    check(a.get(), archive_write_set_bytes_in_last_block(a.get(), 1), "block size");
    check(a.get(), archive_write_open2(a.get(), &output, nullptr, append_to_string, nullptr, nullptr),
          "open");

    EntryPtr entry(archive_entry_new(), archive_entry_free);
    if (!entry)
        throw std::bad_alloc();
    auto prepare = [&](const std::string& path, mode_t type, mode_t perm, int64_t size) {
        archive_entry_clear(entry.get());
        archive_entry_update_pathname_utf8(entry.get(), path.c_str());
        archive_entry_set_filetype(entry.get(), type);
        archive_entry_set_perm(entry.get(), perm);
        archive_entry_set_size(entry.get(), size);
        archive_entry_set_mtime(entry.get(), archive_mtime, 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
    };
    // Directories and files in one sorted sequence, so each directory precedes its content.
    auto dir = directories.begin();
    auto file = files.begin();
    while (dir != directories.end() || file != files.end()) {
        bool take_dir = file == files.end() ||
                        (dir != directories.end() && *dir < top_folder + "/" + file->path);
        if (take_dir) {
            prepare(*dir, AE_IFDIR, 0755, 0);
            check(a.get(), archive_write_header(a.get(), entry.get()), "directory header");
            ++dir;
        } else {
            prepare(top_folder + "/" + file->path, AE_IFREG, 0644,
                    static_cast<int64_t>(file->content.size()));
            check(a.get(), archive_write_header(a.get(), entry.get()), "file header");
            if (!file->content.empty() &&
                archive_write_data(a.get(), file->content.data(), file->content.size()) !=
                    static_cast<la_ssize_t>(file->content.size()))
                check(a.get(), ARCHIVE_FATAL, "file data");
            ++file;
        }
    }
    check(a.get(), archive_write_close(a.get()), "close");
    return output;
}

}  // namespace cartridge
