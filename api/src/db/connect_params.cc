#include "db/connect_params.h"

#include <algorithm>

namespace conduit::db {

ConnectParams::ConnectParams(const ConnectOptions& options, const char* application_name) {
    keywords_.push_back("dbname");
    values_.push_back(options.conninfo.empty() ? nullptr : options.conninfo.c_str());
    keywords_.push_back("application_name");
    values_.push_back(application_name);
    if (!options.password.empty()) add("password", options.password);
}

void ConnectParams::add(const char* keyword, std::string value) {
    keywords_.push_back(keyword);
    values_.push_back(storage_.emplace_back(std::move(value)).c_str());
}

const char* const* ConnectParams::keywords() {
    if (keywords_.back() != nullptr) {
        keywords_.push_back(nullptr);
        values_.push_back(nullptr);
    }
    return keywords_.data();
}

const char* const* ConnectParams::values() {
    keywords();
    return values_.data();
}

std::string one_line(const char* message) {
    std::string text = message != nullptr ? message : "out of memory";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

}  // namespace conduit::db
