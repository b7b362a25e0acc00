#!/usr/bin/env bash
# Start time of a service as its container image starts it, on a machine without Docker:
#   bench/image-start.sh <service folder> [rounds]      e.g. bench/image-start.sh identity-service 3
# Replays the image build of <service>/src/main/docker/Dockerfile.jvm on this host (its COPY, ENV and RUN
# lines in order, so the class-data archive is recorded as the image build records it) into /deployments,
# which it empties first: run it as root on a bench machine only. Then starts the service as the base image's
# run script would (JAVA_OPTS as the image sets it) beside the running local stack (`./mvnw -Plocal ...`),
# with the stack's settings and free ports, alternately without and with the archive, and prints Quarkus'
# "started in", the RSS a second later and whether the archive was mapped. The JVM is this machine's, not the
# image's: the figures compare the two starts, they are not the image's own.
set -euo pipefail
service=${1:?service folder, e.g. identity-service}
rounds=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
dockerfile=$repo/$service/src/main/docker/Dockerfile.jvm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The Dockerfile's instructions, continuation lines joined as docker build joins them.
sed -e '/^#/d' "$dockerfile" | awk '{ if (sub(/\\$/, "")) { line = line $0 } else { print line $0; line = "" } }' > "$work/instructions"
rm -rf /deployments && mkdir /deployments
declare -A image_env
while read -r instruction rest; do
  case "$instruction" in
    COPY)
      read -r -a words <<< "$rest"
      sources=(); for word in "${words[@]}"; do [[ $word == --* ]] || sources+=("$word"); done
      target=${sources[-1]}; unset 'sources[-1]'
      (cd "$repo/$service" && for source in "${sources[@]}"; do
        if [[ $source == */ ]]; then mkdir -p "$target" && cp -r "$source". "$target"; else cp -r $source "$target"; fi
      done) ;;
    ENV)
      name=${rest%%=*}; value=$(eval "echo ${rest#*=}")
      export "$name=$value"; image_env[$name]=$value ;;
    RUN)
      echo "RUN (recording the archive) ..."; (cd / && bash -c "$rest") ;;
  esac
done < "$work/instructions"

# The running stack's service: its settings (database, Kafka, keys) and its Deployment's memory limit.
pid=$(pgrep -f "$service/target/quarkus-app/quarkus-run.jar" | head -1)
[ -n "$pid" ] || { echo "no running $service: start the local stack first" >&2; exit 1; }
mapfile -t stack_env < <(tr '\0' '\n' < "/proc/$pid/environ" | grep -v '^JAVA_OPTS=\|^JVM_OPTIONS=')
max_ram=$(tr '\0' '\n' < "/proc/$pid/cmdline" | grep '^-XX:MaxRAM=' || true)

start() { # $1: the JAVA_OPTS to start with
  (cd /deployments && exec env "${stack_env[@]}" QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_PORT=0 IDENTITY_DEMO_ENABLED=false \
    QUARKUS_FLYWAY_MIGRATE_AT_START=false JDK_JAVA_OPTIONS="$max_ram" MALLOC_ARENA_MAX="${image_env[MALLOC_ARENA_MAX]:-2}" \
    java $1 -cp . -jar "${image_env[JAVA_APP_JAR]}" > "$work/start.log" 2>&1) &
  local java=$!   # the subshell execs env, which execs java: the same process
  for _ in $(seq 300); do grep -q 'started in' "$work/start.log" && break; kill -0 "$java" 2> /dev/null || break; sleep 0.1; done
  sleep 1
  echo "$(grep -o 'started in [0-9.]*s' "$work/start.log" || echo 'did not start'), RSS $(( $(ps -o rss= -p "$java") / 1024 )) MB, archive mapped: $(grep -c 'class-data.jsa' "/proc/$java/maps" || true)"
  kill "$java"; while kill -0 "$java" 2> /dev/null; do sleep 0.2; done
}
with=${image_env[JAVA_OPTS]}
without=${with/ -XX:SharedArchiveFile=\/deployments\/class-data.jsa/}
for round in $(seq "$rounds"); do
  echo "$service round $round without archive: $(start "$without")"
  echo "$service round $round with archive:    $(start "$with")"
done
