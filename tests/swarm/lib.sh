# shellcheck shell=bash
# Docker and Swarm set-up for tests/swarm/run: start dockerd, build the base
# image offline and join a one-node swarm, each only when missing, and undo
# what was started on exit.
#
# Expects: state_dir (git-ignored cache folder), log_dir, and the functions
# say and die from the caller.
# shellcheck disable=SC2154 # state_dir and log_dir are the caller's.

docker_dir=${SWARM_DOCKER_DIR:-/var/lib/conduit-swarm}
docker_exec_root=/run/conduit-swarm-docker
dockerd_pid=""
swarm_initialised=false
gwbridge_created=false

# Install the Debian packages the test needs when their commands are missing.
install_missing_packages() {
    local packages=()
    command -v dockerd >/dev/null || packages+=(docker.io)
    command -v debootstrap >/dev/null || packages+=(debootstrap)
    command -v curl >/dev/null || packages+=(curl)
    command -v ss >/dev/null || packages+=(iproute2)
    [[ ${#packages[@]} -eq 0 ]] && return 0
    [[ $(id -u) -eq 0 ]] || die "missing packages ${packages[*]}; install them as root"
    say "installing ${packages[*]}"
    if ! DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log_dir/apt.log" 2>&1 ||
        ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >>"$log_dir/apt.log" 2>&1; then
        die "apt-get install ${packages[*]} failed; see $log_dir/apt.log"
    fi
}

# Start dockerd unless a daemon already responds. Docker's address ranges are
# moved to 198.18.0.0/15 (reserved for benchmarking, RFC 2544), away from the
# private ranges the machine's own networks may use.
start_dockerd() {
    if docker info >/dev/null 2>&1; then
        say "using the running Docker daemon"
        return 0
    fi
    if pgrep -x dockerd >/dev/null; then
        die "a dockerd process runs but does not respond on ${DOCKER_HOST:-the default socket}; point DOCKER_HOST at it or stop it"
    fi
    [[ $(id -u) -eq 0 ]] || die "dockerd is not running and starting it needs root"

    mkdir -p "$docker_dir"
    say "starting dockerd (data in $docker_dir, log $docker_dir/dockerd.log)"
    dockerd --data-root "$docker_dir/data" --exec-root "$docker_exec_root" \
        --pidfile "$docker_dir/dockerd.pid" \
        --bip 198.19.255.1/24 --default-address-pool base=198.19.0.0/17,size=24 \
        >"$docker_dir/dockerd.log" 2>&1 &
    dockerd_pid=$!

    local deadline=$((SECONDS + 60))
    until docker info >/dev/null 2>&1; do
        kill -0 "$dockerd_pid" 2>/dev/null ||
            die "dockerd exited while starting; see $docker_dir/dockerd.log"
        ((SECONDS < deadline)) || die "dockerd did not respond within 60s; see $docker_dir/dockerd.log"
        sleep 1
    done
}

# Stop the dockerd this script started (by its PID) and wait for it to exit.
# A daemon that runs containers of others (e.g. a test that started while
# this one ran) is left running, with a message.
stop_dockerd() {
    [[ -n $dockerd_pid ]] || return 0
    local others
    others=$(docker ps --format '{{.Names}}' 2>/dev/null | paste -sd ' ')
    if [[ -n $others ]]; then
        say "left dockerd (PID $dockerd_pid) running because containers run on it: $others"
        say "stop it with: kill $dockerd_pid"
        return 0
    fi
    say "stopping dockerd (PID $dockerd_pid)"
    kill -TERM "$dockerd_pid" 2>/dev/null || return 0
    local deadline=$((SECONDS + 60))
    while kill -0 "$dockerd_pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            say "dockerd (PID $dockerd_pid) still runs after 60s; stopping it with SIGKILL"
            kill -KILL "$dockerd_pid" 2>/dev/null || true
            break
        fi
        sleep 1
    done
    wait "$dockerd_pid" 2>/dev/null || true
    dockerd_pid=""
}

# Import debian:bookworm-slim from a debootstrap tree when the image is
# missing: there is no image registry. The tarball is cached in state_dir.
ensure_base_image() {
    if docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
        return 0
    fi
    local tarball=$state_dir/debian-bookworm-minbase.tar
    if [[ ! -s $tarball ]]; then
        local rootfs=$state_dir/rootfs
        rm -rf "$rootfs"
        say "building the debian:bookworm-slim base image with debootstrap"
        debootstrap --variant=minbase bookworm "$rootfs" >"$log_dir/debootstrap.log" 2>&1 ||
            die "debootstrap failed; see $log_dir/debootstrap.log"
        # Package caches only make the image larger; every Dockerfile runs
        # apt-get update itself.
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
        if ! tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" . ||
            ! mv "$tarball.partial" "$tarball"; then
            die "packing $rootfs into $tarball failed"
        fi
        rm -rf "$rootfs"
    fi
    say "importing $tarball as debian:bookworm-slim"
    docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' \
        "$tarball" debian:bookworm-slim >/dev/null || die "docker import of $tarball failed"
}

# Join a one-node swarm unless this daemon is in one. docker_gwbridge is
# created first so that it takes an address range of our choice.
ensure_swarm() {
    local state
    state=$(docker info --format '{{.Swarm.LocalNodeState}}')
    if [[ $state == active ]]; then
        [[ $(docker info --format '{{.Swarm.ControlAvailable}}') == true ]] ||
            die "this node is a Swarm worker; run the test on a manager"
        say "using the existing swarm"
        return 0
    fi
    if ! docker network inspect docker_gwbridge >/dev/null 2>&1; then
        docker network create --subnet 198.19.254.0/24 \
            --opt com.docker.network.bridge.name=docker_gwbridge \
            --opt com.docker.network.bridge.enable_icc=false \
            --opt com.docker.network.bridge.enable_ip_masquerade=true \
            docker_gwbridge >/dev/null || die "creating the docker_gwbridge network failed"
        gwbridge_created=true
    fi
    say "initialising a one-node swarm"
    docker swarm init --advertise-addr 127.0.0.1 --default-addr-pool 198.18.0.0/16 \
        >"$log_dir/swarm-init.log" 2>&1 || die "docker swarm init failed; see $log_dir/swarm-init.log"
    swarm_initialised=true
}

# Leave the swarm and remove docker_gwbridge if this script created them,
# unless services of others run on the swarm. Call it after removing the
# caller's own stack.
leave_swarm() {
    if $swarm_initialised; then
        local others
        others=$(docker service ls --format '{{.Name}}' | paste -sd ' ')
        if [[ -n $others ]]; then
            say "kept the swarm this test initialised because other services run on it: $others"
            return 0
        fi
        say "leaving the swarm this test initialised"
        docker swarm leave --force >/dev/null 2>&1 || say "docker swarm leave failed"
        swarm_initialised=false
    fi
    if $gwbridge_created; then
        docker network rm docker_gwbridge >/dev/null 2>&1 || true
        gwbridge_created=false
    fi
}
