#!/usr/bin/env bash
# Measures Atelier's pages on a generated community of a million contributions and on one a hundred times
# smaller, each page's throughput beside /health in the same run. Needs wrk, curl and sqlite3
# (apt-get install -y wrk curl sqlite3). Usage: bench/run.sh [seconds per measure, default 10]
set -euo pipefail
# A start without demo data needs the operator's identity for its invoices (see the README).
export ATELIER_OPERATOR_NAME="Atelier Banc SAS" ATELIER_OPERATOR_STREET="1 rue du Banc" ATELIER_OPERATOR_POSTCODE=75011 \
  ATELIER_OPERATOR_CITY=Paris ATELIER_OPERATOR_SIREN=900000001 ATELIER_OPERATOR_VAT=FR68900000001 \
  ATELIER_OPERATOR_IBAN=FR7630004000031234567890143
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
DATA=${BENCH_DATA:-target/bench}
PORT=${BENCH_PORT:-7171}
URL=http://localhost:$PORT
export BENCH_DIR=$PWD/bench
# The settings the README and the Dockerfile start the platform with.
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}
mkdir -p "$DATA"
[ -f target/atelier.jar ] || mvn -B -q package -DskipTests
[ -f "$DATA/large.db" ] || java -Xmx1g -cp target/atelier.jar app.atelier.demo.Generator "$DATA/large.db" 1 | grep -v INFO
[ -f "$DATA/small.db" ] || java -Xmx1g -cp target/atelier.jar app.atelier.demo.Generator "$DATA/small.db" 0.01 | grep -v INFO

declare -A RPS P50
measure() { # name path connections [script] [cookie] -> one table row
  local line
  line=$(wrk -t2 -c"$3" -d"${SECONDS_EACH}s" --latency -s "${4:-bench/page.lua}" ${5:+-H "Cookie: $5"} "$URL$2" 2>/dev/null | grep '^RESULT') || line="RESULT 0 0 0 -1 0"
  read -r _ rps p50 p99 errors bytes <<<"$line"
  RPS[$DB/$1]=$rps; P50[$DB/$1]=$p50
  [ "$2" = /health ] && HEALTH=$rps # every ratio is to /health measured just before, in the same process
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$DB" "$1" "$rps" "$p50" "$p99" "$errors" "$bytes" \
    "$(awk -v a="$rps" -v b="$HEALTH" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }')"
}

# The cursor of page 2,000 (rows 39,981 to 40,000) of challenge 1 in an order, read as the app writes it.
deep() { sqlite3 "$DATA/$DB.db" "SELECT $1 || '_' || id FROM contribution WHERE challenge_id = 1 ORDER BY $2 LIMIT 1 OFFSET $(( $3 - 1 ))"; }

