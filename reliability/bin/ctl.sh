#!/usr/bin/env bash
# Process control for the reliability suite: a stock Kafka broker (KRaft, one node) and detector-service
# instances, each a separate JVM. State (pid files, logs, broker data) lives in $REL_RUN.
#
#   ctl.sh broker-format | broker-start | broker-stop | broker-kill9
#   ctl.sh service-start NAME [EXTRA SPRING ARGS...]   (NAME = a | b; port from REL_PORT_A / REL_PORT_B)
#   ctl.sh service-stop NAME | service-kill9 NAME | service-pid NAME
#   ctl.sh stop-all
#
# run.sh exports the settings below; the driver calls this script to inject faults.
set -euo pipefail

REL_DIR="${REL_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
ROOT="${ROOT:-$(cd "$REL_DIR/.." && pwd)}"
REL_RUN="${REL_RUN:-$REL_DIR/target/run}"
REL_BROKER_PORT="${REL_BROKER_PORT:-19092}"
REL_CONTROLLER_PORT="${REL_CONTROLLER_PORT:-19093}"
REL_PORT_A="${REL_PORT_A:-18081}"
REL_PORT_B="${REL_PORT_B:-18082}"
REL_API_KEY="${REL_API_KEY:-reliability-key}"
REL_SERVICE_JAR="${REL_SERVICE_JAR:-$ROOT/detector-service/target/detector-service-0.1.0-SNAPSHOT.jar}"
# the small bundled model, named explicitly: the service's default model may be a much larger one
if [ -z "${REL_MODEL_DIR:-}" ]; then
  REL_MODEL_DIR="$ROOT/models/tiny"
  [ -f "$REL_MODEL_DIR/model.json" ] || REL_MODEL_DIR="$ROOT/models/default"
fi
REL_SERVICE_HEAP="${REL_SERVICE_HEAP:-1843m}"
REL_INTRA_OP_THREADS="${REL_INTRA_OP_THREADS:-2}"
KAFKA_LIBS="$REL_DIR/target/kafka-libs"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
read_pid() { [ -f "$1" ] && cat "$1" || true; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops a pid: SIGTERM, then SIGKILL after $2 seconds.
stop_pid() {
  local pid="$1" grace="${2:-30}" i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  log "pid $pid did not stop in ${grace}s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid"
}

wait_gone() {
  local pid="$1" i
  for ((i = 0; i < 100; i++)); do
    pid_alive "$pid" || return 0
    # a child of this shell stays a zombie until reaped; treat a zombie as gone
    [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" = "Z" ] && return 0
    sleep 0.1
  done
}

broker_config() {
  local dir="$REL_RUN/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$REL_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$REL_BROKER_PORT,CONTROLLER://127.0.0.1:$REL_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$REL_BROKER_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  echo "$dir/server.properties"
}

# exec: the recorded pid is the JVM's own, so that TERM and KILL reach the broker itself
kafka_java() {
  [ -d "$KAFKA_LIBS" ] || die "no Kafka jars in $KAFKA_LIBS (run.sh builds them with ./mvnw -f reliability/pom.xml package)"
  exec java -Xms256m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    -cp "$KAFKA_LIBS/*" "$@"
}

broker_format() {
  local config cluster
  rm -rf "$REL_RUN/kafka"
  config="$(broker_config)"
  cluster="$( (kafka_java kafka.tools.StorageTool random-uuid) 2>/dev/null | tail -1)"
  [ -n "$cluster" ] || die "kafka.tools.StorageTool random-uuid printed nothing"
  (kafka_java kafka.tools.StorageTool format -t "$cluster" -c "$config") >"$REL_RUN/kafka/format.log" 2>&1 \
    || { cat "$REL_RUN/kafka/format.log" >&2; die "formatting the broker's storage failed"; }
  log "broker storage formatted (cluster $cluster) in $REL_RUN/kafka/data"
}

broker_start() {
  local pid i
  pid="$(read_pid "$REL_RUN/broker.pid")"
  pid_alive "$pid" && die "broker already running (pid $pid)"
  port_open "$REL_BROKER_PORT" && die "port $REL_BROKER_PORT is taken by another process"
  [ -f "$REL_RUN/kafka/server.properties" ] || die "broker not formatted (ctl.sh broker-format)"
  (kafka_java kafka.Kafka "$REL_RUN/kafka/server.properties") </dev/null >>"$REL_RUN/broker.log" 2>&1 &
  pid=$!
  echo "$pid" >"$REL_RUN/broker.pid"
  for ((i = 0; i < 600; i++)); do
    pid_alive "$pid" || { tail -30 "$REL_RUN/broker.log" >&2; die "the broker exited while starting (log: $REL_RUN/broker.log)"; }
    if port_open "$REL_BROKER_PORT"; then
      log "broker up on 127.0.0.1:$REL_BROKER_PORT (pid $pid)"
      return 0
    fi
    sleep 0.1
  done
  die "the broker did not open port $REL_BROKER_PORT within 60 s (log: $REL_RUN/broker.log)"
}

broker_stop() {
  local pid
  pid="$(read_pid "$REL_RUN/broker.pid")"
  stop_pid "$pid" 60
  rm -f "$REL_RUN/broker.pid"
  log "broker stopped"
}

broker_kill9() {
  local pid
  pid="$(read_pid "$REL_RUN/broker.pid")"
  pid_alive "$pid" && kill -KILL "$pid"
  wait_gone "$pid"
  rm -f "$REL_RUN/broker.pid"
  log "broker killed (SIGKILL)"
}

service_port() {
  case "$1" in
    a) echo "$REL_PORT_A" ;;
    b) echo "$REL_PORT_B" ;;
    *) die "unknown service instance '$1' (a or b)" ;;
  esac
}

