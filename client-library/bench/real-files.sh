#!/usr/bin/env bash
# Summary over every real robots.txt under shared/data/real/robots-txt: per AI agent of the
# ai.robots.txt list, how many files disallow "/" for it (ours, crawler-commons 1.5 alone) and how
# many name it. Usage (from the repository root): client-library/bench/real-files.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q -pl client-library test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd client-library
java -Drightsregistry.shared-data="$(cd ../../shared/data && pwd)" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.rightsregistry.client.signals.RealFilesSummary