sign_in() { # member number -> "cookie token"
  local jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "$URL/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=member$1@example.test" \
    --data-urlencode "password=generated members' password" --data-urlencode "csrf=$token" "$URL/login"
  token=$(curl -s -c "$jar" -b "$jar" "$URL/" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  echo "atelier_session=$(awk '$6 == "atelier_session" { print $7 }' "$jar") $token"
  rm -f "$jar"
}

echo "| database | page | req/s | p50 ms | p99 ms | errors | bytes | of /health |"
echo "|---|---|---|---|---|---|---|---|"
for DB in small large; do
  cp "$DATA/$DB.db" "$DATA/run.db"; rm -f "$DATA/run.db-wal" "$DATA/run.db-shm"
  ATELIER_DEMO=false ATELIER_PORT=$PORT ATELIER_DB_URL="jdbc:sqlite:$DATA/run.db" ATELIER_DATA_DIR="$DATA" \
    java $JAVA_OPTS -jar target/atelier.jar > "$DATA/app-$DB.log" 2>&1 &
  APP=$!
  until curl -sf "$URL/health" >/dev/null; do sleep 0.2; done
  for warm in /health /challenges/1 /contributions/1; do wrk -t2 -c32 -d4s "$URL$warm" >/dev/null 2>&1; done
  measure "/health" /health 32
  measure "home" / 32
  measure "organisation" /organisations/1 32
  BIG=$(sqlite3 "$DATA/$DB.db" "SELECT contribution_count FROM challenge WHERE id = 1")
  ROW=$(( BIG * 2 / 5 ))
  measure "challenge, top, page 1" "/challenges/1?sort=top" 32
  measure "challenge, top, 40 % down" "/challenges/1?sort=top&after=$(deep vote_count 'vote_count DESC, id DESC' $ROW)" 32
  measure "challenge, newest, page 1" "/challenges/1?sort=newest" 32
  measure "challenge, newest, 40 % down" "/challenges/1?sort=newest&after=$(deep id 'id DESC' $ROW)" 32
  measure "challenge, trending, 40 % down" "/challenges/1?sort=trending&after=$(deep trending 'trending DESC, id DESC' $ROW)" 32
  measure "challenge, random, page 1" "/challenges/1?sort=random" 32
  measure "challenge, status filter none match" "/challenges/1?sort=top&status=DUPLICATE" 32
  measure "contribution, 1,200 comments" /contributions/1 32
  OWNER=$(sign_in 1) # member 1 owns organisation 1, whose challenge 1 is
  measure "contribution, 1,200 comments, as its owner" /contributions/1 32 bench/page.lua "${OWNER% *}"
  measure "leaderboard, this month" /leaderboard 32
  measure "leaderboard, all time" "/leaderboard?period=all" 32
  measure "leaderboard, one organisation" "/leaderboard?organisation=1&period=all" 32
  measure "profile" /members/2 32
  measure "experts directory" /experts 32
  MEMBER=$(sign_in 2)
  measure "my rewards" /rewards 32 bench/page.lua "${MEMBER% *}"
  for d in /challenges/1/dashboard /organisations/1/dashboard; do curl -s -o /dev/null -H "Cookie: ${OWNER% *}" "$URL$d"; done
  sleep 8 # the first view starts the counting, which the next ones read
  measure "dashboard, challenge 1" /challenges/1/dashboard 8 bench/page.lua "${OWNER% *}"
  measure "dashboard, organisation 1" /organisations/1/dashboard 8 bench/page.lua "${OWNER% *}"
  measure "search, a word in one item" "/search?q=$(( BIG / 2 ))" 8
  measure "search, a word in most items" "/search?q=enamel" 8
  measure "search, two common words" "/search?q=cast+iron" 8
  for i in $(seq 100 163); do sign_in "$i"; done > "$DATA/sessions.txt"
  BENCH_SESSIONS="$(cd "$DATA" && pwd)/sessions.txt" BENCH_CONTRIBUTIONS=$BIG measure "vote POST, 64 clients" /contributions/1/vote 64 bench/vote.lua
  kill -0 $APP
  echo "<!-- $DB: load average $(cut -d' ' -f1-3 /proc/loadavg); resident memory peak $(awk '/VmHWM/ { print $2 / 1024 " MB" }' /proc/$APP/status); counters equal to rows: $(sqlite3 "$DATA/run.db" "SELECT (SELECT sum(vote_count) FROM contribution) = (SELECT count(*) FROM vote)") -->"
  kill $APP; wait $APP 2>/dev/null || true
done
echo
echo "| page | small req/s | large req/s | large/small | small p50 ms | large p50 ms |"
echo "|---|---|---|---|---|---|"
for key in "${!RPS[@]}"; do
  [ "${key%%/*}" = small ] || continue
  name=${key#small/}
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "${RPS[small/$name]}" "${RPS[large/$name]:-}" \
    "$(awk -v a="${RPS[large/$name]:-0}" -v b="${RPS[small/$name]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "${P50[small/$name]}" "${P50[large/$name]:-}"
done | sort
