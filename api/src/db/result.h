#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace conduit::db {

// Owns one PGresult in text format. Accessors take zero-based row and column
// indexes and require them to be in range.
class Result {
public:
    Result() = default;
    explicit Result(PGresult* result) : result_(result) {}

    explicit operator bool() const { return result_ != nullptr; }
    PGresult* get() const { return result_.get(); }

    int rows() const { return PQntuples(result_.get()); }
    bool empty() const { return rows() == 0; }
    bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }

    std::string_view text(int row, int column) const {
        return {PQgetvalue(result_.get(), row, column),
                static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
    }
    std::optional<std::string_view> nullable_text(int row, int column) const {
        if (is_null(row, column)) return std::nullopt;
        return text(row, column);
    }
    std::int64_t integer(int row, int column) const;
    // PostgreSQL's text form of boolean is "t" or "f".
    bool boolean(int row, int column) const { return text(row, column) == "t"; }
    // Number of rows changed by INSERT/UPDATE/DELETE.
    std::int64_t affected_rows() const;

private:
    struct Clear {
        void operator()(PGresult* result) const { PQclear(result); }
    };
    std::unique_ptr<PGresult, Clear> result_;
};

}  // namespace conduit::db
