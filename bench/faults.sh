#!/usr/bin/env bash
# What an operator meets, measured on the jar with the README's settings:
#   bench/faults.sh restart   time from start to the first page (/), on the demo (first start, then a restart after a
#                             normal stop) and on the generated million-contribution database (target/bench/large.db,
#                             made by bench/run.sh), each followed by a normal stop that must leave no -wal behind
#   bench/faults.sh outage    what clients see while PostgreSQL is stopped for 30 s under a load of pages and
#                             comments: the answers' statuses counted, and whether every acknowledged comment is there.
#                             Needs a local cluster this script may stop, BENCH_PG_CLUSTER ("15 main"), and a role on
#                             it allowed to create the database atelier_outage: BENCH_PG ("atelier_test:secret@localhost:5432").
# Needs curl (and psql for the outage).
set -euo pipefail
# A start without demo data needs the operator's identity for its invoices (see the README).
export ATELIER_OPERATOR_NAME="Atelier Banc SAS" ATELIER_OPERATOR_STREET="1 rue du Banc" ATELIER_OPERATOR_POSTCODE=75011 \
  ATELIER_OPERATOR_CITY=Paris ATELIER_OPERATOR_SIREN=900000001 ATELIER_OPERATOR_VAT=FR68900000001 \
  ATELIER_OPERATOR_IBAN=FR7630004000031234567890143
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-7172}
URL=http://localhost:$PORT
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}
[ -f target/atelier.jar ] || mvn -B -q package -DskipTests
WORK=$(mktemp -d)
trap '[ -z "$APP" ] || kill $APP 2>/dev/null; rm -rf "$WORK"' EXIT

APP=
seconds() { awk -v ns=$(( $(date +%s%N) - $1 )) 'BEGIN { printf "%.2f s", ns / 1e9 }'; }

start() { # data dir, database url, demo -> the process in APP, the seconds to the first page in TOOK
  local t0
  t0=$(date +%s%N)
  ATELIER_PORT=$PORT ATELIER_DATA_DIR=$1 ATELIER_DB_URL=$2 ATELIER_DEMO=$3 ATELIER_POSTS_PER_10_MINUTES=100000 \
    java $JAVA_OPTS -jar target/atelier.jar >>"$1/app.log" 2>&1 &
  APP=$!
  until curl -sf -o /dev/null "$URL/"; do kill -0 $APP 2>/dev/null || { tail -5 "$1/app.log"; exit 1; }; sleep 0.02; done
  TOOK=$(seconds "$t0")
}

stop() { # a normal stop, as docker stop sends it -> the seconds it took in TOOK
  local t0
  t0=$(date +%s%N)
  kill -TERM $APP
  wait $APP || true
  APP=
  TOOK=$(seconds "$t0")
}

restart() {
  echo "| database | start to first page | stop | after the stop |"
  echo "|---|---|---|---|"
  mkdir -p "$WORK/demo"
  measure "demo, first start (writes the demo)" "$WORK/demo" "jdbc:sqlite:$WORK/demo/atelier.db" true
  measure "demo, restart" "$WORK/demo" "jdbc:sqlite:$WORK/demo/atelier.db" true
  if [ -f target/bench/large.db ]; then
    mkdir -p "$WORK/large"
    for run in 1 2; do measure "a million contributions, restart $run" "$WORK/large" "jdbc:sqlite:$PWD/target/bench/large.db" false; done
  fi
}

measure() { # what, data dir, database url, demo -> one row
  local started file=${3#jdbc:sqlite:}
  start "$2" "$3" "$4"
  started=$TOOK
  stop
  echo "| $1 | $started | $TOOK | $([ -e "$file-wal" ] && echo "a -wal is left" || echo "no -wal left") |"
}

sign_in() { # email -> "cookie token"
  local jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "$URL/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$1" --data-urlencode "password=atelier-demo-2026" --data-urlencode "csrf=$token" "$URL/login"
  token=$(curl -s -c "$jar" -b "$jar" "$URL/" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  echo "atelier_session=$(awk '$6 == "atelier_session" { print $7 }' "$jar") $token"
  rm -f "$jar"
}

outage() {
  : "${BENCH_PG_CLUSTER:?say which cluster to stop, such as \"15 main\"}" "${BENCH_PG:?say who connects where, such as user:password@localhost:5432}"
  local login=${BENCH_PG%@*} where=${BENCH_PG#*@}
  local db="jdbc:postgresql://$where/atelier_outage?user=${login%%:*}&password=${login#*:}"
  PSQL=(psql -qtA "postgresql://$BENCH_PG/postgres")
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS atelier_outage WITH (FORCE)" -c "CREATE DATABASE atelier_outage"
  PSQL=(psql -qtA "postgresql://$BENCH_PG/atelier_outage")
  mkdir -p "$WORK/pg"
  start "$WORK/pg" "$db" true
  echo "started on PostgreSQL with the demo in $TOOK"
  local contribution
  contribution=$("${PSQL[@]}" -c "SELECT c.id FROM contribution c JOIN challenge ch ON ch.id = c.challenge_id JOIN organisation o ON o.id = ch.organisation_id
    WHERE o.name = 'Maison Verdier' AND ch.state = 'OPEN' ORDER BY c.id LIMIT 1")
  read -r cookie token <<<"$(sign_in camille.martin@example.com)"
  local running=$WORK/running
  touch "$running"
  for client in 1 2 3 4; do
    (n=0; while [ -e "$running" ]; do
      n=$((n + 1))
      if [ $((client % 2)) = 0 ]; then
        code=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -b "$cookie" --data-urlencode "csrf=$token" --data-urlencode "body=outage $client-$n" "$URL/contributions/$contribution/comments")
        [ "$code" = 302 ] && echo "outage $client-$n" >>"$WORK/acknowledged"
      else
        code=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -b "$cookie" "$URL/contributions/$contribution")
      fi
      echo "$(date +%s) $code" >>"$WORK/statuses"
      sleep 0.1
    done) &
  done
  sleep 10
  local stopped_at
  stopped_at=$(date +%s)
  pg_ctlcluster $BENCH_PG_CLUSTER stop -m fast
  sleep 30
  pg_ctlcluster $BENCH_PG_CLUSTER start
  local back_at
  back_at=$(date +%s)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$URL/contributions/$contribution")" = 200 ]; do sleep 0.2; done
  echo "PostgreSQL stopped for 30 s; pages again $(( $(date +%s) - back_at )) s after it was back"
  sleep 10
  rm -f "$running"
  sleep 1
  echo "| when | answers by status |"
  echo "|---|---|"
  echo "| before | $(awk -v a=$stopped_at '$1 < a { print $2 }' "$WORK/statuses" | sort | uniq -c | awk '{ printf "%s: %s  ", $2, $1 }') |"
  echo "| during the 30 s | $(awk -v a=$stopped_at -v b=$back_at '$1 >= a && $1 < b { print $2 }' "$WORK/statuses" | sort | uniq -c | awk '{ printf "%s: %s  ", $2, $1 }') |"
  echo "| after | $(awk -v b=$back_at '$1 >= b { print $2 }' "$WORK/statuses" | sort | uniq -c | awk '{ printf "%s: %s  ", $2, $1 }') |"
  local missing=0
  while read -r body; do
    [ "$("${PSQL[@]}" -c "SELECT count(*) FROM comment WHERE body = '$body'")" = 1 ] || missing=$((missing + 1))
  done <"$WORK/acknowledged"
  echo "acknowledged comments: $(wc -l <"$WORK/acknowledged"), missing: $missing"
  stop
}

"${1:?say restart or outage}"
