#!/usr/bin/env bash
# Health check of the db image: log in over TCP with the configured user and
# password and run a query, so a server that accepts connections but rejects
# the credentials, or cannot run queries, is reported unhealthy.
# During initialisation the temporary server listens on the Unix socket only,
# so this check fails until the real server is up.
set -euo pipefail

# Print VAR's value, or the content of the file named by VAR_FILE.
read_env() {
    local var=$1 default=$2
    local file_var=${var}_FILE
    if [[ -n ${!var:-} ]]; then
        printf '%s' "${!var}"
    elif [[ -n ${!file_var:-} ]]; then
        printf '%s' "$(<"${!file_var}")"
    else
        printf '%s' "$default"
    fi
}

user=$(read_env POSTGRES_USER postgres)
database=$(read_env POSTGRES_DB "$user")
PGPASSWORD=$(read_env POSTGRES_PASSWORD '')
export PGPASSWORD PGCONNECT_TIMEOUT=3

result=$(psql --no-psqlrc --no-password --host 127.0.0.1 --port 5432 \
    --username "$user" --dbname "$database" --tuples-only --no-align \
    --command 'SELECT 1')
[[ $result == 1 ]]
