#!/usr/bin/env bash
# Imports the old login system's users into identity-service. A dry run unless --apply is given: the
# dry run reports every row it would reject or merge, and writes nothing. Re-running an import is harmless.
#
#   IDENTITY_URL=https://identity.internal CLIENT_ID=tuonti CLIENT_SECRET=... \
#     ops/import-legacy-accounts.sh users.csv            # dry run
#     ops/import-legacy-accounts.sh users.csv --apply    # import
#
# The file: CSV (UTF-8) with the header legacy_username,email,display_name,locale, or JSON (an array or
# one object per line, .json/.ndjson) with the same fields. It is streamed, not loaded. The client needs
# the scope accounts:import. The report (JSON) goes to standard output; identity-service logs progress.
set -euo pipefail

file=${1:?usage: $0 FILE [--apply]}
apply=false
[ "${2:-}" = "--apply" ] && apply=true
: "${IDENTITY_URL:=http://localhost:8081}"
: "${CLIENT_ID:?set CLIENT_ID and CLIENT_SECRET of a client with the scope accounts:import}"
: "${CLIENT_SECRET:?set CLIENT_SECRET}"

case "$file" in
  *.csv) content_type="text/csv; charset=UTF-8" ;;
  *.ndjson|*.jsonl) content_type="application/x-ndjson" ;;
  *.json) content_type="application/json" ;;
  *) echo "the file must end in .csv, .json or .ndjson" >&2; exit 2 ;;
esac

token=$(curl -sS --fail-with-body -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
  -d scope=accounts:import "$IDENTITY_URL/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "no token: check CLIENT_ID, CLIENT_SECRET and the client's scopes" >&2; exit 1; }

curl -sS --fail-with-body -H "Authorization: Bearer $token" -H "Content-Type: $content_type" \
  --data-binary "@$file" "$IDENTITY_URL/api/v1/admin/legacy-imports?apply=$apply"
echo
