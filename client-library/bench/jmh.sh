#!/usr/bin/env bash
# JMH benchmarks of the client library (never part of the normal test run).
# Usage (from the repository root): client-library/bench/jmh.sh [JMH options]
# Default options: one fork, 2 warm-up and 3 measured iterations of 2 s, one thread.
set -euo pipefail
cd "$(dirname "$0")/../.."
# JMH lists benchmarks only when their sources compile, so make sure they do.
touch client-library/src/test/java/org/rightsregistry/client/signals/bench/*.java
./mvnw -B -q -pl client-library -Pbench test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd client-library
java -Drightsregistry.shared-data="$(cd ../../shared/data && pwd)" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1 \
  -jvmArgsAppend "-Drightsregistry.shared-data=$(cd ../../shared/data && pwd)" \
  "${@:-RobotsBenchmark}"
