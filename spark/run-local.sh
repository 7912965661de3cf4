#!/usr/bin/env bash
# Runs the Spark redaction job on this machine (Spark in local mode, from Maven Central), the way
# spark-submit runs spark/target/veil-spark.jar on a cluster:
#
#   spark/run-local.sh --in samples/prompts.jsonl --out target/redacted
#
# Any RedactJob option works (--format files, --preset, --default-action, --action, --token-key, --lang).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl spark -am -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.outputFile="$PWD/spark/target/spark.classpath"
# What spark-submit adds on Java 17: Spark reaches into these JDK internals.
OPENS=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
exec java "${OPENS[@]}" -Dlog4j2.level=warn -cp "spark/target/veil-spark.jar:$(cat spark/target/spark.classpath)" \
    dev.veil.spark.RedactJob --master 'local[*]' "$@"
