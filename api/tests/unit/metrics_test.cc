#include "ops/metrics.h"

#include <gtest/gtest.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/pool.h"

namespace conduit::ops {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::seconds;

// A strict reader of the Prometheus text exposition format 0.0.4. It
// accepts only what the format allows and this service is expected to
// write. So it rejects blank lines, timestamps, free-form comments and
// trailing commas in label sets. Every sample must follow its family's
// TYPE line, and each family's samples must form one group. Every
// departure is recorded in `errors`.

using Labels = std::vector<std::pair<std::string, std::string>>;

struct Sample {
    std::string name;
    Labels labels;
    double value = 0;

    std::optional<std::string> label(std::string_view key) const {
        for (const auto& [label_name, label_value] : labels) {
            if (label_name == key) return label_value;
        }
        return std::nullopt;
    }
};

struct Exposition {
    std::map<std::string, std::string> types;
    std::map<std::string, std::string> help;
    std::vector<Sample> samples;
    std::vector<std::string> errors;

    std::vector<Sample> named(std::string_view name) const {
        std::vector<Sample> found;
        for (const auto& sample : samples) {
            if (sample.name == name) found.push_back(sample);
        }
        return found;
    }
};

bool is_metric_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0)) return false;
    }
    return true;
}

bool is_label_name(std::string_view name) {
    return is_metric_name(name) && name.find(':') == std::string_view::npos;
}

// Parses a sample value, which is a decimal float, NaN, +Inf or -Inf.
std::optional<double> parse_value(std::string_view text) {
    if (text == "+Inf") return std::numeric_limits<double>::infinity();
    if (text == "-Inf") return -std::numeric_limits<double>::infinity();
    if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (text.empty() || !(text[0] == '-' || (text[0] >= '0' && text[0] <= '9')))
        return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Reads a quoted label value at the start of `text`, unescaping \\, \" and
// \n, and advances `text` past the closing quote.
std::optional<std::string> read_label_value(std::string_view& text) {
    if (text.empty() || text[0] != '"') return std::nullopt;
    std::string value;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            text.remove_prefix(i + 1);
            return value;
        }
        if (c == '\n') return std::nullopt;
        if (c != '\\') {
            value += c;
            continue;
        }
        if (++i == text.size()) return std::nullopt;
        switch (text[i]) {
            case '\\':
                value += '\\';
                break;
            case '"':
                value += '"';
                break;
            case 'n':
                value += '\n';
                break;
            default:
                return std::nullopt;
        }
    }
    return std::nullopt;
}

// Parses `name{a="x",b="y"} value`, where the label set is optional.
std::optional<Sample> parse_sample(std::string_view line) {
    Sample sample;
    const auto name_end = line.find_first_of("{ ");
    if (name_end == std::string_view::npos) return std::nullopt;
    sample.name = std::string(line.substr(0, name_end));
    if (!is_metric_name(sample.name)) return std::nullopt;
    line.remove_prefix(name_end);

    if (line[0] == '{') {
        line.remove_prefix(1);
        std::set<std::string> seen;
        while (true) {
            const auto equals = line.find('=');
            if (equals == std::string_view::npos) return std::nullopt;
            std::string key(line.substr(0, equals));
            if (!is_label_name(key) || !seen.insert(key).second) return std::nullopt;
            line.remove_prefix(equals + 1);
            auto value = read_label_value(line);
            if (!value || line.empty()) return std::nullopt;
            sample.labels.emplace_back(std::move(key), std::move(*value));
            if (line[0] == '}') break;
            if (line[0] != ',') return std::nullopt;
            line.remove_prefix(1);
        }
        line.remove_prefix(1);
    }

    if (line.size() < 2 || line[0] != ' ') return std::nullopt;
    auto value = parse_value(line.substr(1));
    if (!value) return std::nullopt;
    sample.value = *value;
    return sample;
}

// Returns true when HELP text escapes nothing but \\ and \n.
bool is_valid_help(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') continue;
        if (i + 1 == text.size() || (text[i + 1] != '\\' && text[i + 1] != 'n')) return false;
        ++i;
    }
    return true;
}

// Returns the family a sample name belongs to, given the TYPE lines seen.
std::optional<std::string> family_of(const std::string& name,
                                     const std::map<std::string, std::string>& types) {
    if (types.contains(name)) {
        const auto& type = types.at(name);
        if (type == "histogram" || type == "summary") return std::nullopt;
        return name;
    }
    for (const std::string suffix : {"_bucket", "_sum", "_count"}) {
        if (!name.ends_with(suffix)) continue;
        const auto base = name.substr(0, name.size() - suffix.size());
        const auto it = types.find(base);
        if (it == types.end()) continue;
        if (it->second == "histogram") return base;
        if (it->second == "summary" && suffix != "_bucket") return base;
    }
    return std::nullopt;
}

