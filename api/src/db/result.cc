#include "db/result.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace conduit::db {
namespace {

std::int64_t parse_integer(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw std::logic_error("column is not an integer: " + std::string(text));
    }
    return value;
}

}  // namespace

std::int64_t Result::integer(int row, int column) const { return parse_integer(text(row, column)); }

std::int64_t Result::affected_rows() const {
    std::string_view tuples = PQcmdTuples(result_.get());
    return tuples.empty() ? 0 : parse_integer(tuples);
}

}  // namespace conduit::db
