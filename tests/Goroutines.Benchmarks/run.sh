#!/usr/bin/env bash
# Builds the C# benchmarks (Release) and the Go programs in go/, runs every workload as whole
# processes, ours and Go alternately (ours, Go, ours, Go, …), and prints one table of medians with
# min–max and the ratio ours/Go pair by pair. Then runs the BenchmarkDotNet suite (short in-process
# job, with allocations and lock contentions per run) for the same workloads.
#
#   tests/Goroutines.Benchmarks/run.sh [--rounds N] [--no-bdn] [--workbook]
#
#   --rounds N   processes per side and workload (default 7)
#   --no-bdn     skip the BenchmarkDotNet suite
#   --workbook   also time `workbook run` (every lesson in the real kernel) once
#
# Needs the .NET 10 SDK and Go (1.23.5 was measured; std library only, no network).
# Whole run with the defaults: about 4 minutes on 2 cores (5 with --workbook).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds=7
bdn=1
workbook=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --no-bdn) bdn=0; shift ;;
    --workbook) workbook=1; shift ;;
    *) echo "usage: $0 [--rounds N] [--no-bdn] [--workbook]" >&2; exit 2 ;;
  esac
done

out="$here/bin/results"
mkdir -p "$out" "$here/bin/go"
results="$out/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
start=$(date +%s)

echo "== machine"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "$(nproc) cores, $cpu, $mem RAM; $(dotnet --version | sed 's/^/.NET SDK /'), $(go version | awk '{print $3}')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build"
if ! dotnet build "$here/Goroutines.Benchmarks.csproj" -c Release --nologo -v q > "$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "the C# build failed" >&2
  exit 1
fi
grep -E "Warning\(s\)|Error\(s\)" "$out/build.log" || true
dll="$here/bin/Release/net10.0/Goroutines.Benchmarks.dll"
for w in spawn pingpong parked cpu sleepers; do
  (cd "$here/go" && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go build -o "$here/bin/go/$w" "./$w")
done

ours() { dotnet "$dll" measure "$1" 1 | sed 's/^/ours /' >> "$results"; }
gos() { "$here/bin/go/$1" "${@:2}" | sed 's/^/go /' >> "$results"; }

echo "== workloads: $rounds rounds, ours and Go alternately"
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$results"
  ours spawn;     gos spawn 1
  ours pingpong1; gos pingpong 1 1
  ours pingpong2; gos pingpong 2 1
  ours parked;    gos parked 1
  ours spawn-ev
  ours pingpong1-ev
  ours parked-ev
  ours cpu;       gos cpu 1
  ours sleepers;  gos sleepers 1
  ours lockstep1
  ours lockstep4
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw figures: $results"
echo
dotnet "$dll" table "$results"

if [ "$bdn" = 1 ]; then
  echo
  echo "== BenchmarkDotNet (short job: 1 warm-up, 3 iterations, in process; one operation = one whole run)"
  (cd "$out" && dotnet "$dll" bdn --filter '*' 2>&1 | sed -n '/^| *Method\|^|.*|$/p' | grep -v '^$' || true)
  echo "(full BenchmarkDotNet reports: $out/BenchmarkDotNet.Artifacts/results)"
fi

if [ "$workbook" = 1 ]; then
  echo
  echo "== the whole workbook in the real kernel (workbook run), once"
  dotnet build "$root/lib/Goroutines.Workbook.Cli" --nologo -v q >/dev/null
  t0=$(date +%s.%N)
  set +e
  (cd "$root" && dotnet run --no-build --project lib/Goroutines.Workbook.Cli -- run --plain > "$out/workbook-run.txt" 2>&1)
  rc=$?
  set -e
  t1=$(date +%s.%N)
  echo "workbook run: exit $rc, $(awk "BEGIN {printf \"%.1f\", $t1 - $t0}") s wall (target: under 300 s); output in $out/workbook-run.txt"
  tail -3 "$out/workbook-run.txt"
fi

echo
echo "total: $(( $(date +%s) - start )) s; load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
