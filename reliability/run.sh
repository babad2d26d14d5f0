#!/usr/bin/env bash
# The reliability suite: faults against a real Kafka broker process, schemathesis against the service's own
# OpenAPI document, and REST load. One command:
#
#   reliability/run.sh [--short|--full] [--stages=faults,fuzz,load] [--commit=REV] [--skip-build]
#                      [--documents=N] [--fuzz-examples=N] [--load-seconds=S] [-- EXTRA FAULT-SUITE OPTIONS]
#
# --short (default; CI): 1,500 documents (2% of them hostile), kill -9 of one instance, one broker
#   stop/restart; >= 1,000 schemathesis cases; load at 1/4/16/64 clients, 10 s each.
# --full: 10,000 documents, kill -9, broker stop/restart, a scorer outage (circuit opens), broker kill -9,
#   longer outages; 300 schemathesis examples per operation; 30 s per load level.
# --commit=REV: build the service from a clean checkout of REV (a git worktree under reliability/target), so
#   the figures belong to that commit whatever the working tree holds; default: the working tree.
#
# It builds the service jar and the suite (Maven), starts a stock Kafka 4.1 broker (KRaft, jars from Maven
# Central) and two detector-service instances as separate processes on loopback ports, runs the stages,
# stops everything it started, writes reliability/target/report/{summary,faults,fuzz,load}.md (+ JSON) and
# exits non-zero when any check failed. docs/reliability.md explains the checks and holds the figures.
set -euo pipefail

REL_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$REL_DIR/.." && pwd)"
cd "$ROOT"

MODE=short
STAGES="faults,fuzz,load"
BUILD=1
AT_COMMIT=""
DOCUMENTS=""
FUZZ_EXAMPLES=""
LOAD_SECONDS=""
DRIVER_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --short) MODE=short ;;
    --full) MODE=full ;;
    --stages=*) STAGES="${1#*=}" ;;
    --skip-build) BUILD=0 ;;
    --commit=*) AT_COMMIT="${1#*=}" ;;
    --documents=*) DOCUMENTS="${1#*=}" ;;
    --fuzz-examples=*) FUZZ_EXAMPLES="${1#*=}" ;;
    --load-seconds=*) LOAD_SECONDS="${1#*=}" ;;
    --) shift; DRIVER_EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$MODE" = full ]; then
  : "${FUZZ_EXAMPLES:=300}" "${LOAD_SECONDS:=30}"
else
  # 150 examples per operation: >= 1,000 cases over the 3 operations (the 100 once chosen counted 7 for /error)
  : "${FUZZ_EXAMPLES:=150}" "${LOAD_SECONDS:=10}"
fi

export REL_DIR ROOT
export REL_RUN="$REL_DIR/target/run"
export REL_BROKER_PORT=19092 REL_CONTROLLER_PORT=19093 REL_PORT_A=18081 REL_PORT_B=18082
export REL_API_KEY="reliability-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
REPORT="$REL_DIR/target/report"
CTL="$REL_DIR/bin/ctl.sh"
START=$(date +%s)

