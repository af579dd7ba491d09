#!/usr/bin/env bash
# The check load driver (never part of the normal test run): starts the registry on
# 127.0.0.1:18090 with a throw-away embedded PostgreSQL in registry-server/target/bench-postgres,
# stores 1,000,000 declarations shaped like the real Tate, British Library and Openverse URLs
# through POST /v1/declarations/batch, then measures POST /v1/checks with 10,000 items a request,
# one item a request, and a plain HashSet of the normalised URLs, in the same run.
# Usage (from anywhere): registry-server/bench/check-load.sh [declarations] [rounds] [one-item requests] [reuse]
# "reuse" measures against the declarations an earlier run left in target/bench-postgres.
# Builds without installing anything into the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run, so that the classpath names this checkout's client library, not a copy in the
# local Maven repository.
./mvnw -B -o -q -pl registry-server -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
shared="$(cd ../shared/data && pwd)"
exec java -Xmx6g ${BENCH_JAVA_OPTS:-} \
  -cp "registry-server/target/test-classes:registry-server/target/classes:$(cat registry-server/target/bench.classpath)" \
  org.rightsregistry.server.bench.CheckLoadBenchmark \
  "$shared" "${1:-1000000}" "${2:-9}" "${3:-2000}" 18090 registry-server/target/bench-postgres ${4:+"$4"}
