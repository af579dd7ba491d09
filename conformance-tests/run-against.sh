#!/bin/sh
# Runs the conformance vectors against a registry over HTTP and prints one line per case, the
# counts per topic and "N passed, N failed, N skipped"; exits non-zero when a case failed.
#
#   conformance-tests/run-against.sh <registry-url> <operator-token>
#
# It writes parties, credentials, declarations and agreements (under ids and hosts tagged for the
# run) into that registry. It builds the reactor's own modules it needs (nothing is installed);
# Maven options such as -o can be passed in MAVEN_ARGS.
set -eu
if [ "$#" -ne 2 ]; then
  echo "usage: $0 <registry-url> <operator-token>" >&2
  exit 2
fi
module=$(cd "$(dirname "$0")" && pwd)
cd "$module/.."
./mvnw -B -q -pl conformance-tests -am compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/run-against.classpath
cd "$module"
exec java -cp "target/classes:$(cat target/run-against.classpath)" \
  org.rightsregistry.conformance.RunAgainst "$1" "$2" vectors
