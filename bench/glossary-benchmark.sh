#!/usr/bin/env bash
# Issue #5 item 2: glossary terms found in 300 segments with TERMS terms (default 5,000) in the index, as the editor
# does on every opening. Usage: bench/glossary-benchmark.sh [TERMS] [CORPUS]; CORPUS defaults to the NTREX-128
# Persian file next to the repository (../shared/data/ntrex128 seen from /work/main).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.kinlink.translation.glossary.GlossaryBenchmark "${1:-5000}" "${2:-$(pwd)/../shared/data/ntrex128/newstest2019-ref.fas.txt}"
