#!/usr/bin/env bash
# Offline checking benchmarks (never part of the normal test run).
# Usage (from the repository root): client-library/bench/offline.sh [entries...]
#   1. OfflineFootprint: snapshot file size, write / read / load times, heap bytes per entry after
#      a full GC, next to a HashSet<String> of the same URLs; for each count (default 1M and 10M).
#   2. JMH OfflineBenchmark: checks per second on one thread at 1M and 10M entries, with the
#      HashSet floor; short iterations: -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1.
# Heap: -Xmx8g (10 million entries and the HashSet floor side by side need about 5 GiB).
set -euo pipefail
cd "$(dirname "$0")/../.."
# JMH's annotation processor runs only when the benchmark compiles, so make sure it does.
touch client-library/src/test/java/org/rightsregistry/client/offline/OfflineBenchmark.java
./mvnw -B -o -q -pl client-library -Pbench test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd client-library
shared="$(cd ../../shared/data && pwd)"
counts=("$@")
if [ ${#counts[@]} -eq 0 ]; then counts=(1000000 10000000); fi
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -Xmx8g -Drightsregistry.shared-data="$shared" -cp "$classpath" \
  org.rightsregistry.client.offline.OfflineFootprint "${counts[@]}"
java -Drightsregistry.shared-data="$shared" -cp "$classpath" \
  org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1 \
  -jvmArgsAppend "-Xmx8g -Drightsregistry.shared-data=$shared" \
  OfflineBenchmark
