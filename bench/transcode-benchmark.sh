#!/usr/bin/env bash
# Transcoding benchmark (issue #3, item 9): a test video (default 600 s, 1280x720, 30 fps, testsrc2 + sine)
# through the pipeline's VIDEO step (plaintext served to ffmpeg over loopback, output encrypted into the blob
# store, poster and thumbnail) against the plain ffmpeg command with the same settings, file to file, in
# the same run. Uses the ffmpeg shipped in org.bytedeco:ffmpeg and a throw-away embedded PostgreSQL.
# Usage: bench/transcode-benchmark.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# A snapshot of the classes, so that a build during the run does not change them under the running JVM.
rm -rf target/bench && mkdir -p target/bench && cp -r target/classes target/test-classes target/bench/
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java -Xmx512m -cp "target/bench/classes:target/bench/test-classes:$(cat target/bench-classpath.txt)" \
  org.kinlink.media.processing.TranscodeBenchmark "$seconds" 2>&1 | grep -v -E '^\s*$|^(SLF4J|OpenJDK)'
