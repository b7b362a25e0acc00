#!/usr/bin/env bash
# Keycloak beside the suite, at equal Argon2id parameters, alternated: password logins/s of each (wrk -t2
# -c8, ROUNDS rounds of SECONDS s each, after a warm-up) and their ratio, and the resident memory of
# Keycloak and of the suite's three services.
#
#   IDENTITY_PASSWORD_ARGON2_MEMORY_KIB=7168 IDENTITY_PASSWORD_ARGON2_ITERATIONS=5 ./mvnw -Plocal -DskipTests verify
#   bench/keycloak.sh [ROUNDS] [SECONDS]          # another terminal; needs wrk, curl, and JDK 25 for Keycloak
#
# Keycloak (its distribution from Maven Central, kept in bench/target/) runs in its development mode on
# :8180 with a realm "city", the demo resident Anna (password as in login.lua) and a public client "bench"
# that may use the password grant. Keycloak 26 hashes with Argon2id at 7 MiB and 5 iterations; the suite
# must be started at the same cost (above), and Anna's stored hash moves to it at her first login there.
set -euo pipefail
rounds=${1:-3}
seconds=${2:-15}
version=26.5.6
: "${KEYCLOAK_JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
here=$(cd "$(dirname "$0")" && pwd)
work="$here/target/keycloak"
kc="$work/keycloak-$version"
mkdir -p "$work"
if [ ! -x "$kc/bin/kc.sh" ]; then
  curl -sSfL "https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz" \
    | tar xz -C "$work"
fi
export JAVA_HOME="$KEYCLOAK_JAVA_HOME"
# Local-only bench credentials of a throw-away development instance.
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=local-only-bench-admin \
  "$kc/bin/kc.sh" start-dev --http-port=8180 > "$work/keycloak.log" 2>&1 &
trap 'pkill -f "keycloak-$version" || true' EXIT
until curl -sf http://localhost:8180/realms/master > /dev/null; do sleep 1; done
kcadm="$kc/bin/kcadm.sh"
"$kcadm" config credentials --server http://localhost:8180 --realm master --user admin \
  --password local-only-bench-admin > /dev/null
"$kcadm" create realms -s realm=city -s enabled=true 2>/dev/null || true
"$kcadm" create clients -r city -s clientId=bench -s publicClient=true -s directAccessGrantsEnabled=true 2>/dev/null || true
"$kcadm" create users -r city -s username=anna -s enabled=true -s email=aktiivinen.anna@example.com \
  -s firstName=Anna -s lastName=Aktiivinen -s emailVerified=true 2>/dev/null || true
"$kcadm" set-password -r city --username anna --new-password "kolme kissaa katolla"

portal_token() {
  curl -s -u portal:local-only-portal-secret -d grant_type=client_credentials http://localhost:8081/oauth2/token \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
rate() { sed -n 's/^logins\/s: \([0-9.]*\).*/\1/p'; }
export PORTAL_TOKEN=$(portal_token)
wrk -t2 -c8 -d"${seconds}s" -s "$here/login.lua" http://localhost:8081 > /dev/null
wrk -t2 -c8 -d"${seconds}s" -s "$here/keycloak-login.lua" http://localhost:8180 > /dev/null
echo "| round | suite logins/s | Keycloak logins/s | ratio |"
echo "|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  export PORTAL_TOKEN=$(portal_token)   # it lives 5 minutes
  ours=$(wrk -t2 -c8 -d"${seconds}s" -s "$here/login.lua" http://localhost:8081 | rate)
  theirs=$(wrk -t2 -c8 -d"${seconds}s" -s "$here/keycloak-login.lua" http://localhost:8180 | rate)
  awk -v r="$round" -v a="$ours" -v b="$theirs" 'BEGIN { printf "| %d | %.1f | %.1f | %.2f× |\n", r, a, b, a / b }'
done
rss() { ps -o rss= -p "$1" | awk '{ printf "%d MB", $1 / 1024 }'; }
echo
echo "RSS after the runs: Keycloak $(rss "$(pgrep -f "java.*keycloak-$version" | head -1)")"
for service in identity-service notification-service portal-ui-service; do
  echo "  $service $(rss "$(pgrep -f "$service/target/quarkus-app/quarkus-run.jar" | head -1)")"
done
