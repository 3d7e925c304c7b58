#!/usr/bin/env bash
# End-to-end relay benchmark for GenDB.
#
# Runs `pgbench -S` (select-only) in simple and prepared query modes, at 1 and
# 8 clients, against:
#   direct     a throwaway PostgreSQL cluster,
#   gendb      the same cluster through `gendb serve`,
#   pgbouncer  the same cluster through PgBouncer in session mode, when it is
#              installed (a reference point; the column is skipped otherwise).
#
# For each proxy it reads the proxy process's user+sys CPU time from /proc
# before and after each measured run and reports CPU microseconds per
# transaction, the figure that moves least between runs on a noisy machine.
#
# The table goes to stdout (markdown); progress goes to stderr, so
#   benchmarks/relay.sh > relay-results.md
# keeps just the results. Exit status is 0 whether or not the targets are met;
# it is non-zero only when something failed to build, start or run.
#
# See benchmarks/README.md and `benchmarks/relay.sh --help`.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

usage() {
    cat <<'EOF'
Usage: benchmarks/relay.sh [options]

Options:
  --tx N               total transactions per measured run (default 40000, or $TX);
                       each client runs ceil(N / clients) transactions
  --clients "1 8"      client counts to run (default "1 8")
  --modes "simple prepared"
                       pgbench query modes to run (default "simple prepared")
  --warmup SECONDS     warm-up length before each measured run (default 2)
  --scale N            pgbench scale factor for the bench database (default 10)
  --install-pgbouncer  apt-get update && apt-get install -y pgbouncer first
  --no-pgbouncer       skip the PgBouncer column even if it is installed
  --skip-build         do not build; use the existing build in $GENDB_BIN
  -h, --help           show this help

Environment:
  TX           same as --tx
  GENDB_BIN    build output directory (with --skip-build: must already hold
               gendb or gendb.dll; otherwise the build goes there, default a
               temporary directory)
  GENDB_CMD    replaces the gendb command (no build is done). Two forms:
                 - a command prefix, e.g. "dotnet /path/gendb.dll"; the script
                   appends: serve --listen 127.0.0.1:P --upstream 127.0.0.1:Q
                   --log-level warning
                 - a template that mentions $GENDB_LISTEN_PORT; it is run with
                   bash as-is, with GENDB_LISTEN_PORT and GENDB_UPSTREAM_PORT
                   exported, e.g. (a plain relay, to check the plumbing):
                   GENDB_CMD='socat TCP-LISTEN:$GENDB_LISTEN_PORT,fork,reuseaddr TCP:127.0.0.1:$GENDB_UPSTREAM_PORT'
  RUN_TIMEOUT  seconds after which one pgbench run is abandoned (default 600)
  START_TIMEOUT seconds to wait for a server or proxy to accept (default 60)

Targets (reported, never enforced through the exit status):
  - 8 clients, prepared: gendb TPS >= 0.80 x direct TPS
  - gendb CPU us/tx <= PgBouncer CPU us/tx
  - 1 client: gendb adds <= 30 us to the mean latency
EOF
}

log() { printf '[relay] %s\n' "$*" >&2; }
die() { printf '[relay] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- options ---
TX="${TX:-40000}"
CLIENTS="1 8"
MODES="simple prepared"
WARMUP=2
SCALE=10
INSTALL_PGBOUNCER=0
USE_PGBOUNCER=1
SKIP_BUILD=0
RUN_TIMEOUT="${RUN_TIMEOUT:-600}"
START_TIMEOUT="${START_TIMEOUT:-60}"

need_arg() { [[ $# -ge 2 && -n "$2" ]] || die "option $1 needs a value"; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --tx) need_arg "$@"; TX="$2"; shift 2 ;;
        --tx=*) TX="${1#*=}"; shift ;;
        --clients) need_arg "$@"; CLIENTS="$2"; shift 2 ;;
        --clients=*) CLIENTS="${1#*=}"; shift ;;
        --modes) need_arg "$@"; MODES="$2"; shift 2 ;;
        --modes=*) MODES="${1#*=}"; shift ;;
        --warmup) need_arg "$@"; WARMUP="$2"; shift 2 ;;
        --warmup=*) WARMUP="${1#*=}"; shift ;;
        --scale) need_arg "$@"; SCALE="$2"; shift 2 ;;
        --scale=*) SCALE="${1#*=}"; shift ;;
        --install-pgbouncer) INSTALL_PGBOUNCER=1; shift ;;
        --no-pgbouncer) USE_PGBOUNCER=0; shift ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }
