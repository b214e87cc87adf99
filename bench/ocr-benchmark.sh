#!/usr/bin/env bash
# OCR benchmark (issue #3, item 9): character error rate of Tesseract on Persian pages rendered from
# NTREX-128 (../shared/data/ntrex128, CC BY-SA 4.0, Federmann, Kocmi, Xin 2022), clean and degraded like a
# photographed letter, without and with the image clean-up (kinlink.media.ocr.cleanup=off|on|auto).
# Needs: apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-sqi tesseract-ocr-eng
# Usage: bench/ocr-benchmark.sh [data-dir] [pages]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/ntrex128}"
PAGES="${2:-6}"
./mvnw -q -B -o test-compile
CP_FILE="target/ocr-benchmark.classpath"
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
exec java -Xmx1g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  org.kinlink.media.ocr.OcrBenchmark "$DATA" "$PAGES"
