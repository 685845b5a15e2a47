# shellcheck shell=bash
# Checks, HTTP calls, seed data and table fingerprints shared by tests/restore/run
# (the local stack) and tests/restore/swarm-drill (the swarm).
#
# The caller sets base_url (nginx of the stack under test), work_dir (a scratch
# folder) and defines run_sql, which runs one SQL statement on the Conduit database
# and prints unaligned, tab-separated rows.

passed=0
failed=0

# Records a passed check. Usage: pass NAME
pass() {
    echo "PASS: $1"
    passed=$((passed + 1))
}

# Records a failed check. Usage: fail NAME [DETAIL]
fail() {
    echo "FAIL: $1${2:+ ($2)}"
    failed=$((failed + 1))
}

# check NAME COMMAND...: passes when the command succeeds.
check() {
    local name=$1
    shift
    if "$@"; then
        pass "$name"
    else
        fail "$name"
    fi
}

# Prints milliseconds since the epoch.
now_ms() {
    echo $((${EPOCHREALTIME/./} / 1000))
}

# Prints a duration in milliseconds as seconds with one decimal.
seconds() {
    printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100))
}

# --- HTTP ---------------------------------------------------------------------

# Sends a request to the stack under test. Sets http_status and http_body.
# Usage: api METHOD PATH [BODY] [TOKEN]
api() {
    local method=$1 path=$2 body=${3:-} token=${4:-}
    local args=(--silent --max-time 20 --output "$work_dir/http-body" --write-out '%{http_code}'
        -X "$method" -H 'Accept: application/json')
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    [[ -n $token ]] && args+=(-H "Authorization: Token $token")
    # shellcheck disable=SC2154 # base_url is set by the caller (see the header).
    http_status=$(curl "${args[@]}" "$base_url$path") || http_status=000
    http_body=$(cat "$work_dir/http-body" 2>/dev/null)
}

# Waits until GET PATH returns STATUS. Usage: wait_for_status PATH STATUS SECONDS
wait_for_status() {
    local deadline=$((SECONDS + $3))
    while :; do
        api GET "$1"
        [[ $http_status == "$2" ]] && return 0
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# --- seed data ----------------------------------------------------------------

# Users of the drill (the caller may set seed_suffix first, to make the names unique
# on a stack that already has data), their tokens and the slugs after seed_data.
seed_users=()
declare -A seed_tokens=()
seed_slugs=()

# Fills seed_users from seed_suffix.
name_seed_users() {
    local name
    seed_users=()
    for name in ana ben cleo dev; do
        seed_users+=("$name${seed_suffix:-}")
    done
}
name_seed_users

seed_password() {
    echo "drill-password-$1"
}

# Logs user $1 in and stores the token in seed_tokens.
login_seed_user() {
    api POST /api/users/login "{\"user\":{\"email\":\"$1@drill.example\",\"password\":\"$(seed_password "$1")\"}}"
    [[ $http_status == 200 ]] || return 1
    seed_tokens[$1]=$(jq -r .user.token <<<"$http_body")
}

# Registers the users, then writes follows, articles with tags, comments and
# favorites through the API. Fails with a message naming the request that failed.
seed_data() {
    name_seed_users
    local -a u=("${seed_users[@]}")
    local user body index n slug
    for user in "${u[@]}"; do
        api POST /api/users "{\"user\":{\"username\":\"$user\",\"email\":\"$user@drill.example\",\"password\":\"$(seed_password "$user")\"}}"
        [[ $http_status == 201 || $http_status == 200 ]] ||
            { echo "registering $user returned $http_status: $http_body"; return 1; }
        seed_tokens[$user]=$(jq -r .user.token <<<"$http_body")
    done
    api PUT /api/user '{"user":{"bio":"Writes about \"quotes\", tabs\tand émoji 🚀","image":"https://example.com/ana.png"}}' "${seed_tokens[${u[0]}]}"
    [[ $http_status == 200 ]] || { echo "updating ${u[0]} returned $http_status"; return 1; }

    local pair follower followee
    for pair in 0:1 0:2 1:0 3:0 2:3; do
        follower=${u[${pair%%:*}]} followee=${u[${pair#*:}]}
        api POST "/api/profiles/$followee/follow" '' "${seed_tokens[$follower]}"
        [[ $http_status == 200 ]] || { echo "$follower following $followee returned $http_status"; return 1; }
    done

    index=0
    for user in "${u[@]}"; do
        for n in 1 2 3; do
            index=$((index + 1))
            body=$(jq -cn --arg title "Drill article $index by $user" --arg n "$n" \
                '{article:{title:$title, description:("Part " + $n), body:("Line one\nLine two with ünïcödé and \"quotes\" #" + $n),
                  tagList:(["drill", ("tag" + $n)] + (if $n == "3" then ["zeta", "alpha"] else [] end))}}')
            api POST /api/articles "$body" "${seed_tokens[$user]}"
            [[ $http_status == 201 || $http_status == 200 ]] ||
                { echo "article $index by $user returned $http_status: $http_body"; return 1; }
            seed_slugs+=("$(jq -r .article.slug <<<"$http_body")")
        done
    done
    # An edited article has updated_at later than created_at.
    api PUT "/api/articles/${seed_slugs[0]}" '{"article":{"body":"Edited body"}}' "${seed_tokens[${u[0]}]}"
    [[ $http_status == 200 ]] || { echo "editing an article returned $http_status"; return 1; }

    # Favorites give favorites_count values from 0 to 4, by user index.
    local article favoriters
    for article in 0 1 2 4 7; do
        case $article in
            0) favoriters="1 2 3 0" ;;
            1) favoriters="1 2" ;;
            2) favoriters="3" ;;
            4) favoriters="0 2 3" ;;
            7) favoriters="0" ;;
        esac
        for n in $favoriters; do
            api POST "/api/articles/${seed_slugs[article]}/favorite" '' "${seed_tokens[${u[n]}]}"
            [[ $http_status == 200 ]] || { echo "${u[n]} favoriting returned $http_status"; return 1; }
        done
    done
    # Unfavorite once, so a count went up and down: article 0 ends at 3.
    api DELETE "/api/articles/${seed_slugs[0]}/favorite" '' "${seed_tokens[${u[0]}]}"
    [[ $http_status == 200 ]] || { echo "unfavoriting returned $http_status"; return 1; }

    local comment_id=''
    for index in 0 0 1 3 4 5 8 11; do
        for user in "${u[1]}" "${u[3]}"; do
            api POST "/api/articles/${seed_slugs[index]}/comments" \
                "{\"comment\":{\"body\":\"Comment by $user on #$index\"}}" "${seed_tokens[$user]}"
            [[ $http_status == 200 || $http_status == 201 ]] ||
                { echo "comment by $user returned $http_status"; return 1; }
            comment_id=$(jq -r .comment.id <<<"$http_body")
        done
    done
    # A deleted comment leaves a gap in the ids, which the restore must keep.
    api DELETE "/api/articles/${seed_slugs[11]}/comments/$comment_id" '' "${seed_tokens[${u[3]}]}"
    [[ $http_status == 200 || $http_status == 204 ]] ||
        { echo "deleting a comment returned $http_status"; return 1; }
}

