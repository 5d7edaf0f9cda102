#!/usr/bin/env bash
# Runs Encog, Tribuo (and DJL with --djl) on five PyTorch reference cases, checks each with
# ../target/initlab compare and writes conformance.md and conformance/. Builds the main project's launcher first.
set -euo pipefail
cd "$(dirname "$0")"
(cd .. && mvn -q -B compile)
profile=()
if [[ "${1:-}" == "--djl" ]]; then profile=(-Pdjl); fi
mvn -q -B "${profile[@]}" compile
export OPT_OUT_TRACKING=true
java -Dai.djl.offline=true -cp "target/classes:$(cat target/classpath.txt)" dev.initlab.frameworks.Conformance
