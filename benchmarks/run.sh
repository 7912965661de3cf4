#!/usr/bin/env bash
# Builds the benchmarks, times engine start, the conversation and the naive regex baseline in one JVM
# each, then prints one JMH table: median and p99 µs per operation, MB/s, allocation per operation and
# per char, ratio to the naive regex baseline on the same input in the same run.
#
#   benchmarks/run.sh targets              # every number the speed targets name (about 6.5 minutes on 2 cores):
#                                          # start, both one-JVM ratios, the pipeline with its allocation
#   benchmarks/run.sh                      # the README table, every benchmark (about 24 minutes on 2 cores)
#   benchmarks/run.sh 'Pipeline|Baseline'  # a subset (JMH regex; the one-JVM tools it names run too)
#   QUICK=1 benchmarks/run.sh              # shorter warm-ups, for development (numbers not comparable)
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
ALL='dev.veil.benchmarks.(Baseline|Pipeline|Protect|Conversation|GatewayTurn|SessionProtectRestore|SessionGrowth|StreamRestore|Detector)Benchmark'
case "${1:-}" in
  "") TOOLS=(Start Conversation Baseline); INCLUDE="$ALL" ;;
  # The pipeline rows carry the per-prompt times, MB/s and B/char; the baseline ratio comes from the
  # one-JVM tool, which is the better measure of it anyway (see the README).
  targets) TOOLS=(Start Conversation Baseline); INCLUDE='dev.veil.benchmarks.PipelineBenchmark' ;;
  *)
    TOOLS=()
    for t in Start Conversation Baseline; do
      if [[ "$1" == *"$t"* ]]; then TOOLS+=("$t"); fi
    done
    INCLUDE="$1" ;;
esac
runs() { [[ " ${TOOLS[*]-} " == *" $1 "* ]]; }
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(java -version 2>&1 | head -1)"
if runs Start; then
  # A cold start is one sample per JVM, and on a shared host starts vary by a third: five JVMs, the
  # median start printed with every total.
  for k in 1 2 3 4 5; do java -Xmx512m -cp "$JAR" dev.veil.benchmarks.EngineStart; done \
    | awk '{ match($0, /total [0-9]+ ms/); print substr($0, RSTART + 6, RLENGTH - 9) "\t" $0 }' | sort -n \
    | awk -F'\t' '{ all = all (NR > 1 ? ", " : "") $1; line[NR] = $2 } END { print line[int((NR + 1) / 2)] " [median of " NR " JVMs; totals " all " ms]" }'
fi
if runs Conversation; then
  # Turn 1 and turn 20 alternating in one JVM: ConversationBenchmark runs them in separate forks
  # minutes apart, and on a shared host that ratio moves by more than 2x between runs of the same code.
  java -cp "$JAR" dev.veil.benchmarks.ConversationRatio
fi
if runs Baseline; then
  # The naive regex, the scan and a redaction in rotating blocks in one JVM, per corpus: in the JMH
  # table each runs in its own fork, and the baseline alone moved by almost 2x between two runs.
  java -cp "$JAR" dev.veil.benchmarks.BaselineRatio
fi
java -cp "$JAR" dev.veil.benchmarks.Report "${PROFILE[@]}" -rf json -rff benchmarks/target/jmh-result.json "$INCLUDE" | sed -n '/^| benchmark/,$p'
