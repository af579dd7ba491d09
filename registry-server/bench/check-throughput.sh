#!/usr/bin/env bash
# Cold-start Tate import time and POST /v1/checks throughput (10,000 real Tate URLs a request),
# against a server this script starts on loopback with a throw-away embedded PostgreSQL.
# Usage: registry-server/bench/check-throughput.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
# Builds without installing into the local Maven repository (shared with other checkouts): one
# reactor run, so that the classpath names this checkout's client library.
./mvnw -B -o -q -pl registry-server -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp=$(cat registry-server/target/bench.classpath)
exec java -Xmx2g -cp "registry-server/target/test-classes:registry-server/target/classes:$cp" \
  org.rightsregistry.server.bench.CheckThroughputBenchmark \
  ../shared/data/real/museum-collections/tate "${1:-7}"
