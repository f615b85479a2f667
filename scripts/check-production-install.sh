#!/usr/bin/env bash
# Proves the production install works, on a clean copy of the project (the committed tree of HEAD,
# or of the commit named in CHECK_REF: no node_modules, build output or data): full install, build,
# remove the development dependencies, then start the app on a fresh SQLite database (it migrates
# and loads the demo organisation at start-up) and wait for /api/health; then run the compiled
# migration command once more.
#
#   npm run check:production-install      (part of .ci/run)
#
# Prints one line per step with its duration; exits non-zero with a line starting
# "Production install check FAILED" when any step fails.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pitfall-radar-production-XXXXXX")"
app="$work/app"
log="$work/server.log"
server_pid=""
started_all=$SECONDS

cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "Production install check FAILED: $*" >&2
  if [[ -s "$log" ]]; then
    echo "--- last lines of the app's output ---" >&2
    tail -n 30 "$log" >&2
  fi
  exit 1
}

step() {
  local name="$1"
  shift
  local started=$SECONDS
  local output="$work/step.log"
  if ! "$@" >"$output" 2>&1; then
    tail -n 30 "$output" >&2
    fail "$name"
  fi
  echo "production install: $name ($((SECONDS - started)) s)"
}

copy_committed_tree() {
  mkdir -p "$app"
  git -C "$root" archive --format=tar "${CHECK_REF:-HEAD}" | tar -C "$app" -xf -
}

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

step "clean copy of ${CHECK_REF:-HEAD} ($(git -C "$root" rev-parse --short "${CHECK_REF:-HEAD}"))" copy_committed_tree
cd "$app"
# The checkout's node_modules, when it is exactly what the lockfile says (CI has just run npm ci
# there), is copied instead of installed again: the same result, two to three minutes sooner.
# CHECK_FRESH_INSTALL=1 always runs npm ci in the copy.
if [[ "${CHECK_FRESH_INSTALL:-0}" != "1" && -f "$root/node_modules/.package-lock.json" ]] &&
  [[ "$root/node_modules/.package-lock.json" -nt "$root/package-lock.json" ]] &&
  cmp -s "$root/package-lock.json" "$app/package-lock.json"; then
  step "copy of the checkout's npm ci install" cp -a "$root/node_modules" "$app/node_modules"
  step "npm run postinstall (generate the Prisma clients)" npm run postinstall
else
  step "npm ci" npm ci --no-audit --no-fund --prefer-offline
fi
step "npm run build" npm run build
step "npm prune --omit=dev" npm prune --omit=dev --no-audit --no-fund

# What the issue warned about: a development dependency kept only because some production package
# lists it as an optional peer. Remove what is left of them, so the start below cannot lean on one.
leftovers=$(node -e '
  const fs = require("node:fs");
  const { devDependencies = {} } = JSON.parse(fs.readFileSync("package.json", "utf8"));
  console.log(Object.keys(devDependencies).filter((name) => fs.existsSync(`node_modules/${name}`)).join(" "));
')
if [[ -n "$leftovers" ]]; then
  for name in $leftovers; do rm -rf "node_modules/$name" "node_modules/.bin/$name"; done
  echo "production install: removed development dependencies the prune kept: $leftovers"
fi

port=$(free_port)
export DATABASE_URL="file:$work/production.db" PORT="$port" APP_URL="http://127.0.0.1:$port" DEMO_MODE=true
started=$SECONDS
setsid npm start >"$log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 90))
until health=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null); do
  kill -0 "$server_pid" 2>/dev/null || fail "npm start exited before serving /api/health"
  ((SECONDS < deadline)) || fail "/api/health did not answer within 90 s"
  sleep 0.5
done
[[ "$health" == *'"database":"ok"'* ]] || fail "/api/health answered $health"
grep -q "Applied [0-9]* migration(s)" "$log" || fail "npm start did not report applying the migrations"
grep -q "Loaded the demo organisation" "$log" || fail "npm start did not load the demo organisation"
echo "production install: npm start migrated, loaded the demo organisation and answered /api/health ($((SECONDS - started)) s): $health"
kill -TERM -- "-$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

step "compiled migration command (node build/scripts/db.mjs migrate)" bash -c \
  'node build/scripts/db.mjs migrate | tee /dev/stderr | grep -q "Database is up to date."'

echo "Production install check passed in $((SECONDS - started_all)) s."
