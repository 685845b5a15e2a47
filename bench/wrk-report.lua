-- wrk script for bench/run. It sends "Authorization: Token $BENCH_TOKEN" when that
-- environment variable is set. It counts the responses whose status is not 2xx,
-- because wrk itself counts only statuses of 400 and above. At the end it prints one
-- line that bench/run parses: requests, duration_us, p50_us, p99_us, non_2xx and
-- socket_errors.

local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Token " .. token
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    non_2xx = 0
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non_2xx = non_2xx + 1
    end
end

function done(summary, latency, requests)
    local non_2xx_total = 0
    for _, thread in ipairs(threads) do
        non_2xx_total = non_2xx_total + thread:get("non_2xx")
    end
    local errors = summary.errors
    local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
    io.write(string.format(
        "bench-result requests=%d duration_us=%d p50_us=%d p99_us=%d non_2xx=%d socket_errors=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        non_2xx_total, socket_errors))
end
