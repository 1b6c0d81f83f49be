#include "pg/reader.hpp"

#include "pg/subtransaction.hpp"

namespace cartridge::pg {

std::vector<IsolatedResult> CatalogReader::query_batch_isolated(const std::vector<std::string>& statements) {
    std::vector<IsolatedResult> out(statements.size());
    for (size_t i = 0; i < statements.size(); i++) {
        // Per statement: the tuples read and their copies go when it is done.
        MemoryContextScope memory("cartridge isolated read");
        out[i].error = query_isolated(statements[i], out[i].rows);
        check_for_interrupts_pg();
    }
    return out;
}

std::string LocalReader::role_oid() {
    return std::to_string(GetUserId());
}

std::vector<TextRow> LocalReader::query(const std::string& sql, const std::vector<QueryArg>& args) {
    return spi_query_pg(sql, args, true);
}

void LocalReader::for_each_row(const std::string& sql, const std::vector<QueryArg>& args,
                               const std::function<void(const TextRow&)>& each) {
    spi_for_each_row_pg(sql, args, each, 1000, true);
}

std::optional<std::string> LocalReader::read_isolated(const std::function<void()>& body) {
    return read_in_subtransaction_pg(body);
}

}  // namespace cartridge::pg
