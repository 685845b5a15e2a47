# shellcheck shell=bash
# Functions shared by ops/backup and ops/restore, on the local stack and in the
# backup image. Sourcing this file only defines functions and variables.

# The folder that contains ops/: the repository root, or /opt/conduit in the image.
ops_root=$(cd "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/../.." && pwd)

# PostgreSQL 15 client programs. /usr/bin/pg_dump is Debian's wrapper, which picks a
# version by itself, so the versioned folder wins when it exists.
if [[ -x /usr/lib/postgresql/15/bin/pg_dump ]]; then
    pg_bin=/usr/lib/postgresql/15/bin/
else
    pg_bin=
fi

# Prints $1 as a JSON string, quotes included. Control characters other than
# newline, carriage return and tab become spaces.
json_string() {
    local text=${1//\\/\\\\}
    text=${text//\"/\\\"}
    text=${text//$'\n'/\\n}
    text=${text//$'\r'/\\r}
    text=${text//$'\t'/\\t}
    text=${text//[$'\001'-$'\037']/ }
    printf '"%s"' "$text"
}

# Prints the current UTC time as RFC 3339 with milliseconds.
utc_now() {
    local now=${EPOCHREALTIME/./}
    printf '%(%Y-%m-%dT%H:%M:%S)T.%03dZ' "${now:0:-6}" "$((10#${now: -6} / 1000))"
}

# Writes one JSON log line to stderr: log_json LEVEL MESSAGE [KEY VALUE]...
# A value that is an integer is written as a JSON number, anything else as a string.
log_json() {
    local level=$1 message=$2 line
    shift 2
    line="{\"time\":\"$(TZ=UTC utc_now)\",\"level\":\"$level\",\"program\":\"${0##*/}\",\"msg\":$(json_string "$message")"
    while (($# >= 2)); do
        if [[ $2 =~ ^-?[0-9]+$ ]]; then
            line+=",\"$1\":$2"
        else
            line+=",\"$1\":$(json_string "$2")"
        fi
        shift 2
    done
    echo "$line}" >&2
}

# Prints a plain progress line for a person at a terminal.
say() {
    echo "${0##*/}: $*"
}

# Prints an error and exits 1.
die() {
    echo "${0##*/}: error: $*" >&2
    exit 1
}

# Prints the comment block at the top of the calling script, without the "# " marks.
print_usage() {
    sed -n '2,/^set -euo pipefail/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# Prints a byte count with a binary unit, for example "1.4 MiB".
human_size() {
    local bytes=$1
    if ((bytes < 1024)); then
        echo "$bytes B"
    elif ((bytes < 1024 * 1024)); then
        echo "$((bytes * 10 / 1024 / 10)).$((bytes * 10 / 1024 % 10)) KiB"
    elif ((bytes < 1024 * 1024 * 1024)); then
        echo "$((bytes * 10 / 1048576 / 10)).$((bytes * 10 / 1048576 % 10)) MiB"
    else
        echo "$((bytes * 10 / 1073741824 / 10)).$((bytes * 10 / 1073741824 % 10)) GiB"
    fi
}

# Sets the libpq variables and BACKUP_DIR from the environment, with the local stack's
# values as defaults: PGHOST 127.0.0.1, PGPORT $PG_PORT (5433), user and database
# conduit, dumps in $STATE_DIR/backups. The backup image sets all of them for the swarm.
load_connection_settings() {
    local_state_dir=$(realpath -m -- "${STATE_DIR:-$ops_root/.local}")
    export PGHOST=${PGHOST:-127.0.0.1}
    export PGPORT=${PGPORT:-${PG_PORT:-5433}}
    export PGUSER=${PGUSER:-conduit}
    export PGDATABASE=${PGDATABASE:-conduit}
    export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
    export PGAPPNAME=${PGAPPNAME:-conduit-${0##*/}}
    BACKUP_DIR=$(realpath -m -- "${BACKUP_DIR:-$local_state_dir/backups}")
}

# Reads the database password into db_password: from PGPASSWORD, else from the file
# PGPASSWORD_FILE names (default $STATE_DIR/secrets/db_password; on the swarm a Docker
# secret). pg_run hands it to the PostgreSQL programs in their environment only, never
# on a command line.
load_password() {
    if [[ -n ${PGPASSWORD:-} && -n ${PGPASSWORD_FILE:-} ]]; then
        die "both PGPASSWORD and PGPASSWORD_FILE are set; set only one of them"
    fi
    if [[ -n ${PGPASSWORD:-} ]]; then
        db_password=$PGPASSWORD
    else
        local file=${PGPASSWORD_FILE:-$local_state_dir/secrets/db_password}
        [[ -r $file ]] ||
            die "cannot read the database password file $file; set PGPASSWORD_FILE (see --help)"
        # $(<file) drops the trailing newline that a secret file may end with.
        db_password=$(<"$file")
    fi
    [[ -n $db_password ]] || die "the database password is empty"
}

# Runs a PostgreSQL client program ($1, for example psql) with the password in its
# environment only.
pg_run() {
    local program=$1
    shift
    PGPASSWORD=$db_password "$pg_bin$program" "$@"
}

# Runs one SQL statement on database $1 with psql and prints the rows, fields
# separated by tabs.
pg_query() {
    local database=$1 sql=$2
    pg_run psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -d "$database" -c "$sql"
}

# Prints the dump files in BACKUP_DIR, one name a line, oldest first. Names carry the
# UTC time of the dump, so the name order is the time order.
list_dumps() {
    find "$BACKUP_DIR" -maxdepth 1 -type f -name 'conduit-[0-9]*T[0-9]*Z.dump' -printf '%f\n' |
        LC_ALL=C sort
}
