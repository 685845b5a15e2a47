#include "db/statement.h"

#include <atomic>

namespace conduit::db {
namespace {

std::size_t next_statement_id() {
    static std::atomic<std::size_t> next{0};
    return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

Statement::Statement(std::string_view name, std::string_view sql)
    : name_(name), sql_(sql), id_(next_statement_id()) {}

Query& Query::bind(std::string_view value) {
    values_.emplace_back(value);
    nulls_.push_back(false);
    return *this;
}

Query& Query::bind(std::int64_t value) { return bind(std::string_view(std::to_string(value))); }

Query& Query::bind(bool value) { return bind(std::string_view(value ? "true" : "false")); }

Query& Query::bind(std::nullopt_t) {
    values_.emplace_back();
    nulls_.push_back(true);
    return *this;
}

std::vector<const char*> Query::values() const {
    std::vector<const char*> pointers(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
        pointers[i] = nulls_[i] ? nullptr : values_[i].c_str();
    }
    return pointers;
}

}  // namespace conduit::db