std::string labels_without(const Labels& labels, std::string_view skip) {
    std::string key;
    for (const auto& [name, value] : labels) {
        if (name == skip) continue;
        key += name + "=" + value + "\x1f";
    }
    return key;
}

// Checks that each histogram series has buckets in increasing `le` order
// with non-decreasing counts, a last bucket le="+Inf" equal to _count, and
// a _sum.
void check_histograms(Exposition& exposition) {
    for (const auto& [family, type] : exposition.types) {
        if (type != "histogram") continue;
        std::map<std::string, std::vector<std::pair<double, double>>> buckets;
        std::map<std::string, double> counts;
        std::set<std::string> sums;
        for (const auto& sample : exposition.samples) {
            if (sample.name == family + "_bucket") {
                const auto le = sample.label("le");
                const auto bound = le ? parse_value(*le) : std::nullopt;
                if (!bound) {
                    exposition.errors.push_back(family + ": bucket without a valid le label");
                    continue;
                }
                buckets[labels_without(sample.labels, "le")].emplace_back(*bound, sample.value);
            } else if (sample.name == family + "_count") {
                counts[labels_without(sample.labels, "")] = sample.value;
            } else if (sample.name == family + "_sum") {
                sums.insert(labels_without(sample.labels, ""));
            }
        }
        for (const auto& [series, entries] : buckets) {
            for (std::size_t i = 1; i < entries.size(); ++i) {
                if (!(entries[i].first > entries[i - 1].first)) {
                    exposition.errors.push_back(family + ": le bounds not increasing");
                }
                if (entries[i].second < entries[i - 1].second) {
                    exposition.errors.push_back(family + ": bucket counts not cumulative");
                }
            }
            if (entries.empty() || !std::isinf(entries.back().first)) {
                exposition.errors.push_back(family + ": last bucket is not le=\"+Inf\"");
                continue;
            }
            if (!counts.contains(series) || counts.at(series) != entries.back().second) {
                exposition.errors.push_back(family + ": +Inf bucket differs from _count");
            }
            if (!sums.contains(series)) exposition.errors.push_back(family + ": no _sum");
        }
    }
}

Exposition parse_exposition(std::string_view text) {
    Exposition exposition;
    auto& errors = exposition.errors;
    if (text.empty() || text.back() != '\n') errors.push_back("text does not end with a newline");

    std::set<std::string> finished_families;
    std::set<std::string> series;
    std::string current_family;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const std::string line(text.substr(0, newline));
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        const std::string where = "line " + std::to_string(++line_number) + " (" + line + "): ";

        if (line.empty()) {
            errors.push_back(where + "blank line");
        } else if (line.starts_with("# HELP ")) {
            const std::string rest = line.substr(7);
            const auto space = rest.find(' ');
            const std::string name = rest.substr(0, space);
            const std::string help = space == std::string::npos ? "" : rest.substr(space + 1);
            if (!is_metric_name(name)) errors.push_back(where + "invalid metric name");
            if (!is_valid_help(help)) errors.push_back(where + "invalid escape in HELP");
            if (!exposition.help.emplace(name, help).second)
                errors.push_back(where + "second HELP");
        } else if (line.starts_with("# TYPE ")) {
            const std::string rest = line.substr(7);
            const auto space = rest.find(' ');
            const std::string name = rest.substr(0, space);
            const std::string type = space == std::string::npos ? "" : rest.substr(space + 1);
            static const std::set<std::string> kTypes = {"counter", "gauge", "histogram", "summary",
                                                         "untyped"};
            if (!is_metric_name(name)) errors.push_back(where + "invalid metric name");
            if (!kTypes.contains(type)) errors.push_back(where + "unknown type");
            if (!exposition.types.emplace(name, type).second)
                errors.push_back(where + "second TYPE");
        } else if (line[0] == '#') {
            errors.push_back(where + "comment other than HELP or TYPE");
        } else if (auto sample = parse_sample(line)) {
            const auto family = family_of(sample->name, exposition.types);
            if (!family) {
                errors.push_back(where + "sample has no TYPE line before it");
            } else if (*family != current_family) {
                if (finished_families.contains(*family)) {
                    errors.push_back(where + "family split into two groups");
                }
                if (!current_family.empty()) finished_families.insert(current_family);
                current_family = *family;
            }
            if (!series.insert(sample->name + "\x1e" + labels_without(sample->labels, "")).second) {
                errors.push_back(where + "duplicate series");
            }
            exposition.samples.push_back(std::move(*sample));
        } else {
            errors.push_back(where + "malformed sample");
        }
    }

    check_histograms(exposition);
    return exposition;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

