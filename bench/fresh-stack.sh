#!/usr/bin/env bash
# Link latency and memory on a freshly started local stack, as many times as asked: for each run it starts
# LinkLatency's SMTP server, starts the stack with its mail sent there, lets it rest 20 s, notes each service's
# RSS and threads, runs the link requests at each rate, samples each service's RSS every 2 s through them, notes
# the CPU each process used meanwhile, prints the results and stops the stack. The first run of a new build
# records the class-data archives (slower); make one run and throw it away after building.
#
# From the repository's root, after ./mvnw -DskipTests install and ./mvnw -Pbench -DskipTests install -pl bench:
#   bench/fresh-stack.sh [RUNS=1] [RATES=10,20,50] [SECONDS_PER_RATE=10]
# KEEP_LOGS=1 keeps each run's stack and bench output (the folder is printed at the end), for a run that
# went wrong; LINK_TIMELINE=1 also prints each email's latency in the order sent (LinkLatency).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-1}
rates=${2:-10,20,50}
seconds=${3:-10}
services=(identity-service notification-service portal-ui-service)
smtp_port=3025
work=$(mktemp -d)
stack_pid=
bench_pid=

stop() {
    if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null || true; fi
    if [ -n "$stack_pid" ]; then
        kill -TERM "$stack_pid" 2>/dev/null || true # the stack stops its services and servers on SIGTERM
        wait "$stack_pid" 2>/dev/null || true
    fi
    exec 3>&- 2>/dev/null || true
    bench_pid= stack_pid=
}
if [ -n "${KEEP_LOGS:-}" ]; then
    trap 'stop; echo "logs kept in $work"' EXIT
else
    trap 'stop; rm -rf "$work"' EXIT
fi

pid_of() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }
status_field() { awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
# CPU time (user + system, in clock ticks) of the given processes, and of the machine's idle time; with the
# seconds since boot they give how many of the cores each part used through the link requests
cpu_ticks() { local sum=0 pid; for pid in "$@"; do sum=$(( sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) )); done; echo "$sum"; }
idle_ticks() { awk '$1 == "cpu" { print $5 + $6 }' /proc/stat; }
uptime_seconds() { awk '{ print $1 }' /proc/uptime; }
# cores TICKS FROM TO: the cores that many clock ticks kept busy between two of those uptimes
cores() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v from="$2" -v to="$3" 'BEGIN { printf "%.2f", t / hz / (to - from) }'; }

for run in $(seq 1 "$runs"); do
    rm -f "$work/enter"
    mkfifo "$work/enter"
    exec 3<>"$work/enter" # held open, so LinkLatency waits for the line we write when the stack is ready
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp bench/target/benchmarks.jar fi.city.login.bench.LinkLatency \
        http://localhost:8081 "$smtp_port" "$seconds" "$rates" <&3 > "$work/bench-$run.log" 2>&1 &
    bench_pid=$!
    sleep 2
    QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$smtp_port ./mvnw -B -Plocal -DskipTests verify > "$work/stack-$run.log" 2>&1 &
    stack_pid=$!
    started=$(date +%s)
    until grep -q "City login suite is running" "$work/stack-$run.log"; do
        if ! kill -0 "$stack_pid" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 300 ]; then
            echo "run $run: the stack did not start; its output: $work/stack-$run.log" >&2
            tail -30 "$work/stack-$run.log" >&2
            exit 1
        fi
        sleep 1
    done
    ready_after=$(( $(date +%s) - started ))
    sleep 20

    declare -A pids=() rest=() threads=() peak=()
    for service in "${services[@]}"; do
        pids[$service]=$(pid_of "$service")
        rss=$(status_field "${pids[$service]}" VmRSS)
        rest[$service]=$(( ${rss:-0} / 1024 ))
        threads[$service]=$(status_field "${pids[$service]}" Threads)
        peak[$service]=${rest[$service]}
    done

    # the processes sharing the two cores: each service, PostgreSQL's server processes, the Maven JVM that
    # runs the local stack's Kafka broker, and the bench itself (the load and the SMTP server)
    declare -A cpu_pids=([PostgreSQL]="$(pgrep -x postgres | tr '\n' ' ')"
        ["Kafka broker, in Maven"]="$(pgrep -f 'classworlds.launcher.Launcher.*-Plocal' | tr '\n' ' ')"
        [LinkLatency]="$bench_pid")
    for service in "${services[@]}"; do cpu_pids[$service]=${pids[$service]}; done
    declare -A cpu_before=()
    for part in "${!cpu_pids[@]}"; do cpu_before[$part]=$(cpu_ticks ${cpu_pids[$part]}); done
    idle_before=$(idle_ticks) up_before=$(uptime_seconds)

    echo >&3
    bench_ticks=${cpu_before[LinkLatency]}
    while kill -0 "$bench_pid" 2>/dev/null; do
        ticks=$(cpu_ticks "$bench_pid")
        if [ "$ticks" -gt "$bench_ticks" ]; then bench_ticks=$ticks; fi
        for service in "${services[@]}"; do
            rss=$(status_field "${pids[$service]}" VmRSS)
            if [ -n "$rss" ] && [ $(( rss / 1024 )) -gt "${peak[$service]}" ]; then peak[$service]=$(( rss / 1024 )); fi
        done
        sleep 2
    done
    declare -A cpu_after=()
    for part in "${!cpu_pids[@]}"; do cpu_after[$part]=$(cpu_ticks ${cpu_pids[$part]}); done
    cpu_after[LinkLatency]=$bench_ticks # it has exited: its CPU as last sampled, up to 2 s before it ended
    idle_after=$(idle_ticks) up_after=$(uptime_seconds)
    bench_pid=

    echo "## Run $run (stack ready ${ready_after} s after the command)"
    echo
    grep -E '^\||^latency in the order sent|^answers other than' "$work/bench-$run.log" || { echo "LinkLatency failed:" >&2; cat "$work/bench-$run.log" >&2; exit 1; }
    echo
    echo "| service | RSS at rest | threads at rest | peak RSS under the link requests |"
    echo "|---|---|---|---|"
    for service in "${services[@]}"; do
        echo "| $service | ${rest[$service]} MB | ${threads[$service]} | ${peak[$service]} MB |"
    done
    echo
    echo "| cores used through the link requests (imports included) | |"
    echo "|---|---|"
    for part in "${services[@]}" PostgreSQL "Kafka broker, in Maven" LinkLatency; do
        echo "| $part | $(cores $(( ${cpu_after[$part]} - ${cpu_before[$part]} )) "$up_before" "$up_after") |"
    done
    echo "| idle | $(cores $(( idle_after - idle_before )) "$up_before" "$up_after") |"
    echo
    stop
done
