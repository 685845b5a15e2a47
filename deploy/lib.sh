# shellcheck shell=bash
# Functions shared by deploy/swarm-deploy and deploy/swarm-remove.
# Source it from bash; it sets no shell options itself.

# Print a progress line on stderr, prefixed with the calling script's name.
say() {
    echo "$(basename "$0"): $*" >&2
}

# Print an error on stderr and exit 1.
die() {
    echo "$(basename "$0"): error: $*" >&2
    exit 1
}

# Exit with an explanation unless the Docker daemon responds and this node is
# a Swarm manager.
require_swarm_manager() {
    command -v docker >/dev/null ||
        die "the docker command is missing; install Docker (Debian package docker.io)"
    local state
    state=$(docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null) ||
        die "cannot reach the Docker daemon; start dockerd or set DOCKER_HOST"
    case $state in
        "active true") ;;
        "active false") die "this node is a Swarm worker; run this script on a manager node" ;;
        *) die "this Docker daemon is not in a swarm (state '${state%% *}'); run 'docker swarm init' first" ;;
    esac
}

# Check that a stack name is usable as a prefix of Docker object names.
check_stack_name() {
    [[ $1 =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ ]] ||
        die "invalid stack name '$1': use letters, digits, '_', '.' and '-'"
}

# Print the calling script's header comment (from line 2 to the first line
# that is not a comment) as its help text.
print_usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}
