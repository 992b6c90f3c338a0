-- wrk script for `make bench-http`: cycles through the paths given after `--` (one page,
-- several units) and prints the run's figures as one JSON line prefixed WRK_JSON.
local paths = {}
local counter = 0

function init(args)
  for i = 1, #args do paths[i] = args[i] end
end

function request()
  if #paths == 0 then return wrk.format() end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
