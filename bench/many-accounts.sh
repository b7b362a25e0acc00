#!/usr/bin/env bash
# Creates N active residents kuormitus-1 … kuormitus-N@example.com in the running local stack's database,
# each with the demo resident Anna's password hash, for `ACCOUNTS=N wrk … -s bench/login.lua`. Local stack
# only: it writes to identity-service's database directly, found from identity-service's environment (the
# embedded server's user and password are the local stack's, EmbeddedPostgresServer). Existing ones are kept.
#
#   bench/many-accounts.sh [N=1000]
set -euo pipefail
accounts=${1:-1000}
identity_pid=$(pgrep -f "identity-service/target/quarkus-app/quarkus-run.jar" | head -1)
server=$(tr '\0' '\n' < "/proc/$identity_pid/environ" \
  | sed -n 's|^QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://\([^/]*\)/.*|\1|p')
psql "postgresql://postgres:postgres@$server/identity" -qc "insert into identity.account (id, email,
  email_normalized, display_name, locale, state, password_hash, password_changed_at, created_at, updated_at)
  select gen_random_uuid(), 'kuormitus-' || n || '@example.com', 'kuormitus-' || n || '@example.com',
  'Kuormitus ' || n, 'fi', 'ACTIVE', a.password_hash, now(), now(), now() from generate_series(1, $accounts) n,
  identity.account a where a.email_normalized = 'aktiivinen.anna@example.com' on conflict do nothing"
