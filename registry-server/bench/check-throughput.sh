#!/usr/bin/env bash
# Cold-start Tate import time and POST /v1/checks throughput (10,000 real Tate URLs a request),
# against a server this script starts on loopback with a throw-away embedded PostgreSQL.
# Usage: registry-server/bench/check-throughput.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests install
cp=$(./mvnw -q -B -pl registry-server dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
  -Dmdep.includeScope=test)
exec java -Xmx2g -cp "registry-server/target/test-classes:registry-server/target/classes:$cp" \
  org.rightsregistry.server.bench.CheckThroughputBenchmark \
  ../shared/data/real/museum-collections/tate "${1:-7}"