// Returns the value of the one sample named `name` whose labels include
// all of `labels`. Adds a failure and returns NaN unless exactly one does.
double value_of(const Exposition& exposition, std::string_view name, const Labels& labels) {
    std::vector<double> values;
    for (const auto& sample : exposition.named(name)) {
        bool all = true;
        for (const auto& [key, value] : labels) all = all && sample.label(key) == value;
        if (all) values.push_back(sample.value);
    }
    if (values.size() != 1) {
        ADD_FAILURE() << values.size() << " samples of " << name << " match the labels";
        return std::numeric_limits<double>::quiet_NaN();
    }
    return values[0];
}

// Returns the count of the duration bucket with upper bound `le` for one
// method and route. Adds a failure and returns NaN unless exactly one
// bucket matches. Bounds are compared as numbers because "1" and "1.0" are
// the same bound.
double bucket_count(const Exposition& exposition, std::string_view method, std::string_view route,
                    double le) {
    std::vector<double> values;
    for (const auto& sample : exposition.named("http_request_duration_seconds_bucket")) {
        const auto bound = parse_value(sample.label("le").value_or(""));
        if (sample.label("method") == method && sample.label("route") == route && bound == le) {
            values.push_back(sample.value);
        }
    }
    if (values.size() != 1) {
        ADD_FAILURE() << values.size() << " buckets match " << method << " " << route
                      << " le=" << le;
        return std::numeric_limits<double>::quiet_NaN();
    }
    return values[0];
}

// The reader must reject what the format forbids, or the checks on
// render() below prove nothing.

TEST(ExpositionParser, AcceptsWellFormedText) {
    const auto exposition = parse_exposition(join({
        "# HELP up Whether the target is up, with a \\\\ and a \\n.",
        "# TYPE up gauge",
        "up 1",
        "# TYPE requests_total counter",
        R"(requests_total{path="/a\"b\\c\nd",code="200"} 3)",
        "# TYPE latency histogram",
        R"(latency_bucket{le="0.5"} 1)",
        R"(latency_bucket{le="+Inf"} 2)",
        "latency_sum 0.75",
        "latency_count 2",
    }));
    EXPECT_TRUE(exposition.errors.empty()) << ::testing::PrintToString(exposition.errors);
    ASSERT_EQ(exposition.samples.size(), 6u);
    EXPECT_EQ(exposition.samples[1].label("path"), "/a\"b\\c\nd");
}

TEST(ExpositionParser, RejectsMalformedText) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"no TYPE", "up 1\n"},
        {"no newline at end", "# TYPE up gauge\nup 1"},
        {"unescaped quote", "# TYPE up gauge\nup{a=\"x\"y\"} 1\n"},
        {"bad escape", "# TYPE up gauge\nup{a=\"x\\t\"} 1\n"},
        {"trailing comma", "# TYPE up gauge\nup{a=\"x\",} 1\n"},
        {"unquoted label", "# TYPE up gauge\nup{a=x} 1\n"},
        {"missing value", "# TYPE up gauge\nup\n"},
        {"bad value", "# TYPE up gauge\nup one\n"},
        {"timestamp", "# TYPE up gauge\nup 1 1700000000\n"},
        {"blank line", "# TYPE up gauge\n\nup 1\n"},
        {"unknown type", "# TYPE up meter\nup 1\n"},
        {"split family", "# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"1\"} 1\n"},
        {"duplicate series", "# TYPE up gauge\nup{a=\"1\"} 1\nup{a=\"1\"} 2\n"},
        {"not cumulative",
         "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\n"
         "h_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n"},
        {"no +Inf bucket", "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_sum 1\nh_count 2\n"},
        {"+Inf differs from count",
         "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n"},
        {"bare histogram name", "# TYPE h histogram\nh 1\n"},
    };
    for (const auto& [reason, text] : cases) {
        EXPECT_FALSE(parse_exposition(text).errors.empty()) << reason;
    }
}

// Metrics::render

class MetricsRender : public ::testing::Test {
protected:
    db::PoolStats pool_;
    Metrics metrics_{pool_};

