-- wrk script: authorization code logins of the sample e-service for a resident who is logged in at the
-- portal: the portal's authorize call (a code for the live session), then the e-service's code exchange
-- (PKCE verified, code spent, refresh token stored, ID and access tokens signed). Two requests a login;
-- run it with one connection per thread (-tN -cN) so that each thread alternates the two.
-- Usage: bench/oidc.sh (it logs in, makes the PKCE pair and runs this).
local step = "authorize"
local code = nil
local portal = "Bearer " .. (os.getenv("PORTAL_TOKEN") or "")
local basic = "Basic " .. (os.getenv("CLIENT_BASIC") or "")
local session = os.getenv("SESSION_TOKEN") or ""
local verifier = os.getenv("VERIFIER") or ""
local redirect = os.getenv("REDIRECT_URI") or ""
local authorizeBody = string.format('{"clientId":"asiointihistoria","redirectUri":"%s","responseType":"code",'
  .. '"scope":"openid profile email","codeChallenge":"%s","codeChallengeMethod":"S256","nonce":"bench"}',
  redirect, os.getenv("CHALLENGE") or "")

function request()
  if step == "authorize" or code == nil then
    return wrk.format("POST", "/api/v1/oidc/authorize",
      { ["Content-Type"] = "application/json", ["Authorization"] = portal, ["X-Session-Token"] = session },
      authorizeBody)
  end
  return wrk.format("POST", "/oauth2/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = basic },
    "grant_type=authorization_code&code=" .. code .. "&redirect_uri=" .. redirect .. "&code_verifier=" .. verifier)
end

function response(status, headers, body)
  if step == "authorize" then
    code = body:match('"code":"([^"]+)"')
    step = "token"
  else
    code = nil
    step = "authorize"
  end
end

done = function(summary, latency, requests)
  io.write(string.format("code logins/s (2 requests each): %.1f  median request: %.1f ms  p99: %.1f ms  non-2xx: %d\n",
    summary.requests / 2 / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
