# shellcheck shell=bash
# Helpers shared by the scripts in local/. Sourcing this file only defines functions.

# Prints a progress line prefixed with the script's name.
say() {
    echo "${0##*/}: $*"
}

# Prints an error prefixed with the script's name.
warn() {
    echo "${0##*/}: error: $*" >&2
}

# Prints an error prefixed with the script's name and exits 1.
die() {
    warn "$@"
    exit 1
}

# Prints the comment block at the top of the calling script, without the "# " marks.
print_usage() {
    sed -n '2,/^set -euo pipefail/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# Fails unless $1 is a TCP port number.
check_port() {
    if ! [[ $1 =~ ^[0-9]+$ ]] || ((10#$1 < 1 || 10#$1 > 65535)); then
        die "invalid port '$1': expected a number from 1 to 65535"
    fi
}

# Succeeds when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
