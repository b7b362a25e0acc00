#!/usr/bin/env bash
# Legacy import rate: generates ROWS residents of the old system (CSV, unique usernames and addresses),
# imports them through ops/import-legacy-accounts.sh --apply against the running local stack, and reports
# rows/s and identity-service's RSS sampled every second during the import (flat memory = the file
# streams). Progress: identity-service logs "rows read" every 10,000 rows.
#
#   bench/import.sh [ROWS] [IDENTITY_URL]        # e.g. bench/import.sh 1000000
set -euo pipefail
rows=${1:-1000000}
export IDENTITY_URL=${2:-http://localhost:8081}
export CLIENT_ID=${CLIENT_ID:-tuonti} CLIENT_SECRET=${CLIENT_SECRET:-local-only-import-secret}
run=$(date +%s%N | tail -c 8)
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"; kill "$sampler" 2>/dev/null || true' EXIT

awk -v n="$rows" -v run="$run" 'BEGIN {
  print "legacy_username,email,display_name,locale";
  split("fi sv en", langs, " ");
  for (i = 1; i <= n; i++) printf "bench%s_%d,bench%s.%d@example.com,Asukas %d,%s\n", run, i, run, i, i, langs[i % 3 + 1];
}' > "$file"
echo "$rows rows, $(du -h "$file" | cut -f1) of CSV"

pid=$(pgrep -f 'identity-service/target/quarkus-app/quarkus-run.jar' | head -1)
( while true; do ps -o rss= -p "$pid"; sleep 1; done ) > "$file.rss" &
sampler=$!
start=$(date +%s.%N)
ops/import-legacy-accounts.sh "$file" --apply | head -c 300; echo
end=$(date +%s.%N)
kill "$sampler"
awk -v rows="$rows" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f s, %.0f rows/s\n", e - s, rows / (e - s) }'
sort -n "$file.rss" | awk '{ a[NR] = $1 } END { printf "identity-service RSS during the import: min %d MB, median %d MB, max %d MB (%d samples)\n", a[1]/1024, a[int((NR+1)/2)]/1024, a[NR]/1024, NR }'
rm -f "$file.rss"