    Exposition render_and_parse() {
        const std::string text = metrics_.render();
        auto exposition = parse_exposition(text);
        EXPECT_TRUE(exposition.errors.empty())
            << ::testing::PrintToString(exposition.errors) << "\n"
            << text;
        return exposition;
    }
};

TEST_F(MetricsRender, EmptyMetricsParse) {
    const auto exposition = render_and_parse();
    EXPECT_EQ(exposition.types.at("http_requests_total"), "counter");
    EXPECT_EQ(exposition.types.at("http_request_duration_seconds"), "histogram");
    EXPECT_TRUE(exposition.named("http_requests_total").empty());
    EXPECT_TRUE(exposition.named("http_request_duration_seconds_bucket").empty());
}

TEST_F(MetricsRender, EveryTypedFamilyHasHelp) {
    const auto exposition = render_and_parse();
    for (const auto& [name, type] : exposition.types) {
        EXPECT_TRUE(exposition.help.contains(name)) << name;
    }
    for (const auto& [name, text] : exposition.help) {
        EXPECT_TRUE(exposition.types.contains(name)) << name;
        EXPECT_FALSE(text.empty()) << name;
    }
}

TEST_F(MetricsRender, GaugesAndCountersReflectState) {
    metrics_.in_flight() = 3;
    metrics_.open_connections() = 5;
    metrics_.rejected_connections() = 2;
    pool_.open = 8;
    pool_.idle = 6;
    pool_.waiting = 1;
    pool_.connect_failures = 4;
    pool_.acquire_timeouts = 9;
    const auto exposition = render_and_parse();

    EXPECT_EQ(value_of(exposition, "http_requests_in_flight", {}), 3);
    EXPECT_EQ(value_of(exposition, "http_connections_open", {}), 5);
    EXPECT_EQ(value_of(exposition, "http_connections_rejected_total", {}), 2);
    EXPECT_EQ(value_of(exposition, "db_pool_connections_open", {}), 8);
    EXPECT_EQ(value_of(exposition, "db_pool_connections_idle", {}), 6);
    EXPECT_EQ(value_of(exposition, "db_pool_waiting_requests", {}), 1);
    EXPECT_EQ(value_of(exposition, "db_pool_connect_failures_total", {}), 4);
    EXPECT_EQ(value_of(exposition, "db_pool_acquire_timeouts_total", {}), 9);
    EXPECT_EQ(exposition.types.at("http_connections_rejected_total"), "counter");
    EXPECT_EQ(exposition.types.at("db_pool_connections_open"), "gauge");
}

TEST_F(MetricsRender, BuildInfoCarriesVersion) {
    const auto exposition = render_and_parse();
    EXPECT_EQ(value_of(exposition, "conduit_build_info", {{"version", CONDUIT_VERSION}}), 1);
}

TEST_F(MetricsRender, ProcessFamiliesPresentOnLinux) {
    const auto exposition = render_and_parse();
    EXPECT_EQ(exposition.types.at("process_cpu_seconds_total"), "counter");
    EXPECT_GT(value_of(exposition, "process_resident_memory_bytes", {}), 0);
    EXPECT_GT(value_of(exposition, "process_open_fds", {}), 0);
    EXPECT_GT(value_of(exposition, "process_start_time_seconds", {}), 1.5e9);
}

TEST_F(MetricsRender, ObserveCountsByMethodRouteAndCode) {
    for (int i = 0; i < 3; ++i) metrics_.observe("GET", "/api/articles", 200, milliseconds(2));
    metrics_.observe("GET", "/api/articles", 404, milliseconds(2));
    metrics_.observe("POST", "/api/users", 201, milliseconds(2));
    metrics_.observe("POST", "/api/users", 201, milliseconds(2));
    metrics_.observe("GET", "/api/articles/:slug", 200, milliseconds(2));
    const auto exposition = render_and_parse();

    const auto requests = exposition.named("http_requests_total");
    EXPECT_EQ(requests.size(), 4u);
    EXPECT_EQ(value_of(exposition, "http_requests_total",
                       {{"method", "GET"}, {"route", "/api/articles"}, {"code", "200"}}),
              3);
    EXPECT_EQ(value_of(exposition, "http_requests_total",
                       {{"method", "GET"}, {"route", "/api/articles"}, {"code", "404"}}),
              1);
    EXPECT_EQ(value_of(exposition, "http_requests_total",
                       {{"method", "POST"}, {"route", "/api/users"}, {"code", "201"}}),
              2);
    EXPECT_EQ(value_of(exposition, "http_requests_total",
                       {{"method", "GET"}, {"route", "/api/articles/:slug"}, {"code", "200"}}),
              1);

    // The histogram is per method and route, across status codes.
    EXPECT_EQ(value_of(exposition, "http_request_duration_seconds_count",
                       {{"method", "GET"}, {"route", "/api/articles"}}),
              4);
    EXPECT_EQ(value_of(exposition, "http_request_duration_seconds_count",
                       {{"method", "POST"}, {"route", "/api/users"}}),
              2);
    for (const auto& sample : exposition.named("http_request_duration_seconds_bucket")) {
        EXPECT_FALSE(sample.label("code").has_value());
    }
}

