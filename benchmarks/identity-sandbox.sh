#!/usr/bin/env bash
# Accuracy and speed of `c360 resolve` on the sandbox world: exports a world of CUSTOMERS true
# customers (about 2.4 records each), resolves every source, scores against the world's truth,
# and reports wall time, CPU time and peak memory.
# Usage: benchmarks/identity-sandbox.sh CUSTOMERS
set -euo pipefail
customers="${1:?usage: $0 CUSTOMERS}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/.bench/sandbox-$customers}"
rm -rf "$out"
mkdir -p "$out"
dotnet build -c Release "$root/functions/Customer360Hub.Cli" -v quiet -nologo >/dev/null
c360="$root/functions/Customer360Hub.Cli/bin/Release/net10.0/c360"
"$c360" sandbox export --customers "$customers" --out "$out/world" >/dev/null
sources=()
for file in "$out"/world/*.csv; do
  name="$(basename "$file" .csv)"
  case "$name" in truth|customers) continue ;; esac
  sources+=(--source "$name=$file")
done
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak %M KiB" \
  "$c360" resolve "${sources[@]}" --out "$out/clusters.csv" 2>&1 | grep -v '^resolve: resolving'
"$c360" evaluate --clusters "$out/clusters.csv" --truth "$out/world/truth.csv" --source-column source --entity-column customer_id
