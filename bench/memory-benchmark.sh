#!/usr/bin/env bash
# Issue #5 item 1: the translation memory at UNITS units (default 200,000) generated from NTREX-128 Persian and
# Albanian. Usage: bench/memory-benchmark.sh [UNITS] [DOCUMENTS] [NTREX_FOLDER]. Builds the test classes, then starts
# Kinlink on its embedded PostgreSQL with the real Vault in one JVM, stores the units sealed, and reports the index
# build time from the sealed rows, the heap of the index and the time to help a 300-segment document (p50/p95).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.kinlink.translation.memory.MemoryBenchmark "${1:-200000}" "${2:-50}" "${3:-../shared/data/ntrex128}"
