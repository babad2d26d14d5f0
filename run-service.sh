#!/usr/bin/env bash
# Runs the detector service on its embedded defaults: the bundled model in models/default, the local
# profile (no API keys) and an in-process Kafka broker. REST on http://localhost:8080 (Swagger UI at
# /swagger-ui.html). Extra arguments go to Spring Boot, e.g. --server.port=9090 or
# --spring.kafka.bootstrap-servers=broker:9092 to use a real Kafka instead.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -pl detector-service -am package -DskipTests
exec java -jar detector-service/target/detector-service-0.1.0-SNAPSHOT.jar --spring.profiles.active=local "$@"
