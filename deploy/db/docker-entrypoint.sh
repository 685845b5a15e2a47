#!/usr/bin/env bash
# Entrypoint of the db image. It follows the official postgres image's
# interface:
#   POSTGRES_PASSWORD   superuser password, required to initialise a cluster
#   POSTGRES_USER       superuser name (default postgres)
#   POSTGRES_DB         database created at initialisation (default POSTGRES_USER)
#   POSTGRES_INITDB_ARGS  extra initdb arguments
#   POSTGRES_HOST_AUTH_METHOD  pg_hba method for host connections
#                       (default scram-sha-256)
#   *_FILE              each of the above read from a file, e.g. a Docker secret
#   /docker-entrypoint-initdb.d/*.sh, *.sql, *.sql.gz  run once after initdb
# A cluster is initialised only when PGDATA contains none. The server then
# replaces this shell (exec), so PostgreSQL is PID 1 and gets Docker's stop
# signal itself.
set -Eeuo pipefail

log() {
    echo "db-entrypoint: $*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# Set VAR from VAR or from the file named by VAR_FILE, which must not both be
# set. The command substitution drops the file's trailing newlines.
file_env() {
    local var=$1 default=${2:-}
    local file_var=${var}_FILE
    if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
        die "both $var and $file_var are set; set only one of them"
    fi
    local value=$default
    if [[ -n ${!var:-} ]]; then
        value=${!var}
    elif [[ -n ${!file_var:-} ]]; then
        [[ -r ${!file_var} ]] || die "$file_var=${!file_var} is not a readable file"
        value=$(<"${!file_var}")
    fi
    export "$var=$value"
    unset "$file_var"
}

# Run psql on the local socket, stopping at the first failed statement.
run_psql() {
    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password "$@"
}

# Create PGDATA with owner-only access. Runs as root only when the container
# was started as root, e.g. with a bind mount owned by another user.
prepare_data_dir() {
    mkdir -p "$PGDATA"
    chmod 700 "$PGDATA" || true
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres:postgres "$PGDATA" /var/run/postgresql
    fi
}

init_cluster() {
    if [[ -z $POSTGRES_PASSWORD && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
        die "the data folder $PGDATA is empty and POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is not set; set it to initialise the database"
    fi
    log "initialising a cluster in $PGDATA for user $POSTGRES_USER"

    # initdb reads the password from a file, and a pipe keeps it off disk.
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of arguments.
    initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
        --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host="$POSTGRES_HOST_AUTH_METHOD" $POSTGRES_INITDB_ARGS

    # initdb's pg_hba.conf admits host connections from loopback only, but the
    # clients connect over the stack's overlay network.
    {
        echo
        echo "host all all all $POSTGRES_HOST_AUTH_METHOD"
    } >>"$PGDATA/pg_hba.conf"
    {
        echo
        echo "# Set by the db image's entrypoint."
        echo "listen_addresses = '*'"
        echo "password_encryption = scram-sha-256"
    } >>"$PGDATA/postgresql.conf"

    # A temporary server on the Unix socket only, so no client can connect
    # over TCP before initialisation is complete.
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -p 5432" start >/dev/null

    if [[ $POSTGRES_DB != postgres ]]; then
        log "creating database $POSTGRES_DB"
        run_psql --dbname postgres --set db="$POSTGRES_DB" \
            <<<'CREATE DATABASE :"db";'
    fi

    local script
    for script in /docker-entrypoint-initdb.d/*; do
        case $script in
            *.sh)
                log "running $script"
                # shellcheck disable=SC1090
                . "$script"
                ;;
            *.sql)
                log "running $script"
                run_psql --dbname "$POSTGRES_DB" -f "$script"
                ;;
            *.sql.gz)
                log "running $script"
                gunzip -c "$script" | run_psql --dbname "$POSTGRES_DB"
                ;;
            *) [[ -e $script ]] && log "ignoring $script" ;;
        esac
    done

    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
    log "initialisation complete"
}

main() {
    # "docker run IMAGE -c key=value" passes server options, as in the
    # official image.
    if [[ ${1:-} == -* ]]; then
        set -- postgres "$@"
    fi
    if [[ ${1:-} != postgres ]]; then
        exec "$@"
    fi

    file_env POSTGRES_PASSWORD
    file_env POSTGRES_USER postgres
    file_env POSTGRES_DB "$POSTGRES_USER"
    file_env POSTGRES_INITDB_ARGS
    file_env POSTGRES_HOST_AUTH_METHOD scram-sha-256

    prepare_data_dir
    if [[ $(id -u) -eq 0 ]]; then
        # PostgreSQL refuses to run as root: start again as postgres.
        exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
    fi

    if [[ ! -s $PGDATA/PG_VERSION ]]; then
        init_cluster
    else
        log "using the existing cluster in $PGDATA"
    fi

    # Only initialisation needs the password, so the server's environment
    # does not get it.
    unset POSTGRES_PASSWORD
    exec "$@"
}

main "$@"
