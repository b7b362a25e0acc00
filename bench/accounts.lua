-- For login.lua and keycloak-login.lua: with ACCOUNTS=N set, each request logs in the next of N residents,
-- kuormitus-1 … kuormitus-N with Anna's password (bench/many-accounts.sh and bench/keycloak.sh create them),
-- each wrk thread, and each run, from elsewhere in the list. Without ACCOUNTS the script's own body stands.
local accounts = tonumber(os.getenv("ACCOUNTS") or "")

-- body_of(n): the request body that logs in resident n.
return function(body_of)
  if not accounts then
    return
  end
  local next_account = 0
  local threads = 0
  setup = function(thread)
    threads = threads + 1
    thread:set("first_account", (os.time() * 7919 + threads * math.floor(accounts / 2)) % accounts)
  end
  init = function(args)
    next_account = first_account
  end
  request = function()
    next_account = next_account % accounts + 1
    return wrk.format(nil, nil, nil, body_of(next_account))
  end
end
