#!/usr/bin/env bash
# Issue #5 item 11: ten best candidates for a name among PERSONS generated persons (default 1,000,000).
# Usage: bench/names-search-benchmark.sh [PERSONS] [QUERIES]. Builds the test classes, then runs the generator and
# the in-memory name index in one JVM (BENCH_HEAP, default 6g; BENCH_OPTS e.g. -Dbench.recall=20 -Dbench.baseline=false). Figures go to docs/benchmarks.md with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java "-Xmx${BENCH_HEAP:-6g}" ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.kinlink.people.registry.NameSearchBenchmark "${1:-1000000}" "${2:-2000}"
