-- wrk script: password logins at Keycloak (the resource owner password grant of a public client), the
-- counterpart of login.lua for bench/keycloak.sh. Usage: wrk -t2 -c8 -d15s -s bench/keycloak-login.lua http://localhost:8180
wrk.method = "POST"
wrk.path = "/realms/city/protocol/openid-connect/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=password&client_id=bench&username=anna&password=kolme%20kissaa%20katolla"

-- ACCOUNTS=N (optional): the residents kuormitus-1 … kuormitus-N in turn, as login.lua does.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "accounts.lua")(function(n)
  return "grant_type=password&client_id=bench&username=kuormitus-" .. n .. "&password=kolme%20kissaa%20katolla"
end)

done = function(summary, latency, requests)
  io.write(string.format("logins/s: %.1f  median: %.1f ms  p99: %.1f ms  non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
