#!/usr/bin/env bash
# Offline checking benchmarks (never part of the normal test run).
# Usage (from the repository root):
#   client-library/bench/offline.sh [--gc] [--thp] [--jmh-only] [entries...]
#   1. OfflineFootprint: snapshot file size, write / read / load times, heap bytes per entry after
#      a full GC, next to a HashSet<String> of the same URLs; for each count (default 1M and 10M).
#      Skipped with --jmh-only.
#   2. JMH OfflineBenchmark, on one thread at each count: offlineCheck (the whole explained
#      decision), offlineVerdict (the verdict alone), offlineVerdicts (verdicts of 256 items a
#      call, per item) and hashSetFloor (normalise + HashSet), in the
#      same run on the same items; short iterations: -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1.
#      --gc adds JMH's GC profiler: gc.alloc.rate.norm is the bytes allocated per operation.
#      --thp runs the benchmark JVM with -XX:+UseTransparentHugePages (fewer TLB misses on the
#      large tables; needs transparent huge pages set to "madvise" or "always" in the kernel).
# The machine (cores, load before and after each part, Java) is printed with the figures: the
# figures mean little without it.
# Heap: -Xmx8g (10 million entries and the HashSet floor side by side need about 5 GiB).
set -euo pipefail
cd "$(dirname "$0")/../.."
profiler=()
jvm="-Xmx8g"
footprint=yes
counts=()
for arg in "$@"; do
  case "$arg" in
    --gc) profiler=(-prof gc) ;;
    --thp) jvm="-Xmx8g -XX:+UseTransparentHugePages" ;;
    --jmh-only) footprint=no ;;
    *) counts+=("$arg") ;;
  esac
done
if [ ${#counts[@]} -eq 0 ]; then counts=(1000000 10000000); fi
machine() {
  echo "== $1: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
# JMH's annotation processor runs only when the benchmark compiles, so make sure it does.
touch client-library/src/test/java/org/rightsregistry/client/offline/OfflineBenchmark.java
./mvnw -B -o -q -pl client-library -Pbench test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd client-library
shared="$(cd ../../shared/data && pwd)"
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -version 2>&1 | head -1
if [ "$footprint" = yes ]; then
  machine "footprint, before"
  java -Xmx8g -Drightsregistry.shared-data="$shared" -cp "$classpath" \
    org.rightsregistry.client.offline.OfflineFootprint "${counts[@]}"
  machine "footprint, after"
fi
entries="$(IFS=,; echo "${counts[*]}")"
echo "JMH JVM options: $jvm"
machine "JMH, before"
java -Drightsregistry.shared-data="$shared" -cp "$classpath" \
  org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 2s -r 2s -t 1 "${profiler[@]}" \
  -p entries="$entries" \
  -jvmArgsAppend "$jvm -Drightsregistry.shared-data=$shared" \
  OfflineBenchmark
machine "JMH, after"
