#!/usr/bin/env bash
# Writes one migration per SQL engine (src/migrations/sqlite, src/migrations/postgres) from the
# current collections. Run it after every schema change and commit the result.
#   npm run migrate:create -- <name>
# Needs a PostgreSQL server: POSTGRES_ADMIN_URI (default postgres://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-schema}"
admin_uri="${POSTGRES_ADMIN_URI:-postgres://postgres@127.0.0.1:5432/test}"
scratch="$(mktemp -d)"
db="yixun_migrate_$$"
trap 'rm -rf "$scratch"; psql "$admin_uri" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true' EXIT

export NODE_OPTIONS='--no-deprecation --conditions=production' PAYLOAD_MIGRATING=true
DATABASE_URI="file:$scratch/scratch.db" npx payload migrate:create "$name"
psql "$admin_uri" -qc "create database $db"
DATABASE_URI="${admin_uri%/*}/$db" npx payload migrate:create "$name"
