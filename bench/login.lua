-- wrk script: password logins of the active demo account against identity-service, as the portal's
-- client (every caller of identity-service needs a client token; see bench/README.md for PORTAL_TOKEN).
-- Usage (with the local stack running): PORTAL_TOKEN=... wrk -t2 -c8 -d20s -s bench/login.lua http://localhost:8081
wrk.method = "POST"
wrk.path = "/api/v1/login/password"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("PORTAL_TOKEN") or "")
-- DEVICE_TOKEN (optional): the device token of an earlier login, as a returning browser sends its cookie;
-- without it every login comes from a new browser, which the account then remembers (an insert and a prune).
local device = os.getenv("DEVICE_TOKEN")
wrk.body = '{"email":"aktiivinen.anna@example.com","password":"kolme kissaa katolla","rememberMe":false'
  .. (device and device ~= "" and (',"deviceToken":"' .. device .. '"') or '') .. '}'

-- ACCOUNTS=N (optional): the residents kuormitus-1 … kuormitus-N in turn instead of Anna again and again, as
-- a morning's logins are of many accounts (bench/README.md, "Logins of many accounts").
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "accounts.lua")(function(n)
  return '{"email":"kuormitus-' .. n .. '@example.com","password":"kolme kissaa katolla","rememberMe":false}'
end)

done = function(summary, latency, requests)
  io.write(string.format("logins/s: %.1f  median: %.1f ms  p99: %.1f ms  non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
