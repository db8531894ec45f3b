#!/usr/bin/env bash
# Health score on the sandbox world: runs the whole local hub (sandbox APIs, connectors, resolver,
# scorer) on a world of CUSTOMERS true customers whose history ends today, judges each scored
# customer's health against its trajectory (ROC AUC, churning vs healthy), then moves the world on
# TICKS ticks (one a second) and measures freshness: pull of a change to its profile's new score.
# Usage: benchmarks/health-sandbox.sh CUSTOMERS [TICKS] [CHANGE_RATE] [SEED]
set -euo pipefail
customers="${1:?usage: $0 CUSTOMERS [TICKS] [CHANGE_RATE] [SEED]}"
ticks="${2:-120}"
rate="${3:-0.01}"
seed="${4:-360}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/.bench/health-$customers-$seed}"
rm -rf "$out"
mkdir -p "$out"
dotnet build -c Release "$root/functions/Customer360Hub.Cli" -v quiet -nologo >/dev/null
c360="$root/functions/Customer360Hub.Cli/bin/Release/net10.0/c360"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak %M KiB" \
  "$c360" sandbox health --customers "$customers" --ticks "$ticks" --change-rate "$rate" --seed "$seed" --out "$out"
