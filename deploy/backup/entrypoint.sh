#!/usr/bin/env bash
# Entrypoint of the backup image: runs ops/backup with the given arguments
# (--schedule by default), replacing this shell so that the scheduler is PID 1
# and receives Docker's SIGTERM itself. Any other command runs as given, for
# example "docker run IMAGE restore --help".
set -euo pipefail

if [[ $# -eq 0 || ${1:-} == --* ]]; then
    exec /usr/local/bin/backup "$@"
fi
exec "$@"
