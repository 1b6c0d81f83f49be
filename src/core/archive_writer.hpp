// A generated project as a tar.gz or zip, byte-identical for identical input: one top-level
// folder, entries sorted by path, fixed timestamps, owners and permissions, and no time in
// the gzip header.
#pragma once

#include <string>
#include <vector>

namespace cartridge {

enum class ArchiveFormat { tar_gz, zip };

// "tar.gz" (also "tgz") or "zip"; anything else is an Error listing both.
ArchiveFormat parse_archive_format(const std::string& name);

struct ArchiveFile {
    std::string path;  // relative, '/'-separated
    std::string content;
};

// The archive bytes. Paths are placed under top_folder/, directories get their own
// entries, and the order of `files` does not matter.
std::string write_archive(const std::string& top_folder, std::vector<ArchiveFile> files,
                          ArchiveFormat format);

// The fixed modification time of every entry (2020-01-01T00:00:00Z).
inline constexpr long archive_mtime = 1577836800;

}  // namespace cartridge
