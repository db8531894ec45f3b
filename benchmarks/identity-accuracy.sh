#!/usr/bin/env bash
# Pairwise precision, recall and F1 of `c360 resolve` on the public entity-resolution sets.
# Usage: benchmarks/identity-accuracy.sh DATA_DIR [extra c360 resolve options...]
# DATA_DIR holds febrl1.csv, febrl2.csv, febrl3.csv, fake_1000.csv and rldata10000.csv.
set -euo pipefail
data="${1:?usage: $0 DATA_DIR [resolve options...]}"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/.bench/identity}"
mkdir -p "$out"
dotnet build -c Release "$root/functions/Customer360Hub.Cli" -v quiet -nologo >/dev/null
c360="$root/functions/Customer360Hub.Cli/bin/Release/net10.0/c360"

febrl_map=(--map rec_id=record_id --map surname=family_name --map street_number+address_1=address_line1
  --map address_2=address_line2 --map suburb=city --map state=region --map soc_sec_id=national_id)

run() {
  local name="$1"; shift
  local truth=("${@: -4}")
  local resolve=("${@:1:$#-4}")
  "$c360" resolve --source "$name=$data/$name.csv" --out "$out/$name.clusters.csv" "${resolve[@]}" 2>"$out/$name.log"
  printf '%-12s ' "$name"
  "$c360" evaluate --clusters "$out/$name.clusters.csv" --truth "$data/$name.csv" "${truth[@]}" | tail -1
}

for set in febrl1 febrl2 febrl3; do
  run "$set" "${febrl_map[@]}" "$@" --id-column rec_id --entity-pattern 'rec-(\d+)-'
done
run fake_1000 --map unique_id=record_id --map first_name=given_name --map surname=family_name --map dob=date_of_birth "$@" \
  --id-column unique_id --entity-column cluster
run rldata10000 --map row_id=record_id --map fname_c1+fname_c2=given_name --map lname_c1+lname_c2=family_name \
  --map by+bm+bd=date_of_birth "$@" --id-column row_id --entity-column identity
