-- wrk script: refresh token grants of the sample e-service (client asiointihistoria), with rotation: each
-- token is used once and the answer's new token goes back to the thread's pool. The pool is the file
-- REFRESH_TOKENS (one token a line, made by bench/oidc.sh), split between the threads.
-- Usage: bench/oidc.sh (it makes the tokens and runs this).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  thread:set("count", 0)
  table.insert(threads, thread)
end

local pool = {}
local basic = "Basic " .. (os.getenv("CLIENT_BASIC") or "")

function init(args)
  local n = 0
  for line in io.lines(os.getenv("REFRESH_TOKENS")) do
    n = n + 1
    if n % tonumber(os.getenv("WRK_THREADS") or "1") == (id - 1) then
      table.insert(pool, line)
    end
  end
end

function request()
  local token = table.remove(pool, 1) or "exhausted"
  return wrk.format("POST", "/oauth2/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = basic },
    "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  local next = body:match('"refresh_token":"([^"]+)"')
  if next then
    table.insert(pool, next)
  end
end

done = function(summary, latency, requests)
  io.write(string.format("refresh grants/s: %.1f  median: %.1f ms  p99: %.1f ms  non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
