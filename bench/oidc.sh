#!/usr/bin/env bash
# OpenID Connect figures against a running local stack (./mvnw -Plocal -DskipTests verify): refresh token
# grants/s and authorization code logins/s with wrk, then password logins/s for comparison. Local-only
# demo secrets; nothing here is for a real deployment.
# Usage: bench/oidc.sh [identity-service URL] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")"
ID=${1:-http://localhost:8081}
SECONDS_PER_RUN=${2:-15}
# A JSON answer's string field; the answer has no final newline, which sed would not add to its output.
json() { (cat; echo) | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

export PORTAL_TOKEN=$(curl -sf -u portal:local-only-portal-secret -d grant_type=client_credentials "$ID/oauth2/token" | json access_token)
export CLIENT_BASIC=$(printf %s 'asiointihistoria:local-only-demo-secret' | base64 -w0)
export SESSION_TOKEN=$(curl -sf -H "Authorization: Bearer $PORTAL_TOKEN" -H 'Content-Type: application/json' \
  -d '{"email":"aktiivinen.anna@example.com","password":"kolme kissaa katolla","rememberMe":true}' \
  "$ID/api/v1/login/password" | json sessionToken)
export VERIFIER="bench-$(head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 48)"
export CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | base64 -w0 | tr '+/' '-_' | tr -d '=')
export REDIRECT_URI=${REDIRECT_URI:-http://localhost:8083/callback}

authorize_and_exchange() {
  local code
  code=$(curl -sf -H "Authorization: Bearer $PORTAL_TOKEN" -H "X-Session-Token: $SESSION_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"asiointihistoria\",\"redirectUri\":\"$REDIRECT_URI\",\"responseType\":\"code\",\"scope\":\"openid profile email\",\"codeChallenge\":\"$CHALLENGE\",\"codeChallengeMethod\":\"S256\",\"nonce\":\"n\"}" \
    "$ID/api/v1/oidc/authorize" | json code)
  curl -sf -H "Authorization: Basic $CLIENT_BASIC" -d grant_type=authorization_code -d "code=$code" \
    -d "redirect_uri=$REDIRECT_URI" -d "code_verifier=$VERIFIER" "$ID/oauth2/token" | json refresh_token
}

# Refresh: a pool of 4 token families per connection, each rotated at every grant.
export WRK_THREADS=2
export REFRESH_TOKENS=$(mktemp)
for _ in $(seq 32); do authorize_and_exchange; done > "$REFRESH_TOKENS"
echo "== refresh token grants (wrk -t2 -c8, $(wc -l < "$REFRESH_TOKENS") families)"
wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" -s oidc-refresh.lua "$ID" | tail -1

echo "== authorization code logins, session already live (wrk -t8 -c8: authorize + token per login)"
wrk -t8 -c8 -d"${SECONDS_PER_RUN}s" -s oidc-code.lua "$ID" | tail -1

echo "== password logins, for comparison (wrk -t2 -c8, bench/login.lua)"
wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" -s login.lua "$ID" | tail -1
rm -f "$REFRESH_TOKENS"
