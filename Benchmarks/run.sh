#!/usr/bin/env bash
# Every Kho benchmark, each printing Kho side by side with its reference tools (Markdown tables for
# BENCHMARKS.md). The corpora (20,000 small files, 20 × 50 MB; for fixity also 1,000 dossiers of 20 files) are
# generated under WORK on the first run and
# shared by every benchmark, then reused.
#
#   Benchmarks/run.sh [WORK]        default WORK=/tmp/kho-bench
#
# Needs: openssl, GNU time (apt: time), and the reference tools from PyPI: ocfl-py, bagit
# (`python3 -m pip install -r .ci/requirements.txt`). Run it on a quiet machine: the numbers are wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/kho-bench}
mkdir -p "$work"
swift build -c release --product kho
export XML_CATALOG_FILES=${XML_CATALOG_FILES:-$PWD/../shared/corpora/xsd/catalog.xml}
echo "# Kho benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for bench in hash storage bag sip ingest search fixity; do
  echo
  echo "## kho bench $bench"
  .build/release/kho bench "$bench" --work "$work"
done