log() { printf '[%s +%ds] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - START ))" "$*"; }
die() { log "FAIL: $*"; exit 1; }
has_stage() { [[ ",$STAGES," == *",$1,"* ]]; }

cleanup() {
  local rc=$?
  "$CTL" stop-all >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

maven() {
  # one Maven build at a time on this machine; offline when the local repository already has everything
  local lock=()
  command -v flock >/dev/null && lock=(flock /tmp/mvn.lock)
  "${lock[@]}" ./mvnw -B -q -o "$@" 2>/dev/null || "${lock[@]}" ./mvnw -B -q "$@"
}

for port in $REL_BROKER_PORT $REL_CONTROLLER_PORT $REL_PORT_A $REL_PORT_B; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use: stop what listens there (a previous run? $CTL stop-all)"
  fi
done
command -v curl >/dev/null || die "curl is needed"
command -v java >/dev/null || die "java (17+) is needed"

SERVICE_TREE="$ROOT"
if [ -n "$AT_COMMIT" ]; then
  COMMIT="$(git rev-parse --short "$AT_COMMIT^{commit}")" || die "no commit $AT_COMMIT"
  SERVICE_TREE="$REL_DIR/target/worktree"
  export REL_SERVICE_JAR="$SERVICE_TREE/detector-service/target/detector-service-0.1.0-SNAPSHOT.jar"
else
  COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git status --porcelain -- detector-service scoring pawn-head statistical-tests pom.xml 2>/dev/null)" ]; then
    COMMIT="$COMMIT+uncommitted"
  fi
fi
export REL_SERVICE_JAR="${REL_SERVICE_JAR:-$ROOT/detector-service/target/detector-service-0.1.0-SNAPSHOT.jar}"
log "reliability suite: mode $MODE, stages $STAGES, commit $COMMIT"

# ---------------------------------------------------------------- build
if [ -n "$AT_COMMIT" ] && [ "$BUILD" = 1 ]; then
  log "checking out $COMMIT into $SERVICE_TREE (git worktree) to build the service from it"
  git worktree remove --force "$SERVICE_TREE" >/dev/null 2>&1 || rm -rf "$SERVICE_TREE"
  git worktree prune
  git worktree add --detach "$SERVICE_TREE" "$COMMIT" >/dev/null
fi
# The chart's memory limit and the heap its JVM gets (-XX:MaxRAMPercentage=60 of the limit).
chart_memory_limit() {
  awk '/^resources:/{r=1; next} r && /^[^ #]/{r=0} r && /limits:/{l=1; next} r && l && /memory:/{gsub(/"/,""); print $2; exit}' \
    "$SERVICE_TREE/helm/detector/values.yaml"
}
MEMORY_LIMIT="$(chart_memory_limit)"
[ -n "$MEMORY_LIMIT" ] || die "no resources.limits.memory in helm/detector/values.yaml"
MAX_RAM_PERCENT="$(sed -n 's/^javaOptions:.*MaxRAMPercentage=\([0-9.]*\).*/\1/p' "$SERVICE_TREE/helm/detector/values.yaml")"
: "${MAX_RAM_PERCENT:=60}"
LIMIT_MIB="$(python3 -c "
import re,sys
v='$MEMORY_LIMIT'; m=re.fullmatch(r'([0-9.]+)(Ki|Mi|Gi|Ti|k|K|M|G|T)?', v)
f={'Ki':2**10,'Mi':2**20,'Gi':2**30,'Ti':2**40,'k':1e3,'K':1e3,'M':1e6,'G':1e9,'T':1e12,None:1}[m.group(2)]
print(int(float(m.group(1))*f/2**20))")"
export REL_SERVICE_HEAP="$(( LIMIT_MIB * ${MAX_RAM_PERCENT%.*} / 100 ))m"
log "the chart's memory limit $MEMORY_LIMIT, -XX:MaxRAMPercentage=$MAX_RAM_PERCENT: service heap $REL_SERVICE_HEAP"

if [ "$BUILD" = 1 ]; then
  log "building the service jar (./mvnw -pl detector-service -am package -DskipTests in $SERVICE_TREE)"
  (cd "$SERVICE_TREE" && maven -pl detector-service -am package -DskipTests)
  log "building the suite (Kafka broker jars from Maven Central, driver)"
  maven -f reliability/pom.xml package
fi
[ -f "$REL_SERVICE_JAR" ] || die "no service jar at $REL_SERVICE_JAR (drop --skip-build)"
[ -f "$REL_DIR/driver/target/reliability-driver-0.1.0-SNAPSHOT.jar" ] || die "no driver jar (drop --skip-build)"

if has_stage fuzz; then
  # schemathesis, pinned, in a git-ignored venv
  SCHEMATHESIS_VERSION="$(sed -n 's/^schemathesis==//p' "$REL_DIR/requirements.txt")"
  if ! "$REL_DIR/.venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    log "installing schemathesis $SCHEMATHESIS_VERSION into reliability/.venv"
    python3 -m venv "$REL_DIR/.venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$REL_DIR/.venv/bin/pip" install -q -r "$REL_DIR/requirements.txt"
  fi
fi

# ---------------------------------------------------------------- processes
rm -rf "$REL_RUN" "$REPORT"
mkdir -p "$REL_RUN" "$REPORT"
log "starting a Kafka broker (KRaft) on 127.0.0.1:$REL_BROKER_PORT"
"$CTL" broker-format
"$CTL" broker-start
log "starting detector-service a (:$REL_PORT_A) and b (:$REL_PORT_B) against it"
# a's REST rate limit is raised above what the fuzz stage sends: schemathesis posts up to 40 requests/s, batches of
# up to 32 tiny documents among them, and every document's scoring call takes one of the
# detector.resilience.rest-requests-per-second permits (default 50); its 429s made hypothesis generate half the
# cases. The stage checks the API contract; RateLimitAndOpenAccessTests (detector-service) checks the 429.
"$CTL" service-start a --detector.resilience.rest-requests-per-second=2000 &
start_a=$!
"$CTL" service-start b &
start_b=$!
wait "$start_a" || die "service a did not start (log: $REL_RUN/service-a.log)"
wait "$start_b" || die "service b did not start (log: $REL_RUN/service-b.log)"

DRIVER=(java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error
  -cp "$REL_DIR/target/driver-libs/*:$REL_DIR/driver/target/reliability-driver-0.1.0-SNAPSHOT.jar"
  io.textprovenance.reliability.Main)

declare -A RESULT
declare -A SECONDS_TAKEN
declare -A LOADAVG
FAILED=0
CHECKS_PASSED=0
CHECKS_FAILED=0
stage() {
  local name="$1" t rc
  shift
  t=$(date +%s)
  log "== $name (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  LOADAVG[$name]="$(cut -d' ' -f1-3 /proc/loadavg)"
  rc=0
  "$@" || rc=$?
  SECONDS_TAKEN[$name]=$(( $(date +%s) - t ))
  if [ "$rc" = 0 ]; then RESULT[$name]=pass; else RESULT[$name]="FAIL (exit $rc)"; FAILED=1; fi
  # checks passed and failed (a stage that wrote no counts failed as a whole)
  local counts
  counts="$(cat "$REPORT/$name.counts" 2>/dev/null || true)"
  if [ -z "$counts" ]; then counts="0 1"; fi
  CHECKS_PASSED=$(( CHECKS_PASSED + ${counts% *} ))
  CHECKS_FAILED=$(( CHECKS_FAILED + ${counts#* } ))
  log "== $name: ${RESULT[$name]} in ${SECONDS_TAKEN[$name]} s"
}

# ---------------------------------------------------------------- stages
if has_stage faults; then
  args=(faults --mode="$MODE" --ctl="$CTL" --bootstrap="127.0.0.1:$REL_BROKER_PORT"
    --rest-b="http://127.0.0.1:$REL_PORT_B" --api-key="$REL_API_KEY" --report-dir="$REPORT" --commit="$COMMIT")
  [ -n "$DOCUMENTS" ] && args+=(--documents="$DOCUMENTS")
  stage faults "${DRIVER[@]}" "${args[@]}" "${DRIVER_EXTRA[@]}"
fi

fuzz() {
  local out="$REPORT/schemathesis" cases failures
  mkdir -p "$out"
  # make sure a is up (the fault stage restarts b only, but be safe)
  curl -sf -o /dev/null "http://127.0.0.1:$REL_PORT_A/v3/api-docs" || { log "service a does not serve /v3/api-docs"; return 1; }
  local rc=0
  NO_COLOR=1 "$REL_DIR/.venv/bin/schemathesis" run "http://127.0.0.1:$REL_PORT_A/v3/api-docs" \
    --url "http://127.0.0.1:$REL_PORT_A" -H "X-API-Key: $REL_API_KEY" \
    --checks all --max-examples "$FUZZ_EXAMPLES" --seed 20261130 --workers 2 --rate-limit 40/s \
    --request-timeout 60 --continue-on-failure --suppress-health-check too_slow,filter_too_much \
    --report junit,ndjson --report-dir "$out" >"$out/output.txt" 2>&1 || rc=$?
  cat "$out/output.txt"
  python3 "$REL_DIR/bin/fuzz_summary.py" "$out" "$COMMIT" "$rc" >"$REPORT/fuzz.md" || rc=1
  cat "$REPORT/fuzz.md"
  if [ "$rc" = 0 ]; then echo "1 0" >"$REPORT/fuzz.counts"; else echo "0 1" >"$REPORT/fuzz.counts"; fi
  return "$rc"
}
has_stage fuzz && stage fuzz fuzz

if has_stage load; then
  # one instance alone on the machine, as a pod with its own CPUs would be
  "$CTL" service-stop b
  pid_a="$("$CTL" service-pid a)"
  stage load "${DRIVER[@]}" load --url="http://127.0.0.1:$REL_PORT_A" --api-key="$REL_API_KEY" --pid="$pid_a" \
    --memory-limit="$MEMORY_LIMIT" --seconds="$LOAD_SECONDS" --report-dir="$REPORT" --commit="$COMMIT"
fi

# ---------------------------------------------------------------- summary
{
  echo "# Reliability suite: $MODE, commit $COMMIT, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(( $(date +%s) - START )) s"
  echo
  echo "Machine: $(nproc) cores, $(awk '/^MemTotal:/{printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB; load average at each stage's start is shown (other work on the machine slows every figure)."
  echo
  echo "| stage | result | seconds | load average at start |"
  echo "|---|---|---|---|"
  for s in faults fuzz load; do
    if has_stage "$s"; then echo "| $s | ${RESULT[$s]:-not run} | ${SECONDS_TAKEN[$s]:-} | ${LOADAVG[$s]:-} |"; fi
  done
  echo
  for s in faults fuzz load; do
    if [ -f "$REPORT/$s.md" ]; then cat "$REPORT/$s.md"; echo; fi
  done
} >"$REPORT/summary.md"
log "report: $REPORT/summary.md"
for s in faults fuzz load; do
  if has_stage "$s"; then log "  $s: ${RESULT[$s]:-not run}"; fi
done
# the closing line CI reads
echo "reliability: $CHECKS_PASSED passed, $CHECKS_FAILED failed"
if [ "$FAILED" = 0 ]; then
  log "reliability suite passed in $(( $(date +%s) - START )) s"
else
  log "reliability suite FAILED ($(( $(date +%s) - START )) s); logs in $REL_RUN"
fi
exit "$FAILED"
