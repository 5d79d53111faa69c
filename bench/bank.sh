#!/usr/bin/env bash
# Times the import of a bank statement of N entries (10,000 unless told) into the demo, through the admin's page, as
# the running app receives it. Needs curl. Usage: bench/bank.sh [entries]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
DATA=${BENCH_DATA:-target/bench-bank}
PORT=${BENCH_PORT:-7272}
URL=http://localhost:$PORT
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}
[ -f target/atelier.jar ] || mvn -B -q package -DskipTests
[ -d target/test-classes/app/atelier/support ] || mvn -B -q test-compile
rm -rf "$DATA" && mkdir -p "$DATA"
# The statement is written with the tests' builder and the whole ISO 20022 model (the jar keeps only what the app reads).
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$DATA/classpath" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$DATA/classpath")" bench/Statement.java "$COUNT" "$DATA/statement.xml"
echo "statement: $COUNT entries, $(du -k "$DATA/statement.xml" | cut -f1) KB"
ATELIER_PORT=$PORT ATELIER_DB_URL="jdbc:sqlite:$DATA/atelier.db" ATELIER_DATA_DIR="$DATA" java $JAVA_OPTS -jar target/atelier.jar > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "$URL/health" >/dev/null; do sleep 0.5; done
JAR="$DATA/cookies"
token() { local page; page=$(curl -s -c "$JAR" -b "$JAR" "$URL$1"); grep -m1 -o 'name="csrf" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//'; }
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "email=admin@example.com" --data-urlencode "password=atelier-demo-2026" \
  --data-urlencode "csrf=$(token /login)" "$URL/login"
CSRF=$(token /admin/bank)
for run in first again; do
  curl -s -o /dev/null -c "$JAR" -b "$JAR" -F "csrf=$CSRF" -F "statement=@$DATA/statement.xml;type=application/xml" \
    -w "$run import: HTTP %{http_code} in %{time_total} s\n" "$URL/admin/bank/statements"
  curl -s -c "$JAR" -b "$JAR" "$URL/admin/bank" | grep -o '<p class="notice"[^>]*>[^<]*' | sed 's/.*>//' || true
  CSRF=$(token /admin/bank)
done
