#!/usr/bin/env bash
# Issue #3 item 9: a 1 GB upload through tus and encryption against the same bytes copied to disk, in the
# same run, with the server's heap capped at 256 MB. Usage: bench/upload-benchmark.sh [megabytes, default 1024]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.kinlink.media.uploads.bench.UploadBenchmark "${1:-1024}"
