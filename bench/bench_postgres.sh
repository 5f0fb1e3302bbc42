#!/usr/bin/env bash
# Documents per second of 1 and 2 `congvan scan` workers (one job each) sharing one
# database, PostgreSQL against SQLite, each walking the folder or taking from the
# queue one `--enqueue` filled, on the same text-layer PDFs (made by
# tools/make_archive.py), with pdftotext run once per PDF, 1 and 2 at a time, as the
# baseline; and the database's own cost per document: `congvan merge` of the scanned
# rows (each with its findings and page text, one transaction a document) into a
# new SQLite file and a new PostgreSQL database.
# Starts its own PostgreSQL (initdb into the build tree, a Unix socket, as the user
# `postgres` when run as root); needs Debian's postgresql-15.
# Past 10,000 documents (the issue's 100,000) scanning the whole folder once for each
# configuration would take this machine hours, so a large archive is measured as an
# archivist runs it: one `--enqueue` walk of every file; one queue worker, then two,
# each timed over WINDOW seconds of a queue that holds the whole archive (documents/s
# from the rows stored meanwhile); the two then finish it; a pass over the stored
# folder; and `merge` of the archive part-stored and whole, with peak RSS, so the
# memory's growth with the rows is printed. pdftotext is timed on 2,000 of the files.
# Usage: bench/bench_postgres.sh [BUILD_DIR] [DOCUMENTS] [WINDOW]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
documents=${2:-600}
window=${3:-180}
congvan=$build/cli/congvan
out=$build/bench-postgres
pg=/usr/lib/postgresql/15/bin
mkdir -p "$out"
folder=$out/pdfs-$documents
if [ ! -d "$folder" ]; then
  samples=("$here"/../corpus/samples/*.txt)
  pdfs=()
  for s in "${samples[@]}"; do pdfs+=("$build/fixtures/$(basename "$s" .txt).pdf"); done
  /usr/bin/python3 "$here/../tools/make_archive.py" "$folder.tmp" $((documents * 2)) "${samples[@]}" "${pdfs[@]}" >/dev/null
  find "$folder.tmp" -name '*.txt' -delete
  mv "$folder.tmp" "$folder"
fi

# A server of our own, stopped on the way out.
server=$out/server
as_server() { if [ "$(id -u)" = 0 ]; then /usr/sbin/runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$server"; mkdir -p "$server"
[ "$(id -u)" = 0 ] && chown postgres "$server"
as_server "$pg/initdb" -D "$server/data" -U congvan -A trust -E UTF8 --locale=C >/dev/null
as_server "$pg/pg_ctl" -D "$server/data" -l "$server/log" -w -o "-k $server -c listen_addresses=''" start >/dev/null
trap 'as_server "$pg/pg_ctl" -D "$server/data" -m fast -w stop >/dev/null' EXIT
database() {  # a new database, its URI on stdout
  "$pg/dropdb" -h "$server" -U congvan --if-exists "$1" 2>/dev/null; "$pg/createdb" -h "$server" -U congvan "$1"
  echo "postgresql:///$1?host=$server&user=congvan"
}

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
rate() { echo "scale=1; $1 / $2" | bc -l; }
workers() {  # N scans at once into one database
  local n=$1 db=$2 pids=()
  for _ in $(seq "$n"); do "$congvan" scan -q -j 1 "$folder" --db "$db" >/dev/null 2>&1 & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
}
queue_workers() {  # N workers taking from the queue of one database
  local n=$1 db=$2 pids=()
  for _ in $(seq "$n"); do "$congvan" scan -q -j 1 --from-queue --db "$db" >/dev/null 2>&1 & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
}
baseline() { find "$folder" -name '*.pdf' -print0 | xargs -0 -P "$1" -n 1 sh -c 'pdftotext "$0" - >/dev/null'; }
rows() { "$congvan" export --db "$1" --format jsonl | grep -c '"type":"document"'; }

if [ "$documents" -gt 10000 ]; then
  count() { "$pg/psql" -At "$1" -c 'SELECT count(*) FROM documents'; }
  sample=$out/sample-2000
  if [ ! -d "$sample" ]; then
    mkdir -p "$sample"; find "$folder" -name '*.pdf' | sort | head -2000 | xargs -I{} ln -s {} "$sample/"
  fi
  sample_baseline() { find -L "$sample" -name '*.pdf' -print0 | xargs -0 -P "$1" -n 1 sh -c 'pdftotext "$0" - >/dev/null'; }
  sample_rate() { rate 2000 "$(seconds sample_baseline "$1")"; }  # pdftotext's documents/s, N at a time
  find -L "$sample" -name '*.pdf' -print0 | xargs -0 cat >/dev/null
  base1=$(sample_rate 1); base2=$(sample_rate 2)
  uri=$(database large)
  t_enqueue=$(seconds "$congvan" scan -q --enqueue "$folder" --db "$uri")
  printf 'the one walk of --enqueue: %.2f ms a file (%d files)\n' "$(echo "1000 * $t_enqueue / $documents" | bc -l)" "$documents"
  printf '%-44s %12s %14s\n' "what ($documents text PDFs queued)" documents/s "× pdftotext"
  windowed() {  # N queue workers for $window seconds: documents/s
    local n=$1 before after pids=()
    before=$(count "$uri")
    for _ in $(seq "$n"); do "$congvan" scan -q -j 1 --from-queue --db "$uri" >/dev/null 2>&1 & pids+=($!); done
    sleep "$window"; after=$(count "$uri")
    if [ "${2:-stop}" = stop ]; then kill -TERM "${pids[@]}" 2>/dev/null || true; fi
    for p in "${pids[@]}"; do wait "$p" || true; done
    rate $((after - before)) "$window"
  }
  one=$(windowed 1)
  printf '%-44s %12s %14s\n' "pdftotext, 1 at a time (2,000 of them)" "$base1" 1.00
  printf '%-44s %12s %14s\n' "1 queue worker -j1, PostgreSQL" "$one" "$(echo "scale=2; $one / $base1" | bc -l)"
  rm -f "$out"/merged-part.sqlite*
  part=$(count "$uri")
  /usr/bin/time -f '%M %e' -o "$out/merge-part.time" "$congvan" merge "$uri" -o "$out/merged-part.sqlite" >/dev/null 2>&1 || true
  t0=$(date +%s.%N)
  two=$(windowed 2 finish)
  t_rest=$(echo "$(date +%s.%N) - $t0" | bc -l)
  printf '%-44s %12s %14s\n' "pdftotext, 2 at a time (2,000 of them)" "$base2" 1.00
  printf '%-44s %12s %14s\n' "2 queue workers -j1, PostgreSQL" "$two" "$(echo "scale=2; $two / $base2" | bc -l)"
  printf 'two workers against one: %.2f× (pdftotext: %.2f×)\n' "$(echo "$two / $one" | bc -l)" "$(echo "$base2 / $base1" | bc -l)"
  printf 'the two workers finished the queue in %.0f s; rows: %s (each document once: %d)\n' "$t_rest" "$(count "$uri")" "$documents"
  t_again=$(seconds "$congvan" scan -q -j 1 "$folder" --db "$uri")
  printf 'a pass over the stored folder: %.2f ms a file\n' "$(echo "1000 * $t_again / $documents" | bc -l)"
  rm -f "$out"/merged-all.sqlite*
  /usr/bin/time -f '%M %e' -o "$out/merge-all.time" "$congvan" merge "$uri" -o "$out/merged-all.sqlite" >/dev/null 2>&1 || true
  read -r kb_part s_part <"$out/merge-part.time"; read -r kb_all s_all <"$out/merge-all.time"
  printf 'merge PostgreSQL -> SQLite: %s rows %.1f MiB peak %.1f s; %s rows %.1f MiB peak %.1f s (%.2f ms a row)\n' \
    "$part" "$(echo "$kb_part / 1024" | bc -l)" "$s_part" "$(count "$uri")" "$(echo "$kb_all / 1024" | bc -l)" "$s_all" \
    "$(echo "1000 * $s_all / $documents" | bc -l)"
  exit 0
fi

baseline 2 >/dev/null  # the files in the page cache for every run alike
printf '%-44s %8s %12s %14s\n' "what ($documents text PDFs)" seconds documents/s "× pdftotext"
for n in 1 2; do
  t_base=$(seconds baseline "$n")
  printf '%-44s %8.2f %12s %14s\n' "pdftotext, $n at a time" "$t_base" "$(rate "$documents" "$t_base")" 1.00
  rm -f "$out"/scan.sqlite*
  t_sqlite=$(seconds workers "$n" "$out/scan.sqlite")
  printf '%-44s %8.2f %12s %14s\n' "$n congvan scan -j1 into SQLite" "$t_sqlite" "$(rate "$documents" "$t_sqlite")" "$(echo "scale=2; $t_base / $t_sqlite" | bc -l)"
  uri=$(database "scan_$n")
  t_pg=$(seconds workers "$n" "$uri")
  printf '%-44s %8.2f %12s %14s\n' "$n congvan scan -j1 into PostgreSQL" "$t_pg" "$(rate "$documents" "$t_pg")" "$(echo "scale=2; $t_base / $t_pg" | bc -l)"
  # One walk fills the queue; the workers walk nothing (docs/scan.md).
  uri_queue=$(database "queue_$n")
  t_enqueue=$(seconds "$congvan" scan -q --enqueue "$folder" --db "$uri_queue")
  t_queue=$(seconds queue_workers "$n" "$uri_queue")
  printf '%-44s %8.2f %12s %14s\n' "$n congvan scan -j1 --from-queue, PostgreSQL" "$t_queue" "$(rate "$documents" "$t_queue")" "$(echo "scale=2; $t_base / $t_queue" | bc -l)"
done
printf 'the one walk of --enqueue: %.2f ms a file\n' "$(echo "1000 * $t_enqueue / $documents" | bc -l)"
echo "rows after 2 queue workers: $(rows "$uri_queue") (each document once: $documents)"
echo "rows after 2 workers: SQLite $(rows "$out/scan.sqlite"), PostgreSQL $(rows "$uri") (each document once: $documents)"

# The walk's cost: a pass over the folder when every document is stored (each file
# hashed and looked up; nothing read by a document's process).
t_again_sqlite=$(seconds "$congvan" scan -q -j 1 "$folder" --db "$out/scan.sqlite")
t_again_pg=$(seconds "$congvan" scan -q -j 1 "$folder" --db "$uri")
printf 'a pass over the stored folder: SQLite %.2f ms a file, PostgreSQL %.2f ms a file\n' \
  "$(echo "1000 * $t_again_sqlite / $documents" | bc -l)" "$(echo "1000 * $t_again_pg / $documents" | bc -l)"

# The database's cost per document: every row written again, nothing read from files.
rm -f "$out"/merged.sqlite*
t_merge_sqlite=$(seconds "$congvan" merge "$out/scan.sqlite" -o "$out/merged.sqlite")
t_merge_pg=$(seconds "$congvan" merge "$out/scan.sqlite" -o "$(database merged)")
printf 'database cost per document (congvan merge): SQLite %.2f ms, PostgreSQL %.2f ms\n' \
  "$(echo "1000 * $t_merge_sqlite / $documents" | bc -l)" "$(echo "1000 * $t_merge_pg / $documents" | bc -l)"
