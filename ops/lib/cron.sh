# shellcheck shell=bash
# A five-field cron schedule ("minute hour day-of-month month day-of-week") and the
# next time it matches, in the time zone of TZ (the C library's default when unset).
#
# Fields take what Vixie cron takes: "*", numbers, ranges "a-b", steps "*/n" and
# "a-b/n", lists "a,b", and English three-letter names for months and weekdays.
# Day of week 0 and 7 are Sunday. When both day fields are restricted (neither starts
# with "*"), a day matches when either field matches, as in Vixie cron. The shortcuts
# @hourly, @daily (@midnight), @weekly, @monthly and @yearly (@annually) are accepted.

# shellcheck disable=SC2034 # Read through a name reference in cron_expand_field.
cron_month_names=(jan feb mar apr may jun jul aug sep oct nov dec)
# shellcheck disable=SC2034 # Read through a name reference in cron_expand_field.
cron_weekday_names=(sun mon tue wed thu fri sat)

# Expands one cron field into the set " v1 v2 ... " (spaces around each value).
# Usage: cron_expand_field TEXT MIN MAX NAMES_ARRAY_NAME; fails on invalid text.
cron_expand_field() {
    local text=${1,,} min=$2 max=$3 names_var=$4
    local -n names=$names_var
    local set=' ' part range step from to value i
    # Names become numbers first: jan is 1, sun is 0.
    for i in "${!names[@]}"; do
        value=$i
        [[ $names_var == cron_month_names ]] && value=$((i + 1))
        text=${text//${names[i]}/$value}
    done
    IFS=, read -ra parts <<<"$text"
    ((${#parts[@]} > 0)) || return 1
    for part in "${parts[@]}"; do
        range=${part%%/*}
        step=1
        if [[ $part == */* ]]; then
            step=${part#*/}
            [[ $step =~ ^[0-9]+$ ]] && ((10#$step > 0)) || return 1
            step=$((10#$step))
        fi
        if [[ $range == '*' ]]; then
            from=$min to=$max
        elif [[ $range =~ ^([0-9]+)-([0-9]+)$ ]]; then
            from=$((10#${BASH_REMATCH[1]})) to=$((10#${BASH_REMATCH[2]}))
        elif [[ $range =~ ^[0-9]+$ ]]; then
            from=$((10#$range)) to=$from
            # "5/15" means from 5 to the maximum in steps of 15.
            [[ $part == */* ]] && to=$max
        else
            return 1
        fi
        ((from >= min && to <= max && from <= to)) || return 1
        for ((value = from; value <= to; value += step)); do
            set+="$value "
        done
    done
    echo "$set"
}

# Parses a schedule into the cron_* variables used by cron_next_run. Prints an error
# naming the field and fails when the schedule is invalid.
cron_parse() {
    local schedule=$1 fields
    case $schedule in
        @hourly) schedule='0 * * * *' ;;
        @daily | @midnight) schedule='0 0 * * *' ;;
        @weekly) schedule='0 0 * * 0' ;;
        @monthly) schedule='0 0 1 * *' ;;
        @yearly | @annually) schedule='0 0 1 1 *' ;;
    esac
    read -ra fields <<<"$schedule"
    if ((${#fields[@]} != 5)); then
        echo "invalid cron schedule '$1': expected 5 fields (minute hour day-of-month month day-of-week), got ${#fields[@]}"
        return 1
    fi

    # shellcheck disable=SC2034 # Read through a name reference in cron_expand_field.
    local -a no_names=()
    cron_minutes=$(cron_expand_field "${fields[0]}" 0 59 no_names) ||
        { echo "invalid minute field '${fields[0]}' in cron schedule '$1'"; return 1; }
    cron_hours=$(cron_expand_field "${fields[1]}" 0 23 no_names) ||
        { echo "invalid hour field '${fields[1]}' in cron schedule '$1'"; return 1; }
    cron_days=$(cron_expand_field "${fields[2]}" 1 31 no_names) ||
        { echo "invalid day-of-month field '${fields[2]}' in cron schedule '$1'"; return 1; }
    cron_months=$(cron_expand_field "${fields[3]}" 1 12 cron_month_names) ||
        { echo "invalid month field '${fields[3]}' in cron schedule '$1'"; return 1; }
    cron_weekdays=$(cron_expand_field "${fields[4]}" 0 7 cron_weekday_names) ||
        { echo "invalid day-of-week field '${fields[4]}' in cron schedule '$1'"; return 1; }

    [[ $cron_weekdays == *' 7 '* ]] && cron_weekdays+='0 '
    cron_days_restricted=false cron_weekdays_restricted=false
    [[ ${fields[2]} == '*'* ]] || cron_days_restricted=true
    [[ ${fields[4]} == '*'* ]] || cron_weekdays_restricted=true
    return 0
}

# Succeeds when the day of month $1 and weekday $2 match the parsed schedule.
cron_day_matches() {
    local day_ok=false weekday_ok=false
    [[ $cron_days == *" $1 "* ]] && day_ok=true
    [[ $cron_weekdays == *" $2 "* ]] && weekday_ok=true
    if $cron_days_restricted && $cron_weekdays_restricted; then
        $day_ok || $weekday_ok
    else
        $day_ok && $weekday_ok
    fi
}

# Prints the first Unix time after $1 (seconds) at which the parsed schedule matches.
# Mismatching hours are skipped a whole hour at a time, so even a schedule for
# 29 February takes a few tens of thousands of steps. Fails when nothing matches
# within 5 years, for example "0 0 31 2 *".
cron_next_run() {
    local time=$((($1 / 60 + 1) * 60)) limit=$(($1 + 5 * 366 * 86400))
    local fields month day hour minute weekday
    while ((time <= limit)); do
        printf -v fields '%(%-m %-d %-H %-M %w)T' "$time"
        # shellcheck disable=SC2086 # fields is five numbers separated by spaces.
        set -- $fields
        month=$1 day=$2 hour=$3 minute=$4 weekday=$5
        if [[ $cron_months != *" $month "* || $cron_hours != *" $hour "* ]] ||
            ! cron_day_matches "$day" "$weekday"; then
            time=$((time + (60 - minute) * 60))
        elif [[ $cron_minutes != *" $minute "* ]]; then
            time=$((time + 60))
        else
            echo "$time"
            return 0
        fi
    done
    return 1
}