service_start() {
  local name="$1" port pid i code
  shift
  port="$(service_port "$name")"
  [ -f "$REL_SERVICE_JAR" ] || die "no service jar at $REL_SERVICE_JAR"
  pid="$(read_pid "$REL_RUN/service-$name.pid")"
  pid_alive "$pid" && die "service $name already running (pid $pid)"
  port_open "$port" && die "port $port is taken by another process"
  # The chart's JVM (heap = 60% of its 3 GiB limit) and ONNX threads; the small bundled model, named
  # explicitly; the external broker (not the local profile's embedded one); API keys on (default profile).
  (cd "$ROOT" && exec java -Xmx"$REL_SERVICE_HEAP" -XX:+ExitOnOutOfMemoryError -jar "$REL_SERVICE_JAR" \
    --spring.kafka.bootstrap-servers="127.0.0.1:$REL_BROKER_PORT" \
    --server.port="$port" \
    --detector.scoring.model-dir="$REL_MODEL_DIR" \
    --detector.scoring.device=cpu \
    --detector.scoring.intra-op-threads="$REL_INTRA_OP_THREADS" \
    --detector.security.api-keys="$REL_API_KEY" \
    --logging.file.name="$REL_RUN/service-$name.spring.log" \
    "$@") </dev/null >>"$REL_RUN/service-$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$REL_RUN/service-$name.pid"
  for ((i = 0; i < 1800; i++)); do
    pid_alive "$pid" || { tail -40 "$REL_RUN/service-$name.log" >&2; die "service $name exited while starting (log: $REL_RUN/service-$name.log)"; }
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/liveness" || true)"
    if [ "$code" = "200" ]; then
      log "service $name up on 127.0.0.1:$port (pid $pid)"
      return 0
    fi
    sleep 0.1
  done
  die "service $name not live within 180 s (log: $REL_RUN/service-$name.log)"
}

service_stop() {
  local name="$1" pid
  pid="$(read_pid "$REL_RUN/service-$name.pid")"
  stop_pid "$pid" 40
  rm -f "$REL_RUN/service-$name.pid"
  log "service $name stopped"
}

service_kill9() {
  local name="$1" pid
  pid="$(read_pid "$REL_RUN/service-$name.pid")"
  pid_alive "$pid" || die "service $name is not running"
  kill -KILL "$pid"
  wait_gone "$pid"
  rm -f "$REL_RUN/service-$name.pid"
  log "service $name killed (SIGKILL, pid $pid)"
}

stop_all() {
  local f
  for f in "$REL_RUN"/service-*.pid; do
    [ -f "$f" ] && stop_pid "$(cat "$f")" 20 && rm -f "$f"
  done
  [ -f "$REL_RUN/broker.pid" ] && stop_pid "$(cat "$REL_RUN/broker.pid")" 30 && rm -f "$REL_RUN/broker.pid"
  return 0
}

mkdir -p "$REL_RUN"
cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  broker-format) broker_format ;;
  broker-start) broker_start ;;
  broker-stop) broker_stop ;;
  broker-kill9) broker_kill9 ;;
  service-start) service_start "$@" ;;
  service-stop) service_stop "$@" ;;
  service-kill9) service_kill9 "$@" ;;
  service-pid) read_pid "$REL_RUN/service-$1.pid" ;;
  stop-all) stop_all ;;
  *) die "usage: ctl.sh broker-format|broker-start|broker-stop|broker-kill9|service-start NAME [ARGS]|service-stop NAME|service-kill9 NAME|service-pid NAME|stop-all" ;;
esac
