#!/usr/bin/env bash
# Keycloak beside the suite, at equal Argon2id parameters, alternated: password logins/s of each (wrk -t2
# -c8, ROUNDS rounds of SECONDS s each, after a warm-up) and their ratio, and the resident memory of
# Keycloak and of the suite's three services.
#
#   IDENTITY_PASSWORD_ARGON2_MEMORY_KIB=7168 IDENTITY_PASSWORD_ARGON2_ITERATIONS=5 ./mvnw -Plocal -DskipTests verify
#   bench/keycloak.sh [ROUNDS] [SECONDS]          # another terminal; needs wrk, curl, psql, and JDK 25 for Keycloak
#
# Keycloak (its distribution from Maven Central, kept in bench/target/) runs on :8180 with a realm "city",
# the demo resident Anna (password as in login.lua) and a public client "bench" that may use the password
# grant. KEYCLOAK_MODE=production (the default) runs it as it is deployed: `kc.sh start` on PostgreSQL (a
# database "keycloak" in the local stack's embedded server, found from identity-service's environment) with
# its default caches; KEYCLOAK_MODE=development runs `kc.sh start-dev` on its embedded H2, as the first
# comparisons did. Keycloak 26 hashes with Argon2id at 7 MiB and 5 iterations; the suite
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
  # Through Maven, by its coordinates, like every other artifact.
  "$here/../mvnw" -q -B -N -f "$here/../pom.xml" dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=false
  tar xzf "$work/keycloak-quarkus-dist-$version.tar.gz" -C "$work"
fi
export JAVA_HOME="$KEYCLOAK_JAVA_HOME"
# Local-only bench credentials of a throw-away instance.
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=local-only-bench-admin
# The local stack's PostgreSQL server, from identity-service's environment; its user and password are the
# local stack's (EmbeddedPostgresServer).
identity_pid=$(pgrep -f "identity-service/target/quarkus-app/quarkus-run.jar" | head -1)
identity_jdbc=$(tr '\0' '\n' < "/proc/$identity_pid/environ" | sed -n 's/^QUARKUS_DATASOURCE_JDBC_URL=//p')
server=${identity_jdbc#jdbc:postgresql://}
server=${server%%/*}
case "${KEYCLOAK_MODE:-production}" in
  production)
    psql "postgresql://postgres:postgres@$server/postgres" -tAc "select 1 from pg_database where datname = 'keycloak'" \
      | grep -q 1 || psql "postgresql://postgres:postgres@$server/postgres" -qc 'create database keycloak'
    jdbc="jdbc:postgresql://$server/keycloak"
    "$kc/bin/kc.sh" build --db=postgres > "$work/keycloak-build.log" 2>&1
    "$kc/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false --http-port=8180 \
      --db-url="$jdbc" --db-username=postgres --db-password=postgres > "$work/keycloak.log" 2>&1 &
    ;;
  development)
    "$kc/bin/kc.sh" start-dev --http-port=8180 > "$work/keycloak.log" 2>&1 &
    ;;
  *) echo "KEYCLOAK_MODE is production or development" >&2; exit 2 ;;
esac
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
# ACCOUNTS=N: both sides log in N residents in turn (kuormitus-1 … kuormitus-N, Anna's password), created here.
if [ -n "${ACCOUNTS:-}" ]; then
  "$here/many-accounts.sh" "$ACCOUNTS"
  seq 1 "$ACCOUNTS" | awk 'BEGIN { printf "{\"ifResourceExists\":\"SKIP\",\"users\":[" }
    { printf "%s{\"username\":\"kuormitus-%d\",\"email\":\"kuormitus-%d@example.com\",\"firstName\":\"Kuormitus\",\"lastName\":\"%d\",\"enabled\":true,\"emailVerified\":true,\"credentials\":[{\"type\":\"password\",\"value\":\"kolme kissaa katolla\",\"temporary\":false}]}", (NR > 1 ? "," : ""), $1, $1, $1 }
    END { print "]}" }' > "$work/accounts.json"
  "$kcadm" create partialImport -r city -f "$work/accounts.json" > /dev/null
fi

portal_token() {
  curl -s -u portal:local-only-portal-secret -d grant_type=client_credentials http://localhost:8081/oauth2/token \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
# The rate of a wrk run of login.lua or keycloak-login.lua; a run with any non-2xx answer measured
# something else than logins (an expired token, a pause) and stops the bench.
rate() {
  local summary
  summary=$(cat)
  if ! grep -q 'non-2xx: 0$' <<< "$summary"; then echo "not all logins succeeded: $summary" >&2; exit 1; fi
  sed -n 's/^logins\/s: \([0-9.]*\).*/\1/p' <<< "$summary"
}
export PORTAL_TOKEN=$(portal_token)
wrk -t2 -c8 -d"${seconds}s" -s "$here/login.lua" http://localhost:8081 > /dev/null
wrk -t2 -c8 -d"${seconds}s" -s "$here/keycloak-login.lua" http://localhost:8180 > /dev/null
# CPU time of a process so far, in ms (user and system; the login's share of PostgreSQL is not in it).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
keycloak_pid=$(pgrep -f "java.*keycloak-$version" | head -1)
echo "| round | suite logins/s | its CPU per login | Keycloak logins/s | its CPU per login | ratio |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  export PORTAL_TOKEN=$(portal_token)   # it lives 5 minutes
  before=$(cpu_ms "$identity_pid")
  ours=$(wrk -t2 -c8 -d"${seconds}s" -s "$here/login.lua" http://localhost:8081 | rate)
  ours_cpu=$(( $(cpu_ms "$identity_pid") - before ))
  before=$(cpu_ms "$keycloak_pid")
  theirs=$(wrk -t2 -c8 -d"${seconds}s" -s "$here/keycloak-login.lua" http://localhost:8180 | rate)
  theirs_cpu=$(( $(cpu_ms "$keycloak_pid") - before ))
  awk -v r="$round" -v a="$ours" -v b="$theirs" -v ac="$ours_cpu" -v bc="$theirs_cpu" -v s="$seconds" \
    'BEGIN { printf "| %d | %.1f | %.1f ms | %.1f | %.1f ms | %.2f× |\n", r, a, ac / (a * s), b, bc / (b * s), a / b }'
done
rss() { ps -o rss= -p "$1" | awk '{ printf "%d MB", $1 / 1024 }'; }
echo
echo "RSS after the runs: Keycloak $(rss "$(pgrep -f "java.*keycloak-$version" | head -1)")"
for service in identity-service notification-service portal-ui-service; do
  echo "  $service $(rss "$(pgrep -f "$service/target/quarkus-app/quarkus-run.jar" | head -1)")"
done