is_pos() { is_uint "$1" && (( $1 > 0 )); }
is_pos "$TX" || die "--tx must be a positive integer (got '$TX')"
is_uint "$WARMUP" || die "--warmup must be a non-negative integer (got '$WARMUP')"
is_pos "$SCALE" || die "--scale must be a positive integer (got '$SCALE')"
is_uint "$RUN_TIMEOUT" || die "RUN_TIMEOUT must be an integer"
is_uint "$START_TIMEOUT" || die "START_TIMEOUT must be an integer"
read -r -a CLIENT_LIST <<<"$CLIENTS"
read -r -a MODE_LIST <<<"$MODES"
(( ${#CLIENT_LIST[@]} > 0 )) || die "--clients is empty"
(( ${#MODE_LIST[@]} > 0 )) || die "--modes is empty"
for c in "${CLIENT_LIST[@]}"; do
    is_pos "$c" || die "client count must be a positive integer (got '$c')"
done
for m in "${MODE_LIST[@]}"; do
    case "$m" in simple|extended|prepared) ;; *) die "unknown pgbench mode '$m'" ;; esac
done

# ------------------------------------------------------------ environment ---
# Connection settings must come from the command lines below, not from the
# caller's environment.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE PGOPTIONS \
      PGSSLMODE PGTARGETSESSIONATTRS PGAPPNAME 2>/dev/null || true
export PGCONNECT_TIMEOUT=10

command -v pg_config >/dev/null || die "pg_config not found (install postgresql and postgresql-contrib)"
PG_BIN="$(pg_config --bindir)"
for b in initdb pg_ctl pg_isready createdb pgbench; do
    [[ -x "$PG_BIN/$b" ]] || die "$PG_BIN/$b not found"
done
CLK_TCK="$(getconf CLK_TCK)"

if (( INSTALL_PGBOUNCER )) && ! command -v pgbouncer >/dev/null; then
    log "installing pgbouncer (apt-get)"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y pgbouncer >&2
fi
PGBOUNCER_BIN=""
PGB_SKIPPED=""
if (( USE_PGBOUNCER )); then
    PGBOUNCER_BIN="$(command -v pgbouncer || true)"
    if [[ -z "$PGBOUNCER_BIN" ]]; then
        PGB_SKIPPED="not installed (--install-pgbouncer installs it)"
        log "pgbouncer is not installed: skipping the PgBouncer column (use --install-pgbouncer)"
    fi
else
    PGB_SKIPPED="disabled with --no-pgbouncer"
    log "PgBouncer column disabled (--no-pgbouncer)"
fi

# Run a command as the postgres OS user when we are root (initdb, postgres and
# pgbouncer all refuse to run as root).
PG_OS_USER=""
if (( EUID == 0 )); then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user"
    PG_OS_USER=postgres
fi
as_pg() {
    if [[ -n "$PG_OS_USER" ]]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

# ---------------------------------------------------------------- cleanup ---
WORK=""
PG_DATA=""
PG_STARTED=0
GENDB_PID=""
PGB_PID=""
CHILD_PID=""

# Every pid in the process tree rooted at $1 (the root first).
proc_tree() {
    local root="$1" f line rest pid ppid
    local -A parent=()
    for f in /proc/[0-9]*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        pid="${line%% *}"
        rest="${line##*) }"
        rest="${rest#* }"          # drop the state field
        ppid="${rest%% *}"
        parent[$pid]="$ppid"
    done
    local -a tree=("$root") queue=("$root")
    while (( ${#queue[@]} > 0 )); do
        local p="${queue[0]}"
        queue=("${queue[@]:1}")
        for pid in "${!parent[@]}"; do
            if [[ "${parent[$pid]}" == "$p" ]]; then tree+=("$pid"); queue+=("$pid"); fi
        done
    done
    echo "${tree[@]}"
}

stop_tree() {
    local root="$1" pids p i
    [[ -n "$root" ]] && kill -0 "$root" 2>/dev/null || return 0
    read -r -a pids <<<"$(proc_tree "$root")"
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for (( i = 0; i < 50; i++ )); do
        local alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        (( alive )) || return 0
        sleep 0.1
    done
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if (( rc != 0 )) && [[ -n "$WORK" ]]; then
        for f in "$WORK"/gendb.log "$WORK"/pgbouncer-start.log "$WORK"/pgbouncer.log "$WORK"/postgres.log; do
            [[ -s "$f" ]] || continue
            printf '[relay] --- last lines of %s ---\n' "$(basename "$f")" >&2
            tail -n 10 "$f" >&2
        done
    fi
    if [[ -n "$CHILD_PID" ]]; then kill -TERM "$CHILD_PID" 2>/dev/null; wait "$CHILD_PID" 2>/dev/null; fi
    if [[ -n "$GENDB_PID" ]]; then stop_tree "$GENDB_PID"; wait "$GENDB_PID" 2>/dev/null; fi
    [[ -n "$PGB_PID" ]] && stop_tree "$PGB_PID"
    if (( PG_STARTED )); then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1
    fi
    [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
    [[ -n "${BUILD_TMP:-}" && -d "$BUILD_TMP" ]] && rm -rf "$BUILD_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ ports ---
declare -A TAKEN_PORTS=()
PG_PORT="" GENDB_PORT="" PGB_PORT=""
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# free_port VAR: store a free port in VAR (no subshell, so ports handed out
# earlier are remembered).
free_port() {
    local -n _out="$1"
    local p i
    for (( i = 0; i < 200; i++ )); do
        p=$(( 20000 + RANDOM % 12000 ))   # below the usual ephemeral range
        [[ -n "${TAKEN_PORTS[$p]:-}" ]] && continue
        if ! port_open "$p" && ! ss -Htan "sport = :$p" 2>/dev/null | grep -q .; then
            TAKEN_PORTS[$p]=1
            _out="$p"
            return 0
        fi
    done
    die "could not find a free TCP port"
}

# wait_port NAME PORT PID: wait until PORT accepts, failing if PID dies first.
wait_port() {
    local name="$1" port="$2" pid="${3:-}" deadline=$(( SECONDS + START_TIMEOUT ))
    while ! port_open "$port"; do
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            die "$name exited before listening on port $port"
        fi
        (( SECONDS < deadline )) || die "$name did not listen on port $port within ${START_TIMEOUT}s"
        sleep 0.1
    done
}

# ------------------------------------------------------------------ build ---
BUILD_TMP=""
GENDB_DESC=""
declare -a GENDB_RUN=()
GENDB_TEMPLATE=""
if [[ -n "${GENDB_CMD:-}" ]]; then
    if [[ "$GENDB_CMD" == *GENDB_LISTEN_PORT* ]]; then
        GENDB_TEMPLATE="$GENDB_CMD"
        GENDB_DESC="GENDB_CMD template: $GENDB_CMD"
    else
        read -r -a GENDB_RUN <<<"$GENDB_CMD"
        GENDB_DESC="GENDB_CMD: $GENDB_CMD serve ..."
    fi
    log "using $GENDB_DESC (no build)"
else
    if (( SKIP_BUILD )); then
        [[ -n "${GENDB_BIN:-}" ]] || die "--skip-build needs GENDB_BIN (the build output directory)"
    else
        command -v dotnet >/dev/null || die "dotnet not found"
        if [[ -z "${GENDB_BIN:-}" ]]; then
            BUILD_TMP="$(mktemp -d -t gendb-relay-build.XXXXXX)"
            GENDB_BIN="$BUILD_TMP/gendb-bin"
        fi
        log "building GenDB (Release) into $GENDB_BIN"
        ( cd "$REPO_ROOT" && dotnet build -c Release src/GenDb.Cli -o "$GENDB_BIN" -nologo -v quiet --disable-build-servers ) >&2 \
            || die "dotnet build failed"
    fi
    if [[ -x "$GENDB_BIN/gendb" ]]; then
        GENDB_RUN=("$GENDB_BIN/gendb")
    elif [[ -f "$GENDB_BIN/gendb.dll" ]]; then
        GENDB_RUN=(dotnet "$GENDB_BIN/gendb.dll")
    else
        die "no gendb or gendb.dll in $GENDB_BIN"
    fi
    GENDB_DESC="${GENDB_RUN[*]}"
fi

# ------------------------------------------------------------- postgresql ---
WORK="$(mktemp -d -t gendb-relay.XXXXXX)"
[[ -n "$PG_OS_USER" ]] && chown "$PG_OS_USER" "$WORK"
chmod 0755 "$WORK"
PG_DATA="$WORK/pgdata"
free_port PG_PORT

log "initdb in $WORK (port $PG_PORT)"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --no-instructions \
    >"$WORK/initdb.log" 2>&1 || die "initdb failed: $(tail -n 5 "$WORK/initdb.log")"
cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
EOF
cat >"$PG_DATA/pg_hba.conf" <<'EOF'
host all all 127.0.0.1/32 trust
local all all trust
EOF
[[ -n "$PG_OS_USER" ]] && chown "$PG_OS_USER" "$PG_DATA/pg_hba.conf"

PG_STARTED=1
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t "$START_TIMEOUT" \
    -o "-c fsync=off -c synchronous_commit=off" start >/dev/null || die "PostgreSQL did not start"
deadline=$(( SECONDS + START_TIMEOUT ))
until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; do
    (( SECONDS < deadline )) || die "PostgreSQL is not ready on port $PG_PORT"
    sleep 0.2
done
PG_VERSION="$("$PG_BIN/postgres" --version)"

log "pgbench -i -s $SCALE into database bench"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
"$PG_BIN/pgbench" -i -q -s "$SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench \
    >"$WORK/pgbench-init.log" 2>&1 || die "pgbench -i failed: $(tail -n 5 "$WORK/pgbench-init.log")"

# ------------------------------------------------------------------ gendb ---
free_port GENDB_PORT
log "starting gendb on port $GENDB_PORT -> $PG_PORT"
if [[ -n "$GENDB_TEMPLATE" ]]; then
    GENDB_LISTEN_PORT="$GENDB_PORT" GENDB_UPSTREAM_PORT="$PG_PORT" \
        bash -c "exec $GENDB_TEMPLATE" </dev/null >"$WORK/gendb.log" 2>&1 &
else
    "${GENDB_RUN[@]}" serve --listen "127.0.0.1:$GENDB_PORT" --upstream "127.0.0.1:$PG_PORT" \
        --log-level warning </dev/null >"$WORK/gendb.log" 2>&1 &
fi
GENDB_PID=$!
wait_port gendb "$GENDB_PORT" "$GENDB_PID"

# -------------------------------------------------------------- pgbouncer ---
PGB_VERSION=""
if [[ -n "$PGBOUNCER_BIN" ]]; then
    free_port PGB_PORT
    PGB_VERSION="$("$PGBOUNCER_BIN" --version 2>/dev/null | head -n 1)"
    PGB_INI="$WORK/pgbouncer.ini"
    cat >"$WORK/userlist.txt" <<'EOF'
"postgres" ""
EOF
    cat >"$PGB_INI" <<EOF
[databases]
bench = host=127.0.0.1 port=$PG_PORT dbname=bench

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = trust
auth_file = $WORK/userlist.txt
pool_mode = session
max_client_conn = 100
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = $WORK/pgbouncer.log
pidfile = $WORK/pgbouncer.pid
log_connections = 0
log_disconnections = 0
EOF
    [[ -n "$PG_OS_USER" ]] && chown "$PG_OS_USER" "$PGB_INI" "$WORK/userlist.txt"
    log "starting pgbouncer on port $PGB_PORT -> $PG_PORT"
    as_pg "$PGBOUNCER_BIN" -d "$PGB_INI" >>"$WORK/pgbouncer-start.log" 2>&1 \
        || die "pgbouncer failed to start: $(cat "$WORK/pgbouncer-start.log" "$WORK/pgbouncer.log" 2>/dev/null | tail -n 5)"
    deadline=$(( SECONDS + START_TIMEOUT ))
    until [[ -s "$WORK/pgbouncer.pid" ]]; do
        (( SECONDS < deadline )) || die "pgbouncer wrote no pidfile"
        sleep 0.1
    done
    PGB_PID="$(tr -dc '0-9' <"$WORK/pgbouncer.pid")"
    [[ -n "$PGB_PID" ]] || die "empty pgbouncer pidfile"
    wait_port pgbouncer "$PGB_PORT" "$PGB_PID"
fi

# ---------------------------------------------------------------- running ---
# CPU ticks (user+sys) used by a proxy: the process itself plus any children
# it forked (live ones directly, exited ones through cutime/cstime). For a
# single process such as gendb or pgbouncer this is fields 14 and 15 of
# /proc/<pid>/stat.
cpu_ticks() {
    local total=0 p line rest
    local -a pids f
    read -r -a pids <<<"$(proc_tree "$1")"
    for p in "${pids[@]}"; do
        { read -r line <"/proc/$p/stat"; } 2>/dev/null || continue
        rest="${line##*) }"
        read -r -a f <<<"$rest"
        # f[0] is field 3 (state): utime=14, stime=15, cutime=16, cstime=17
        total=$(( total + f[11] + f[12] + f[13] + f[14] ))
    done
    echo "$total"
}

declare -A TPS=() LAT=() CPU=()

# run_timed LOG CMD...: run CMD under `timeout` with its output in LOG. It runs
# in the background while the script waits for it, so that an interrupt or
# TERM sent to the script is acted on at once (and cleanup stops CMD too).
run_timed() {
    local logf="$1" rc=0
    shift
    timeout "$RUN_TIMEOUT" "$@" >"$logf" 2>&1 &
    CHILD_PID=$!
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    (( rc != 124 )) || echo "timed out after ${RUN_TIMEOUT}s (RUN_TIMEOUT)" >>"$logf"
    return "$rc"
}

# run_one TARGET PORT PID MODE CLIENTS
run_one() {
    local target="$1" port="$2" pid="$3" mode="$4" c="$5"
    local jobs=$(( c < 2 ? c : 2 ))
    local per=$(( (TX + c - 1) / c ))
    local total=$(( per * c ))
    local out="$WORK/pgbench-$target-$mode-$c.log"
    local -a base=("$PG_BIN/pgbench" -n -S -M "$mode" -c "$c" -j "$jobs"
                   -h 127.0.0.1 -p "$port" -U postgres bench)

    if (( WARMUP > 0 )); then
        run_timed "$out.warmup" "${base[@]}" -T "$WARMUP" \
            || die "warm-up failed ($target, $mode, $c clients): $(tail -n 5 "$out.warmup")"
    fi

    local before=0 after=0
    [[ -n "$pid" ]] && before="$(cpu_ticks "$pid")"
    run_timed "$out" "${base[@]}" -t "$per" \
        || die "pgbench failed ($target, $mode, $c clients): $(tail -n 5 "$out")"
    if [[ -n "$pid" ]]; then
        sleep 0.2   # let a forking relay reap its exited children
        after="$(cpu_ticks "$pid")"
    fi

    local done_tx tps lat
    done_tx="$(awk -F': *' '/^number of transactions actually processed/ {split($2, a, "/"); print a[1]}' "$out")"
    tps="$(awk '/^tps = .*without initial connection time/ {print $3}' "$out")"
    lat="$(awk '/^latency average = / {print $4}' "$out")"
    [[ -n "$tps" && -n "$lat" ]] || die "could not parse pgbench output ($target, $mode, $c): $(tail -n 5 "$out")"
    [[ "$done_tx" == "$total" ]] || die "pgbench processed ${done_tx:-?} of $total transactions ($target, $mode, $c)"

    TPS[$target,$mode,$c]="$tps"
    LAT[$target,$mode,$c]="$lat"
    if [[ -n "$pid" ]]; then
        CPU[$target,$mode,$c]="$(awk -v d=$(( after - before )) -v hz="$CLK_TCK" -v n="$total" \
            'BEGIN {printf "%.1f", d / hz * 1e6 / n}')"
        log "$(printf '%-9s %-8s c=%-3s tps=%-12s lat=%-8s ms cpu=%s us/tx' \
            "$target" "$mode" "$c" "$tps" "$lat" "${CPU[$target,$mode,$c]}")"
    else
        log "$(printf '%-9s %-8s c=%-3s tps=%-12s lat=%-8s ms' "$target" "$mode" "$c" "$tps" "$lat")"
    fi
}

TARGETS=(direct gendb)
[[ -n "$PGB_PORT" ]] && TARGETS+=(pgbouncer)
declare -A PORT_OF=([direct]="$PG_PORT" [gendb]="$GENDB_PORT" [pgbouncer]="$PGB_PORT")
declare -A PID_OF=([direct]="" [gendb]="$GENDB_PID" [pgbouncer]="$PGB_PID")

log "measuring: targets=${TARGETS[*]} modes=${MODE_LIST[*]} clients=${CLIENT_LIST[*]} tx=$TX"
for mode in "${MODE_LIST[@]}"; do
    for c in "${CLIENT_LIST[@]}"; do
        for t in "${TARGETS[@]}"; do
            [[ "$t" == direct ]] || kill -0 "${PID_OF[$t]}" 2>/dev/null || die "$t is no longer running"
            run_one "$t" "${PORT_OF[$t]}" "${PID_OF[$t]}" "$mode" "$c"
        done
    done
done

# ---------------------------------------------------------------- results ---
fmt() { awk -v x="$1" -v f="$2" 'BEGIN {printf f, x}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
added_us() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.0f", (a - b) * 1000}'; }

echo "## Relay benchmark: pgbench -S"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); host: $(nproc) CPUs, $(uname -sr)"
echo "- server: $PG_VERSION (fsync=off, scale $SCALE), 127.0.0.1 TCP"
echo "- gendb: $GENDB_DESC"
if [[ -n "$PGB_PORT" ]]; then
    echo "- pgbouncer: $PGB_VERSION, session mode, default_pool_size=20"
else
    echo "- pgbouncer: not run, $PGB_SKIPPED"
fi
echo "- $TX transactions per measured run (rounded up to a multiple of clients), after a ${WARMUP}s warm-up; -j = min(clients, 2)"
echo "- CPU is read in clock ticks of $(awk -v hz="$CLK_TCK" 'BEGIN {printf "%g", 1000 / hz}') ms: at $TX transactions one tick is $(awk -v hz="$CLK_TCK" -v n="$TX" 'BEGIN {printf "%.2g", 1e6 / hz / n}') us/tx"
echo "- lat = mean latency (ms); x = TPS ratio to direct; +us = added mean latency; cpu = proxy user+sys CPU us per transaction"
echo

hdr="| mode | clients | direct TPS | direct lat | gendb TPS | gendb lat | gendb x | gendb +us | gendb cpu |"
sep="|---|---:|---:|---:|---:|---:|---:|---:|---:|"
if [[ -n "$PGB_PORT" ]]; then
    hdr+=" pgb TPS | pgb lat | pgb x | pgb +us | pgb cpu |"
    sep+="---:|---:|---:|---:|---:|"
fi
echo "$hdr"
echo "$sep"
for mode in "${MODE_LIST[@]}"; do
    for c in "${CLIENT_LIST[@]}"; do
        k="$mode,$c"
        dt="${TPS[direct,$k]}"; dl="${LAT[direct,$k]}"
        row="| $mode | $c | $(fmt "$dt" %.0f) | $(fmt "$dl" %.3f)"
        for t in "${TARGETS[@]:1}"; do
            row+=" | $(fmt "${TPS[$t,$k]}" %.0f) | $(fmt "${LAT[$t,$k]}" %.3f)"
            row+=" | $(ratio "${TPS[$t,$k]}" "$dt") | $(added_us "${LAT[$t,$k]}" "$dl") | ${CPU[$t,$k]}"
        done
        echo "$row |"
    done
done
echo

# Targets.
# verdict A OP B (OP is <= or >=): PASS or MISS.
verdict() {
    if awk -v a="$1" -v op="$2" -v b="$3" \
        'BEGIN {a += 0; b += 0; exit !(op == "<=" ? a <= b : a >= b)}'; then
        echo PASS
    else
        echo MISS
    fi
}
echo "### Targets"
echo
have_c() { local x; for x in "${CLIENT_LIST[@]}"; do [[ "$x" == "$1" ]] && return 0; done; return 1; }
have_m() { local x; for x in "${MODE_LIST[@]}"; do [[ "$x" == "$1" ]] && return 0; done; return 1; }

if have_c 8 && have_m prepared; then
    r="$(ratio "${TPS[gendb,prepared,8]}" "${TPS[direct,prepared,8]}")"
    echo "- 8 clients, prepared: gendb TPS >= 0.80 x direct: ${r} x -> $(verdict "$r" ">=" 0.80)"
else
    echo "- 8 clients, prepared: gendb TPS >= 0.80 x direct: not measured in this run"
fi

if [[ -n "$PGB_PORT" ]]; then
    for mode in "${MODE_LIST[@]}"; do
        for c in "${CLIENT_LIST[@]}"; do
            g="${CPU[gendb,$mode,$c]}"; p="${CPU[pgbouncer,$mode,$c]}"
            echo "- $mode, $c client(s): gendb CPU <= pgbouncer CPU: $g vs $p us/tx -> $(verdict "$g" "<=" "$p")"
        done
    done
else
    echo "- gendb CPU <= pgbouncer CPU: not measured (pgbouncer not run)"
fi

if have_c 1; then
    for mode in "${MODE_LIST[@]}"; do
        a="$(added_us "${LAT[gendb,$mode,1]}" "${LAT[direct,$mode,1]}")"
        echo "- $mode, 1 client: gendb adds <= 30 us mean latency: ${a} us -> $(verdict "${a#+}" "<=" 30)"
    done
else
    echo "- 1 client: gendb adds <= 30 us mean latency: not measured in this run"
fi
echo
echo "Figures from one machine and one run; compare columns within a run, not across runs."
