#!/usr/bin/env bash
# Times webhook deliveries from event to receipt on the demo: a receiver on this machine is registered as an endpoint
# of Maison Verdier for new comments, then N comments (1,000 unless told) are posted through the API, one after the
# other, and each delivery's latency is the time from its event's timestamp to its receipt. Needs curl.
# Usage: bench/webhooks.sh [events]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
DATA=${BENCH_DATA:-target/bench-webhooks}
PORT=${BENCH_PORT:-7373}
HOOK_PORT=${BENCH_HOOK_PORT:-7374}
URL=http://localhost:$PORT
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}
[ -f target/atelier.jar ] || mvn -B -q package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA"
ATELIER_PORT=$PORT ATELIER_DB_URL="jdbc:sqlite:$DATA/atelier.db" ATELIER_DATA_DIR="$DATA" ATELIER_WEBHOOKS_PRIVATE=true \
  ATELIER_POSTS_PER_10_MINUTES=1000000 java $JAVA_OPTS -jar target/atelier.jar > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "$URL/health" >/dev/null; do sleep 0.5; done
JAR="$DATA/cookies"
token() { local page; page=$(curl -s -c "$JAR" -b "$JAR" "$URL$1"); grep -m1 -o 'name="csrf" value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//'; }
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "email=camille.martin@example.com" --data-urlencode "password=atelier-demo-2026" \
  --data-urlencode "csrf=$(token /login)" "$URL/login"
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(token /organisations/1/webhooks)" --data-urlencode "url=http://127.0.0.1:$HOOK_PORT/hook" \
  --data-urlencode "kind=SIGNED" --data-urlencode "events=comment.created" "$URL/organisations/1/webhooks"
# Each token has 120 calls a minute: enough of them to post without waiting.
TOKENS=()
for i in $(seq 1 $(( COUNT / 100 + 1 ))); do
  made=$(curl -s -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(token /account/tokens)" --data-urlencode "name=bench $i" --data-urlencode "scope=WRITE" \
    "$URL/account/tokens")
  TOKENS+=("$(grep -m1 -o 'atl_[A-Za-z0-9_-]*' <<<"$made")")
done
# An open challenge's first contribution takes the comments.
challenges=$(curl -s -H "Authorization: Bearer ${TOKENS[0]}" "$URL/api/v1/organisations/1/challenges")
CHALLENGE=$(grep -o '"id":[0-9]*,"organisationId":1,[^}]*"state":"OPEN"' <<<"$challenges" | head -1 | sed 's/"id":\([0-9]*\).*/\1/')
contributions=$(curl -s -H "Authorization: Bearer ${TOKENS[0]}" "$URL/api/v1/challenges/$CHALLENGE/contributions")
CONTRIBUTION=$(grep -o '"id":[0-9]*' <<<"$contributions" | head -1 | cut -d: -f2)
echo "comments on contribution $CONTRIBUTION of challenge $CHALLENGE, with ${#TOKENS[@]} tokens"
java bench/WebhookLatency.java "$HOOK_PORT" "$URL" "$CONTRIBUTION" "$COUNT" "${TOKENS[@]}"