TEST_F(MetricsRender, HistogramBucketsCumulative) {
    // One observation below the first bound, one on a bound (bounds are
    // inclusive), one between bounds and one above the last bound.
    metrics_.observe("GET", "/api/tags", 200, microseconds(500));
    metrics_.observe("GET", "/api/tags", 200, milliseconds(5));
    metrics_.observe("GET", "/api/tags", 200, milliseconds(30));
    metrics_.observe("GET", "/api/tags", 200, seconds(10));
    const auto exposition = render_and_parse();

    std::vector<std::pair<std::string, double>> buckets;
    for (const auto& sample : exposition.named("http_request_duration_seconds_bucket")) {
        buckets.emplace_back(sample.label("le").value_or("?"), sample.value);
    }
    ASSERT_EQ(buckets.size(), Metrics::kBuckets.size() + 1);

    const std::vector<double> expected = {1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4};
    for (std::size_t i = 0; i < Metrics::kBuckets.size(); ++i) {
        EXPECT_EQ(parse_value(buckets[i].first), Metrics::kBuckets[i]) << buckets[i].first;
        EXPECT_EQ(buckets[i].second, expected[i]) << "le=" << buckets[i].first;
    }
    EXPECT_EQ(buckets.back().first, "+Inf");
    EXPECT_EQ(buckets.back().second, 4);

    const Labels labels = {{"method", "GET"}, {"route", "/api/tags"}};
    EXPECT_EQ(value_of(exposition, "http_request_duration_seconds_count", labels), 4);
    EXPECT_NEAR(value_of(exposition, "http_request_duration_seconds_sum", labels), 10.0355, 1e-9);
}

TEST_F(MetricsRender, HistogramSeriesKeptApart) {
    metrics_.observe("GET", "/a", 200, milliseconds(1));
    metrics_.observe("PUT", "/a", 200, seconds(1));
    metrics_.observe("GET", "/b", 500, seconds(3));
    const auto exposition = render_and_parse();

    EXPECT_EQ(bucket_count(exposition, "GET", "/a", 0.001), 1);
    EXPECT_EQ(bucket_count(exposition, "PUT", "/a", 0.5), 0);
    EXPECT_EQ(bucket_count(exposition, "PUT", "/a", 1.0), 1);
    EXPECT_EQ(bucket_count(exposition, "GET", "/b", 2.5), 0);
    EXPECT_EQ(bucket_count(exposition, "GET", "/b", std::numeric_limits<double>::infinity()), 1);
}

TEST_F(MetricsRender, LabelValuesEscaped) {
    const std::string route = "/api/\"quoted\"/back\\slash/new\nline";
    metrics_.observe("GET", route, 200, milliseconds(1));
    const std::string text = metrics_.render();

    EXPECT_NE(text.find(R"(route="/api/\"quoted\"/back\\slash/new\nline")"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("new\nline"), std::string::npos) << text;

    const auto exposition = parse_exposition(text);
    EXPECT_TRUE(exposition.errors.empty()) << ::testing::PrintToString(exposition.errors);
    EXPECT_EQ(value_of(exposition, "http_requests_total", {{"route", route}, {"code", "200"}}), 1);
    EXPECT_EQ(value_of(exposition, "http_request_duration_seconds_count", {{"route", route}}), 1);
}

TEST_F(MetricsRender, EscapingKeepsTrailingBackslash) {
    // A value ending in "\" must not escape the closing quote.
    metrics_.observe("GET\\", "/x\\", 200, milliseconds(1));
    const auto exposition = render_and_parse();
    EXPECT_EQ(value_of(exposition, "http_requests_total", {{"method", "GET\\"}, {"route", "/x\\"}}),
              1);
}

}  // namespace
}  // namespace conduit::ops
