#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conduit::db {

// A named SQL statement. Each connection prepares it under `name` the first
// time it runs it, so the name must be unique in the process. Define
// statements as namespace-scope constants, because the id is assigned at
// construction.
class Statement {
public:
    Statement(std::string_view name, std::string_view sql);

    std::string_view name() const { return name_; }
    std::string_view sql() const { return sql_; }
    std::size_t id() const { return id_; }

private:
    std::string name_;
    std::string sql_;
    std::size_t id_;
};

// One execution of a statement with its parameters, sent in text format.
class Query {
public:
    explicit Query(const Statement& statement) : statement_(&statement) {}

    Query& bind(std::string_view value);
    Query& bind(const char* value) { return bind(std::string_view(value)); }
    Query& bind(const std::string& value) { return bind(std::string_view(value)); }
    Query& bind(std::int64_t value);
    Query& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
    Query& bind(bool value);
    Query& bind(std::nullopt_t);
    template <typename T>
    Query& bind(const std::optional<T>& value) {
        return value ? bind(*value) : bind(std::nullopt);
    }

    const Statement& statement() const { return *statement_; }
    // Pointers into this object's storage; valid until it is modified.
    std::vector<const char*> values() const;
    std::size_t size() const { return values_.size(); }

private:
    const Statement* statement_;
    std::vector<std::string> values_;
    std::vector<bool> nulls_;
};

}  // namespace conduit::db
