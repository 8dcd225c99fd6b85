#!/usr/bin/env bash
# Writes one migration per SQL engine (src/migrations/sqlite, src/migrations/postgres) from the
# current collections. Run it after every schema change and commit the result.
#   npm run migrate:create -- <name>
#   npm run migrate:check            (CI: fails when a schema change has no migration yet)
# Needs a PostgreSQL server: POSTGRES_ADMIN_URI (default postgres://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-schema}"
check=false
[ "$name" = "--check" ] && { check=true; name=unmigrated_change; }
admin_uri="${POSTGRES_ADMIN_URI:-postgres://postgres@127.0.0.1:5432/test}"
scratch="$(mktemp -d)"
db="yixun_migrate_$$"
trap 'rm -rf "$scratch"; psql "$admin_uri" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true' EXIT

export NODE_OPTIONS='--no-deprecation --conditions=production' PAYLOAD_MIGRATING=true LOG_LEVEL=warn
extra=()
$check && extra=(--skip-empty)
before="$(ls src/migrations/sqlite src/migrations/postgres)"
DATABASE_URI="file:$scratch/scratch.db" npx payload migrate:create "$name" "${extra[@]}"
psql "$admin_uri" -qc "create database $db"
DATABASE_URI="${admin_uri%/*}/$db" npx payload migrate:create "$name" "${extra[@]}"

if $check; then
  after="$(ls src/migrations/sqlite src/migrations/postgres)"
  if [ "$before" != "$after" ]; then
    git checkout -- src/migrations/sqlite/index.ts src/migrations/postgres/index.ts 2>/dev/null || true
    find src/migrations -name '*_unmigrated_change.*' -delete
    echo "The collections changed without a migration: run 'npm run migrate:create -- <name>' and commit it." >&2
    exit 1
  fi
  echo "Migrations match the collections."
fi