# Saves what the API serves into folder $1: the article list anonymous and as the
# first user, that user's feed, each article with its comments, a profile and the tags.
capture_api_views() {
    local folder=$1 slug
    mkdir -p "$folder"
    api GET '/api/articles?limit=100'
    echo "$http_status $http_body" >"$folder/articles"
    local first=${seed_users[0]} second=${seed_users[1]}
    api GET '/api/articles?limit=100' '' "${seed_tokens[$first]}"
    echo "$http_status $http_body" >"$folder/articles-as-first-user"
    api GET '/api/articles/feed?limit=100' '' "${seed_tokens[$first]}"
    echo "$http_status $http_body" >"$folder/feed-of-first-user"
    api GET "/api/profiles/$second" '' "${seed_tokens[$first]}"
    echo "$http_status $http_body" >"$folder/profile-of-second-user"
    api GET /api/tags
    echo "$http_status $http_body" >"$folder/tags"
    for slug in "${seed_slugs[@]}"; do
        api GET "/api/articles/$slug" '' "${seed_tokens[$second]}"
        echo "$http_status $http_body" >"$folder/article-$slug"
        api GET "/api/articles/$slug/comments"
        echo "$http_status $http_body" >"$folder/comments-$slug"
    done
}

# Succeeds when every seeded user can log in with the password and when the token
# from before the restore still works; prints the first failure.
check_logins() {
    local user
    for user in "${seed_users[@]}"; do
        api POST /api/users/login "{\"user\":{\"email\":\"$user@drill.example\",\"password\":\"$(seed_password "$user")\"}}"
        [[ $http_status == 200 ]] || { echo "login of $user returned $http_status"; return 1; }
        api GET /api/user '' "${seed_tokens[$user]}"
        [[ $http_status == 200 ]] || { echo "old token of $user returned $http_status"; return 1; }
    done
}

# --- fingerprints -------------------------------------------------------------

# Prints one line per table of the public schema: name, row count and the md5 of its
# rows as text in sorted order, then one line per sequence with its last value.
# Two databases with the same output contain the same rows.
fingerprint() {
    local tables table
    tables=$(run_sql "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1") || return 1
    [[ -n $tables ]] || { echo "no tables"; return 0; }
    for table in $tables; do
        printf '%s\t' "$table"
        run_sql "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))
            FROM $table t" || return 1
    done
    run_sql "SELECT 'sequence ' || format('%I.%I', schemaname, sequencename), last_value
        FROM pg_sequences ORDER BY 1" || return 1
}
