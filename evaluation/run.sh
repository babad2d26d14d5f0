#!/usr/bin/env bash
# Runs one of the evaluation commands from the repository root, building them first if needed:
#   evaluation/run.sh TypeOneErrorCheck --samples evaluation/target/samples.jsonl
#   evaluation/run.sh ScorerBenchmark --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  TypeOneErrorCheck) main=io.textprovenance.evaluation.typeone.TypeOneErrorCheck ;;
  AttributionCheck) main=io.textprovenance.evaluation.typeone.AttributionCheck ;;
  ScorerBenchmark) main=io.textprovenance.evaluation.bench.ScorerBenchmark ;;
  Evaluate|evaluate) main=io.textprovenance.evaluation.report.Evaluate ;;
  CacheFeatures|cache-features) main=io.textprovenance.evaluation.cache.CacheFeatures ;;
  *) echo "usage: evaluation/run.sh Evaluate|CacheFeatures|TypeOneErrorCheck|AttributionCheck|ScorerBenchmark [--arg value ...]" >&2; exit 2 ;;
esac
shift
if [ ! -d evaluation/target/lib ] || [ -n "$(find evaluation/src verdict/src scoring/src pawn-head/src statistical-tests/src -newer evaluation/target/lib -name '*.java' -print -quit)" ]; then
  flock /tmp/mvn.lock ./mvnw -B -q -pl evaluation -am package -DskipTests
fi
exec java -cp "evaluation/target/classes:evaluation/target/lib/*" "$main" "$@"
