#!/usr/bin/env bash
# Issue #5 item 7: a 300-segment Persian document (NTREX-128 newstest2019, CC BY-SA 4.0) opened in the editor through
# the whole application (embedded PostgreSQL, security, Vault, audit, editor aids, Thymeleaf) with MockMvc; p50/p95
# over repeated openings, then the same for the review page. Goal: under 1 s.
# Usage: bench/editor-benchmark.sh [SEGMENTS] [OPENINGS] [NTREX_DIR]. Figures go to the docs with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.kinlink.translation.tasks.EditorBenchmark "${1:-300}" "${2:-50}" "${3:-../shared/data/ntrex128}"
