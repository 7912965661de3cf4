#!/usr/bin/env bash
# Builds the benchmarks and runs a short profile (a few minutes on 2 cores), then prints one table:
# median and p99 µs per operation, MB/s, allocation per operation and per char, ratio to the naive
# regex baseline on the same input in the same run.
#
#   benchmarks/run.sh                      # the README table, short profile (about 24 minutes on 2 cores)
#   benchmarks/run.sh 'Pipeline|Baseline'  # a subset (JMH regex), same profile
#   QUICK=1 benchmarks/run.sh              # shorter still, for development
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
JAR=benchmarks/target/benchmarks.jar
if [[ "${QUICK:-}" == "1" ]]; then
  PROFILE=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
else
  # Warm-up as each class declares it: eight seconds (with every detector loaded, the pipeline needs
  # about seven before C2 settles), twenty for the conversation and gateway turns, which detect only a
  # few hundred new chars per call and so reach C2 later.
  PROFILE=(-f 1 -i 3 -r 1s)
fi
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(java -version 2>&1 | head -1)"
if [[ -z "${1:-}" || "$1" == *Start* ]]; then
  # A cold start is one sample per JVM, and on a shared host starts vary by a third: five JVMs, the
  # median start printed with every total.
  for k in 1 2 3 4 5; do java -Xmx512m -cp "$JAR" dev.veil.benchmarks.EngineStart; done \
    | awk '{ match($0, /total [0-9]+ ms/); print substr($0, RSTART + 6, RLENGTH - 9) "\t" $0 }' | sort -n \
    | awk -F'\t' '{ all = all (NR > 1 ? ", " : "") $1; line[NR] = $2 } END { print line[int((NR + 1) / 2)] " [median of " NR " JVMs; totals " all " ms]" }'
fi
if [[ -z "${1:-}" || "$1" == *Conversation* ]]; then
  # Turn 1 and turn 20 alternating in one JVM: ConversationBenchmark runs them in separate forks
  # minutes apart, and on a shared host that ratio moves by more than 2x between runs of the same code.
  java -cp "$JAR" dev.veil.benchmarks.ConversationRatio
fi
if [[ -z "${1:-}" || "$1" == *Baseline* ]]; then
  # The naive regex, the scan and a redaction in rotating blocks in one JVM, per corpus: in the JMH
  # table each runs in its own fork, and the baseline alone moved by almost 2x between two runs.
  java -cp "$JAR" dev.veil.benchmarks.BaselineRatio
fi
INCLUDE="${1:-dev.veil.benchmarks.(Baseline|Pipeline|Protect|Conversation|GatewayTurn|SessionProtectRestore|SessionGrowth|StreamRestore|Detector)Benchmark}"
java -cp "$JAR" dev.veil.benchmarks.Report "${PROFILE[@]}" -rf json -rff benchmarks/target/jmh-result.json "$INCLUDE" | sed -n '/^| benchmark/,$p'
