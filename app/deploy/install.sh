#!/bin/sh
# install.sh: installs the HTTPS mutual TLS configuration of an mTLS Assistant bundle on this server.
# Run it as root on the server, from anywhere:
#   sh install.sh             checks, backups, install, the server's test, reload, a check of what is served
#   sh install.sh --rollback  undoes the last run that installed (run it again to go further back)
#   sh install.sh --remove    undoes every run: the files are as they were before the first install
#   sh install.sh --check     only runs the server's configuration test
# What to install is listed in install.data beside this script: plain values, read and checked, never run.
# Each run keeps its backups in a numbered folder under the backup folder (install.data: backup_dir).
# With mode=merge in install.data the bundle adds client certificates on the webhook path only, inside the site that
# already answers the name with its own certificate: no certificate or key is installed, the site's file (mode
# "keep": its owner, group and mode stay) must be the one the change was planned from (expect=), and after the
# reload the site must still serve its own certificate (site_leaf), refuse the webhook path (webhook_path) to a
# caller without a client certificate and answer "/" as before.

# "A && B || die ...": die never returns, so the "if-then-else" caveat (SC2015) does not apply here.
# shellcheck disable=SC2015

set -u
unset CDPATH ENV BASH_ENV
IFS=' 	
'
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
LC_ALL=C
export LC_ALL
umask 077

ACTION=${1:-}
[ $# -le 1 ] || ACTION=--usage

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; }
die() {
    fail "$*"
    exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# The bundle's folder, found without CDPATH and with every link resolved.
case "$0" in
*/*) here_dir=${0%/*} ;;
*) here_dir=. ;;
esac
[ -n "$here_dir" ] || here_dir=/
HERE=$(cd -P -- "$here_dir" && pwd -P) || die "cannot find the folder of install.sh"
case "$(stat -c %a -- "$HERE")" in
*[2367] | *[2367]?) die "refusing: the bundle's folder $HERE is writable by other users" ;;
esac

# ---------------------------------------------------------------------------------------------------------------
# Values: only plain characters, so that no value can carry code, white space or a pattern.

# An absolute path without ".", ".." or empty components.
is_path() {
    case "$1" in
    /*) ;;
    *) return 1 ;;
    esac
    case "$1" in
    *[!A-Za-z0-9._/+@:,=-]* | *//* | */./* | */../* | */. | */.. | */) return 1 ;;
    esac
    return 0
}

# A file of the bundle: a relative name, no component starting with a dot.
is_bundle_name() {
    case "$1" in
    '' | /* | .* | */.* | */ | *//* | *[!A-Za-z0-9._/+@:,=-]*) return 1 ;;
    esac
    return 0
}

# A word for the server's command line or a link's content.
is_word() {
    case "$1" in
    '' | *[!A-Za-z0-9._/+@:,=-]*) return 1 ;;
    esac
    return 0
}

# A SHA-256 in lowercase hex.
is_sha256() {
    case "$1" in
    *[!0-9a-f]*) return 1 ;;
    esac
    [ ${#1} -eq 64 ]
}

# The webhook's path for an HTTP request line: "/" then only unreserved characters and "/".
is_url_path() {
    case "$1" in
    /*) ;;
    *) return 1 ;;
    esac
    case "$1" in
    *[!A-Za-z0-9._~/-]*) return 1 ;;
    esac
    return 0
}

is_number() {
    case "$1" in
    '' | *[!0-9]*) return 1 ;;
    esac
    return 0
}

# $1 is $2 or below it.
is_under() {
    case "$1" in
    "$2" | "$2"/*) return 0 ;;
    esac
    return 1
}

# ---------------------------------------------------------------------------------------------------------------
# install.data
DATA=$HERE/install.data
[ -f "$DATA" ] && [ ! -L "$DATA" ] || die "install.data is missing beside install.sh"

SERVER=
DOMAIN=
CONF_ROOT=
CERT_DIR=
SITE_FILE=
BINARY=
ARGS=
CONNECT_HOST=
CONNECT_PORT=
BACKUP_DIR=
CERT_FILE=
KEY_FILE=
CLIENT_CA_FILE=
FILES=
LINKS=
MODE=
SITE_LEAF=
WEBHOOK_PATH=
EXPECTS=
NL='
'

bad_data() { die "install.data: line refused: $1"; }

while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
    '' | '#'*) continue ;;
    esac
    key=${line%%=*}
    value=${line#*=}
    [ "$key" != "$line" ] || bad_data "$line"
    case "$key" in
    format) [ "$value" = 1 ] || die "install.data was written for another version of install.sh" ;;
    server)
        case "$value" in
        nginx | apache) SERVER=$value ;;
        *) bad_data "$line" ;;
        esac
        ;;
    domain)
        case "$value" in
        '' | .* | *[!A-Za-z0-9.-]*) bad_data "$line" ;;
        esac
        DOMAIN=$value
        ;;
    conf_root) is_path "$value" || bad_data "$line"; CONF_ROOT=$value ;;
    cert_dir) is_path "$value" || bad_data "$line"; CERT_DIR=$value ;;
    backup_dir) is_path "$value" || bad_data "$line"; BACKUP_DIR=$value ;;
    binary) is_path "$value" || bad_data "$line"; BINARY=$value ;;
    arg) is_word "$value" || bad_data "$line"; ARGS="$ARGS $value" ;;
    connect_host)
        case "$value" in
        '' | *[!0-9A-Fa-f.:]*) bad_data "$line" ;;
        esac
        CONNECT_HOST=$value
        ;;
    connect_port)
        is_number "$value" && [ "$value" -gt 0 ] && [ "$value" -lt 65536 ] || bad_data "$line"
        CONNECT_PORT=$value
        ;;
    site_file) is_bundle_name "$value" || bad_data "$line"; SITE_FILE=$value ;;
    cert) is_bundle_name "$value" || bad_data "$line"; CERT_FILE=$value ;;
    key) is_bundle_name "$value" || bad_data "$line"; KEY_FILE=$value ;;
    client_ca) is_bundle_name "$value" || bad_data "$line"; CLIENT_CA_FILE=$value ;;
    mode)
        [ "$value" = merge ] || bad_data "$line"
        MODE=$value
        ;;
    site_leaf) is_sha256 "$value" || bad_data "$line"; SITE_LEAF=$value ;;
    webhook_path) is_url_path "$value" || bad_data "$line"; WEBHOOK_PATH=$value ;;
    file)
        # file=SOURCE TARGET MODE SHA256; MODE "keep" (merge mode): the owner, group and mode of the file there now
        # shellcheck disable=SC2086 # split on spaces: every field is checked below
        set -- $value
        [ $# -eq 4 ] || bad_data "$line"
        is_bundle_name "$1" && is_path "$2" || bad_data "$line"
        case "$3" in
        600 | 644 | keep) ;;
        *) bad_data "$line" ;;
        esac
        case "$4" in
        *[!0-9a-f]*) bad_data "$line" ;;
        esac
        [ ${#4} -eq 64 ] || bad_data "$line"
        FILES="$FILES$1 $2 $3 $4$NL"
        ;;
    expect)
        # expect=TARGET SHA256: the file a target of the bundle must be when the run starts
        # shellcheck disable=SC2086 # split on spaces: every field is checked below
        set -- $value
        [ $# -eq 2 ] || bad_data "$line"
        is_path "$1" && is_sha256 "$2" || bad_data "$line"
        EXPECTS="$EXPECTS$1 $2$NL"
        ;;
    link)
        # link=TARGET POINTS-TO
        # shellcheck disable=SC2086 # split on spaces: every field is checked below
        set -- $value
        [ $# -eq 2 ] || bad_data "$line"
        is_path "$1" && is_word "$2" || bad_data "$line"
        LINKS="$LINKS$1 $2$NL"
        ;;
    *) bad_data "$line" ;;
    esac
done <"$DATA"

need() { [ -n "$2" ] || die "install.data does not say $1"; }
need server "$SERVER"
need domain "$DOMAIN"
need conf_root "$CONF_ROOT"
need cert_dir "$CERT_DIR"
need site_file "$SITE_FILE"
need binary "$BINARY"
need connect_host "$CONNECT_HOST"
need connect_port "$CONNECT_PORT"
need backup_dir "$BACKUP_DIR"
if [ "$MODE" = merge ]; then
    need site_leaf "$SITE_LEAF"
    need webhook_path "$WEBHOOK_PATH"
else
    need cert "$CERT_FILE"
    need key "$KEY_FILE"
fi
need client_ca "$CLIENT_CA_FILE"
need file "$FILES"
# "keep" only in merge mode; each expect= names a file of the bundle.
while read -r src target mode sum; do
    [ "$mode" != keep ] || [ "$MODE" = merge ] || bad_data "file=$src $target $mode $sum"
done <<EOF
$FILES
EOF
while read -r target sum; do
    [ -n "$target" ] || continue
    case "$FILES" in
    *" $target "*) ;;
    *) bad_data "expect=$target $sum" ;;
    esac
done <<EOF
$EXPECTS
EOF
case "$CONNECT_HOST" in
*:*) CONNECT="[$CONNECT_HOST]:$CONNECT_PORT" ;;
*) CONNECT="$CONNECT_HOST:$CONNECT_PORT" ;;
esac
is_under "$CERT_DIR" "$CONF_ROOT" || die "install.data: $CERT_DIR is not under $CONF_ROOT"
[ "$CONF_ROOT" != / ] || die "install.data: the server's folder cannot be /"

# Every target of the bundle: under the server's folder.
TARGETS=
while read -r src target mode sum; do
    [ -n "$src" ] || continue
    is_under "$target" "$CONF_ROOT" && [ "$target" != "$CONF_ROOT" ] ||
        die "install.data: $target is not under $CONF_ROOT"
    TARGETS="$TARGETS$target$NL"
done <<EOF
$FILES
EOF
while read -r target to; do
    [ -n "$target" ] || continue
    is_under "$target" "$CONF_ROOT" && [ "$target" != "$CONF_ROOT" ] ||
        die "install.data: $target is not under $CONF_ROOT"
    TARGETS="$TARGETS$target$NL"
done <<EOF
$LINKS
EOF

STEPS=$BACKUP_DIR/steps
# Present from the moment files are put back until the server has reloaded them: a run killed in between
# leaves it, and the next run reloads first.
PENDING=$BACKUP_DIR/reload-pending

# ---------------------------------------------------------------------------------------------------------------
# Trust: folders and programs that only root can change.

# "uid mode" of $1 (not following a link).
owner_mode() { stat -c '%u %a' -- "$1"; }

group_or_other_writable() { # mode in octal
    case "$1" in
    *[2367] | *[2367]?) return 0 ;;
    esac
    return 1
}

sticky() {
    case "$1" in
    [1357]???) return 0 ;;
    esac
    return 1
}

# $1 and every existing folder above it: no link, owned by root, not writable by group or others (a parent may
# be a root-owned sticky folder such as /tmp). Refuses naming the path.
# A folder that passed, with every folder above it, is not looked at again in this run (the folders of the
# targets, the backups and the certificates share most of their parents): TRUSTED_ALL holds those that passed
# as a parent or as the first existing folder, TRUSTED_FIRST those that passed as the first (not sticky-writable).
TRUSTED_ALL=$NL
TRUSTED_FIRST=$NL
trusted_dir() {
    d=$1
    first=1
    passed_first=
    passed_all=
    while :; do
        if [ "$first" = 1 ]; then
            case "$TRUSTED_FIRST" in *"$NL$d$NL"*) break ;; esac
        else
            case "$TRUSTED_ALL" in *"$NL$d$NL"*) break ;; esac
        fi
        if [ -L "$d" ]; then
            die "refusing: $d is a symbolic link"
        elif [ -e "$d" ]; then
            [ -d "$d" ] || die "refusing: $d is not a folder"
            om=$(owner_mode "$d") || die "cannot read $d"
            if [ "${om%% *}" != 0 ]; then
                die "refusing: $d is not owned by root"
            fi
            if group_or_other_writable "${om#* }" && { [ "$first" = 1 ] || ! sticky "${om#* }"; }; then
                die "refusing: $d is writable by other users"
            fi
            if [ "$first" = 1 ]; then passed_first=$d$NL; fi
            passed_all=$passed_all$d$NL
            first=0
        fi
        [ "$d" = / ] && break
        d=${d%/*}
        [ -n "$d" ] || d=/
    done
    # Here every existing folder from $1 up has passed (a refusal ends the run).
    TRUSTED_FIRST=$TRUSTED_FIRST$passed_first
    TRUSTED_ALL=$TRUSTED_ALL$passed_all
    return 0
}

# The server program: the recorded absolute path, every link resolved, owned by root and not writable by others,
# nor its folders.
trusted_binary() {
    [ -x "$BINARY" ] || die "the server program $BINARY is not here (install.data: binary)"
    resolved=$(readlink -f -- "$BINARY") || die "cannot resolve $BINARY"
    [ -f "$resolved" ] || die "refusing: $BINARY is not a file"
    om=$(owner_mode "$resolved") || die "cannot read $resolved"
    [ "${om%% *}" = 0 ] || die "refusing: $resolved is not owned by root"
    ! group_or_other_writable "${om#* }" || die "refusing: $resolved is writable by other users"
    trusted_dir "${resolved%/*}"
    SERVER_BIN=$resolved
}

# The server, run with the recorded arguments only and a clean environment.
server_run() {
    # shellcheck disable=SC2086 # ARGS: words of plain characters checked when read
    env -i PATH="$PATH" LC_ALL=C "$SERVER_BIN" $ARGS "$@" 9>&-
}

server_test() {
    case "$SERVER_BIN" in
    *ctl) server_run configtest ;;
    *) server_run -t ;;
    esac
}

server_reload() {
    case "$SERVER:$SERVER_BIN" in
    apache:*ctl) server_run graceful ;;
    apache:*) server_run -k graceful ;;
    *)
        # nginx notes "signal process started" at every reload: not news for the user, the rest is shown.
        reload_out=$(server_run -s reload 2>&1)
        reload_status=$?
        [ -z "$reload_out" ] || printf '%s\n' "$reload_out" | grep -v '\[notice\] [0-9#]*: signal process started$' >&2
        return "$reload_status"
        ;;
    esac
}

# ---------------------------------------------------------------------------------------------------------------
# Steps: $STEPS/N holds "state" (started, written, done, rolling-back), "manifest" and the backups files/K.
# A manifest line: KIND TARGET [ARG UID GID MODE]; KIND is file (a backup in files/ARG), link (pointed to ARG),
# new (did not exist) or dir (a folder made by the step).

last_step() {
    n=0
    for s in "$STEPS"/*; do
        s=${s##*/}
        is_number "$s" || continue
        [ "$s" -gt "$n" ] && n=$s
    done
    echo "$n"
}

set_state() { # step state
    printf '%s\n' "$2" >"$STEPS/$1/state.new" && mv -f "$STEPS/$1/state.new" "$STEPS/$1/state"
}

get_state() {
    if [ -f "$STEPS/$1/state" ]; then cat "$STEPS/$1/state"; else echo started; fi
}

record() { printf '%s\n' "$*" >>"$SD/manifest"; }

# Temporary names: random and exclusive, in the target's folder, removed by the next run when left behind.
tmp_in() { mktemp "${1%/*}/.mtls-tmp.XXXXXXXXXX"; }

clean_leftovers() {
    while read -r target; do
        [ -n "$target" ] || continue
        for f in "${target%/*}"/.mtls-tmp.*; do
            if [ -L "$f" ] || [ -f "$f" ]; then rm -f -- "$f"; fi
        done
    done <<EOF
$TARGETS
EOF
    for f in "$STEPS"/.undone.*; do
        [ -d "$f" ] && [ ! -L "$f" ] && rm -rf -- "$f"
    done
    for f in "$BACKUP_DIR"/.stage.*; do
        [ -d "$f" ] && [ ! -L "$f" ] && rm -rf -- "$f"
    done
    return 0
}

# A manifest names only paths the bundle owns (under the server's folder), backups the step made, numbers.
valid_manifest() { # step
    m=$STEPS/$1/manifest
    [ -e "$m" ] || return 0
    [ -f "$m" ] && [ ! -L "$m" ] || die "refusing: $m is not a plain file"
    while read -r kind target arg uid gid mode rest; do
        is_path "$target" && is_under "$target" "$CONF_ROOT" && [ "$target" != "$CONF_ROOT" ] && [ -z "$rest" ] ||
            die "refusing: $m names a path this bundle does not own: $target"
        case "$kind" in
        file)
            is_number "$arg" && is_number "$uid" && is_number "$gid" && is_number "$mode" ||
                die "refusing: $m has a line that is not valid: $kind $target"
            [ -f "$STEPS/$1/files/$arg" ] && [ ! -L "$STEPS/$1/files/$arg" ] ||
                die "refusing: the backup of $target is missing ($STEPS/$1/files/$arg)"
            ;;
        link)
            is_word "$arg" && is_number "$uid" && is_number "$gid" ||
                die "refusing: $m has a line that is not valid: $kind $target"
            ;;
        new | dir) [ -z "$arg" ] || die "refusing: $m has a line that is not valid: $kind $target" ;;
        *) die "refusing: $m has a line that is not valid: $kind" ;;
        esac
    done <"$m"
}

# Puts back what step $1 changed, last change first; then forgets the step.
undo_step() {
    valid_manifest "$1"
    while read -r target; do
        [ -n "$target" ] && trusted_dir "${target%/*}"
    done <<EOF
$(cut -d ' ' -f 2 <"$STEPS/$1/manifest" 2>/dev/null)
EOF
    set_state "$1" rolling-back && : >"$PENDING" || return 1
    status=0
    if [ -f "$STEPS/$1/manifest" ]; then
        sed -n '1!G;h;$p' "$STEPS/$1/manifest" >"$STEPS/$1/manifest.reversed" || return 1
        while read -r kind target arg uid gid mode; do
            if [ -d "$target" ] && [ ! -L "$target" ] && [ "$kind" != dir ]; then
                fail "$target is a folder now; it is left as it is"
                status=1
                continue
            fi
            case "$kind" in
            file)
                tmp=$(tmp_in "$target") &&
                    cp -p -- "$STEPS/$1/files/$arg" "$tmp" && chown "$uid:$gid" "$tmp" && chmod "$mode" "$tmp" &&
                    mv -f -- "$tmp" "$target" || status=1
                ;;
            link)
                tmp=$(tmp_in "$target") && rm -f -- "$tmp" && ln -s -- "$arg" "$tmp" &&
                    chown -h "$uid:$gid" "$tmp" && mv -f -- "$tmp" "$target" || status=1
                ;;
            new) rm -f -- "$target" || status=1 ;;
            dir) [ ! -d "$target" ] || rmdir -- "$target" 2>/dev/null || fail "$target is not empty; it is left" ;;
            esac
        done <"$STEPS/$1/manifest.reversed"
    fi
    [ "$status" -eq 0 ] || return 1
    mv -f -- "$STEPS/$1" "$STEPS/.undone.$1" && rm -rf -- "$STEPS/.undone.$1"
}

# Undoes the runs that did not finish (interrupted, or killed): the files are put back and the server reloaded.
# Reloads when files were put back and no reload followed; forgets the mark once the server has reloaded.
reload_now() {
    if server_test >/dev/null 2>&1 && server_reload; then
        rm -f -- "$PENDING"
        return 0
    fi
    return 1
}

recover() {
    recovered=0
    [ -e "$PENDING" ] && recovered=1
    while :; do
        n=$(last_step)
        [ "$n" -gt 0 ] || break
        [ "$(get_state "$n")" = "done" ] && break
        say "An earlier run of install.sh did not finish: putting its files back first."
        undo_step "$n" || die "the earlier run could not be undone; see $STEPS/$n"
        recovered=1
    done
    if [ "$recovered" = 1 ]; then
        say "Reloading the server with the files put back by an earlier run."
        reload_now || fail "the server did not test or reload cleanly after that"
    fi
    return 0
}

# ---------------------------------------------------------------------------------------------------------------
# Installing (in step $SD).

# Makes the missing folders above $1, recording each before it is made.
make_dirs() {
    [ -d "$1" ] && return 0
    [ -n "$1" ] || return 1
    [ ! -L "$1" ] || die "refusing: $1 is a symbolic link"
    make_dirs "${1%/*}" || return 1
    record dir "$1" && mkdir -m 755 -- "$1"
}

# Records what is at $1 before it is replaced.
backup() {
    if [ -L "$1" ]; then
        [ ! -d "$1" ] || die "refusing: $1 is a symbolic link to a folder"
        om=$(stat -c '%u %g' -- "$1") || return 1
        to=$(readlink -- "$1") || return 1
        is_word "$to" || die "$1 points to a name with unusual characters; it will not be replaced"
        record link "$1" "$to" "$om"
    elif [ -f "$1" ]; then
        num=$(wc -l <"$SD/manifest" | tr -d ' ')
        om=$(stat -c '%u %g %a' -- "$1") || return 1
        cp -p -- "$1" "$SD/files/$num" || return 1
        record file "$1" "$num" "$om"
    elif [ -e "$1" ]; then
        die "$1 exists and is not a file; it will not be replaced"
    else
        record new "$1"
    fi
}

install_file() { # source target mode
    make_dirs "${2%/*}" && backup "$2" || return 1
    tmp=$(tmp_in "$2") || return 1
    if [ "$3" = keep ]; then
        # The owner, group and mode of the file there now (the owner first: chown may clear the mode's special bits).
        [ -f "$2" ] && [ ! -L "$2" ] || return 1
        om=$(stat -c '%u %g %a' -- "$2") || return 1
        keep_uid=${om%% *}
        om=${om#* }
        keep_gid=${om%% *}
        keep_mode=${om#* }
        cat -- "$STAGE/$1" >"$tmp" && chown "$keep_uid:$keep_gid" "$tmp" && chmod "$keep_mode" "$tmp" &&
            mv -f -- "$tmp" "$2"
        return
    fi
    cat -- "$STAGE/$1" >"$tmp" && chmod "$3" "$tmp" && mv -f -- "$tmp" "$2"
}

install_link() { # target points-to
    make_dirs "${1%/*}" && backup "$1" || return 1
    tmp=$(tmp_in "$1") && rm -f -- "$tmp" && ln -s -- "$2" "$tmp" && mv -f -- "$tmp" "$1"
}

install_all() {
    while read -r src target mode sum; do
        [ -n "$src" ] || continue
        install_file "$src" "$target" "$mode" || return 1
    done <<EOF
$FILES
EOF
    while read -r target to; do
        [ -n "$target" ] || continue
        install_link "$target" "$to" || return 1
    done <<EOF
$LINKS
EOF
}

# The certificate's public key is the key file's (openssl x509 -pubkey and pkey -pubout print the same PEM).
keys_match() {
    cert_key=$(openssl x509 -in "$HERE/$CERT_FILE" -noout -pubkey 2>/dev/null) || return 1
    key_key=$(openssl pkey -in "$HERE/$KEY_FILE" -pubout 2>/dev/null) || return 1
    [ -n "$cert_key" ] && [ "$cert_key" = "$key_key" ]
}

# Copies the bundle's files into a folder only root can read ($STAGE, made by do_install), and checks them there
# against install.data.
stage_bundle() {
    while read -r src target mode sum; do
        [ -n "$src" ] || continue
        [ -f "$HERE/$src" ] && [ ! -L "$HERE/$src" ] || die "$src is missing from the bundle"
        case "$src" in
        */*) mkdir -p -- "$STAGE/${src%/*}" || die "cannot write into $STAGE" ;;
        esac
        cp -- "$HERE/$src" "$STAGE/$src" || die "cannot copy $src"
        got=$(sha256sum <"$STAGE/$src") || die "cannot read $src"
        [ "${got%% *}" = "$sum" ] ||
            die "$src is not the file that was exported (its SHA-256 differs). Export the bundle again. Nothing was changed."
    done <<EOF
$FILES
EOF
    for f in "$CERT_FILE" "$CLIENT_CA_FILE" "$SITE_FILE"; do
        [ -n "$f" ] || [ "$MODE" != merge ] || continue
        [ -f "$STAGE/$f" ] || die "install.data: $f is not one of the bundle's files"
    done
}

# Between two looks at a server that is reloading (its old workers may answer the first tries): 0.1 s after each of
# the first five tries ($1), then 0.5 s.
retry_pause() {
    if [ "$1" -le 5 ]; then
        sleep 0.1 2>/dev/null || sleep 1
    else
        sleep 0.5 2>/dev/null || sleep 1
    fi
}

# What the server serves at $CONNECT for $DOMAIN: the bundle's certificate, and a request for a client
# certificate naming the client CA.
verify_served() {
    want=$(openssl x509 -in "$STAGE/$CERT_FILE" -noout -fingerprint -sha256) || return 1
    ca=$(openssl x509 -in "$STAGE/$CLIENT_CA_FILE" -noout -subject) || return 1
    ca=${ca#subject=}
    ca=${ca# }
    # The reload is asynchronous: the old workers may answer the first tries. Looked at again after 0.1 s five
    # times, then every 0.5 s: at least 5.5 s of waiting in all.
    tries=0
    while [ "$tries" -lt 15 ]; do
        tries=$((tries + 1))
        out=$(timeout 10 openssl s_client -connect "$CONNECT" -servername "$DOMAIN" </dev/null 2>/dev/null 9>&-)
        got=$(printf '%s\n' "$out" | openssl x509 -noout -fingerprint -sha256 2>/dev/null)
        names=$(printf '%s\n' "$out" | sed -n '/^Acceptable client certificate CA names/,/^[A-Z][^=]*:/p')
        if [ -n "$got" ] && [ "$got" = "$want" ] && printf '%s\n' "$names" | grep -qxF -- "$ca"; then
            return 0
        fi
        retry_pause "$tries"
    done
    [ -n "$got" ] || { fail "nothing answered TLS at $CONNECT"; return 1; }
    [ "$got" = "$want" ] || { fail "$CONNECT serves another certificate for $DOMAIN"; return 1; }
    fail "$CONNECT does not ask for a client certificate from $ca"
    return 1
}

# The certificate served at $CONNECT for $DOMAIN: its SHA-256 fingerprint, nothing when no TLS answers there.
served_fingerprint() {
    timeout 10 openssl s_client -connect "$CONNECT" -servername "$DOMAIN" </dev/null 2>/dev/null 9>&- |
        openssl x509 -noout -fingerprint -sha256 2>/dev/null
}

# What step $1 recorded as served before it ran: a fingerprint, "none", or nothing when it recorded nothing.
served_before() {
    f=$STEPS/$1/served-before
    [ -f "$f" ] && [ ! -L "$f" ] || return 0
    v=$(head -n 1 -- "$f")
    case "$v" in
    none) echo none ;;
    *[!A-Za-z0-9:=\ ]*) ;;
    *Fingerprint=*) printf '%s\n' "$v" ;;
    esac
}

# After a rollback: $CONNECT serves for $DOMAIN what it served before the run undone ($1, as served_before says);
# $2 is the bundle's certificate. Fails when the bundle's certificate is still served where it was not before;
# says so when it cannot tell.
verify_rolled_back() {
    tries=0
    while [ "$tries" -lt 10 ]; do
        tries=$((tries + 1))
        got=$(served_fingerprint)
        case "$1" in
        none) [ -n "$got" ] || {
            say "Checked: nothing answers TLS at $CONNECT for $DOMAIN, as before that run."
            return 0
        } ;;
        '') [ "$got" = "$2" ] || {
            say "Checked: $CONNECT no longer serves the bundle's certificate for $DOMAIN."
            return 0
        } ;;
        *) [ "$got" != "$1" ] || {
            say "Checked: $CONNECT serves the same certificate for $DOMAIN as before that run."
            return 0
        } ;;
        esac
        sleep 0.5 2>/dev/null || sleep 1
    done
    if [ -n "$got" ] && [ "$got" = "$2" ]; then
        if [ -z "$1" ] && [ "$(last_step)" -gt 0 ]; then
            say "Not checked: that run did not record what $CONNECT served before it, and an earlier run that installed the same certificate remains."
            return 0
        fi
        fail "the files were put back and the server reloaded, but $CONNECT still serves the bundle's certificate for $DOMAIN"
        return 1
    fi
    if [ -z "$got" ]; then
        say "Not verified: nothing answers TLS at $CONNECT for $DOMAIN now, and something did before that run."
    else
        say "Not verified: $CONNECT serves another certificate for $DOMAIN than before that run (renewed since?); it is not the bundle's."
    fi
    return 0
}

# The status code of GET $1 at $CONNECT for $DOMAIN without a client certificate (openssl, as curl may be missing):
# three digits, nothing when nothing answered.
http_status() {
    code=$(printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$1" "$DOMAIN" |
        timeout 10 openssl s_client -quiet -connect "$CONNECT" -servername "$DOMAIN" 2>/dev/null 9>&- |
        awk '/^HTTP\// { print $2; exit }')
    case "$code" in
    [0-9][0-9][0-9]) printf '%s\n' "$code" ;;
    esac
}

# A status code a step recorded ($STEPS/$1/$2): three digits, or nothing ("none", or not recorded).
status_before() {
    f=$STEPS/$1/$2
    [ -f "$f" ] && [ ! -L "$f" ] || return 0
    v=$(head -n 1 -- "$f")
    case "$v" in
    [0-9][0-9][0-9]) printf '%s\n' "$v" ;;
    esac
}

# An openssl fingerprint line ("sha256 Fingerprint=AB:CD:...") as lowercase hex without colons.
fingerprint_hex() {
    printf '%s\n' "${1#*=}" | tr -d ':' | tr 'A-F' 'a-f'
}

# Merge mode, after the reload: the site still serves its own certificate at $CONNECT for $DOMAIN, refuses the
# webhook path to a caller without a client certificate (403), and answers "/" as before the change ($1: the status
# recorded then, empty when nothing answered).
verify_merged() {
    # The reload is asynchronous: retried as verify_served does.
    tries=0
    while [ "$tries" -lt 15 ]; do
        tries=$((tries + 1))
        leaf=$(fingerprint_hex "$(served_fingerprint)")
        path_status=$(http_status "$WEBHOOK_PATH")
        root_status=
        [ -z "$1" ] || root_status=$(http_status /)
        if [ "$leaf" = "$SITE_LEAF" ] && [ "$path_status" = 403 ] && [ "$root_status" = "$1" ]; then
            return 0
        fi
        retry_pause "$tries"
    done
    [ "$leaf" = "$SITE_LEAF" ] ||
        fail "$CONNECT should serve the site's own certificate for $DOMAIN (SHA-256 $SITE_LEAF) and serves ${leaf:-nothing}"
    [ "$path_status" = 403 ] ||
        fail "$WEBHOOK_PATH should answer 403 to a caller without a client certificate and answers ${path_status:-nothing}"
    [ "$root_status" = "$1" ] || fail "\"/\" should answer $1 as before the change and answers ${root_status:-nothing}"
    return 1
}

# After the rollback of a merge run: the webhook path answers what it answered before that run ($1, empty when
# not recorded).
verify_path_rolled_back() {
    [ -n "$1" ] || return 0
    tries=0
    while [ "$tries" -lt 10 ]; do
        tries=$((tries + 1))
        got=$(http_status "$WEBHOOK_PATH")
        if [ "$got" = "$1" ]; then
            say "Checked: $WEBHOOK_PATH answers $got without a client certificate, as before that run."
            return 0
        fi
        sleep 0.5 2>/dev/null || sleep 1
    done
    fail "the files were put back and the server reloaded, but $WEBHOOK_PATH answers ${got:-nothing} without a client certificate, and answered $1 before that run"
    return 1
}

# Free space, checked before anything is written: the bytes each filesystem receives (files, backups, the step's
# records), against what df says is available, with a margin.
SPACE_NEEDS=
need_space() { # folder bytes
    d=$1
    while [ ! -e "$d" ]; do
        d=${d%/*}
        [ -n "$d" ] || d=/
    done
    dev=$(stat -L -c %d -- "$d") || return 0
    SPACE_NEEDS="$SPACE_NEEDS$dev $2 $d$NL"
}

file_size() { wc -c <"$1" | tr -d ' '; }

check_space() {
    for dev in $(printf '%s' "$SPACE_NEEDS" | cut -d ' ' -f 1 | sort -u); do
        total=0
        where=
        while read -r dv bytes d; do
            [ "$dv" = "$dev" ] || continue
            total=$((total + bytes))
            [ -n "$where" ] || where=$d
        done <<EOF
$SPACE_NEEDS
EOF
        kib=$(((total + 1023) / 1024 + 512))
        free=$(df -Pk -- "$where" | awk 'NR == 2 { print $4 }')
        is_number "$free" || continue
        [ "$free" -ge "$kib" ] ||
            die "disk full: the filesystem holding $where has $free KiB free, and this needs about $kib KiB with a margin. Nothing was changed."
    done
}

# Room to install: each file beside its target, the backup of what it replaces, the staged copy.
space_to_install() {
    while read -r src target mode sum; do
        [ -n "$src" ] || continue
        size=$(file_size "$HERE/$src") || continue
        need_space "${target%/*}" $((size + 4096))
        need_space "$BACKUP_DIR" $((size + 4096))
        if [ -f "$target" ] && [ ! -L "$target" ]; then
            need_space "$BACKUP_DIR" $(($(file_size "$target") + 4096))
        fi
    done <<EOF
$FILES
EOF
    need_space "$BACKUP_DIR" 65536
    check_space
}

# Room to put back the backups of the last step ($1 = one) or of every step ($1 = all) beside the files there now.
space_to_undo() {
    newest=$(last_step)
    for s in "$STEPS"/*; do
        n=${s##*/}
        is_number "$n" || continue
        [ "$1" = all ] || [ "$n" = "$newest" ] || continue
        [ -f "$s/manifest" ] || continue
        while read -r kind target arg rest; do
            [ "$kind" = file ] && [ -f "$s/files/$arg" ] || continue
            need_space "${target%/*}" $(($(file_size "$s/files/$arg") + 4096))
        done <"$s/manifest"
    done
    need_space "$BACKUP_DIR" 65536
    check_space
}

# Undoes step $SD after a failure, reloads, and stops.
abort_step() {
    fail "$1: putting every file back"
    undo_step "${SD##*/}" || die "some files could not be put back; see $SD"
    clean_leftovers
    if [ "${2:-}" = reload ]; then
        reload_now || fail "reloading the previous configuration failed too"
    fi
    exit 1
}

interrupted() {
    trap - INT TERM HUP
    abort_step "interrupted" reload
}

do_install() {
    say "Checking the bundle and the server ($SERVER, $CONF_ROOT)."
    STAGE=$(mktemp -d "$BACKUP_DIR/.stage.XXXXXXXXXX") || die "cannot write into $BACKUP_DIR"
    # What $CONNECT serves before the change, read while the checks below run (nothing is changed before the
    # step waits for it); without the lock's descriptor, so that a refusal below does not keep the lock. In merge
    # mode also the status codes of "/" and of the webhook path.
    if [ "$MODE" = merge ]; then
        {
            served_fingerprint >"$STAGE/.served-before" &
            http_status / >"$STAGE/.root-before" &
            http_status "$WEBHOOK_PATH" >"$STAGE/.path-before"
            wait
        } 2>/dev/null 9>&- &
    else
        served_fingerprint >"$STAGE/.served-before" 2>/dev/null 9>&- &
    fi
    served_pid=$!
    if [ "$MODE" != merge ] && ! keys_match; then
        die "$KEY_FILE does not belong to the certificate $CERT_FILE (was a file of the bundle replaced?). Export the bundle again. Nothing was changed."
    fi
    # The files the change was planned from: as they were then.
    while read -r target sum; do
        [ -n "$target" ] || continue
        got=
        if [ -f "$target" ] && [ ! -L "$target" ]; then
            got=$(sha256sum <"$target") || got=
        fi
        [ "${got%% *}" = "$sum" ] ||
            die "$target changed since the change was planned (its SHA-256 differs); run apply again. Nothing was changed."
    done <<EOF
$EXPECTS
EOF
    while read -r src target mode sum; do
        [ "$mode" = keep ] || continue
        [ -f "$target" ] && [ ! -L "$target" ] ||
            die "$target is not a regular file here (the change edits the file there). Nothing was changed."
    done <<EOF
$FILES
EOF
    while read -r target; do
        [ -n "$target" ] || continue
        if [ -L "$target" ] || [ -d "$target" ]; then
            case "$LINKS" in
            "$target "* | *"$NL$target "*) [ ! -d "$target" ] && continue ;;
            esac
            die "refusing: $target is a symbolic link or a folder; nothing was changed"
        fi
    done <<EOF
$TARGETS
EOF
    if ! server_test >/dev/null 2>&1; then
        server_test
        die "the server's current configuration does not pass its test; fix it first. Nothing was changed."
    fi
    space_to_install
    stage_bundle
    step=$(($(last_step) + 1))
    SD=$STEPS/$step
    mkdir -m 700 -- "$SD" && set_state "$step" started && mkdir -m 700 -- "$SD/files" && : >"$SD/manifest" ||
        die "cannot write into $STEPS"
    wait "$served_pid" || :
    before=
    IFS= read -r before <"$STAGE/.served-before" || :
    printf '%s\n' "${before:-none}" >"$SD/served-before" || die "cannot write into $SD"
    root_before=
    if [ "$MODE" = merge ]; then
        IFS= read -r root_before <"$STAGE/.root-before" || :
        IFS= read -r path_before <"$STAGE/.path-before" || :
        printf '%s\n' "${root_before:-none}" >"$SD/root-before" &&
            printf '%s\n' "${path_before:-none}" >"$SD/path-before" || die "cannot write into $SD"
    fi
    trap interrupted INT TERM HUP
    say "Installing the files (backups in $SD)."
    install_all || abort_step "installing the files failed"
    set_state "$step" written
    say "Testing the new configuration."
    tested=$(server_test 2>&1) || {
        printf '%s\n' "$tested" >&2
        abort_step "the server refused the new configuration"
    }
    # nginx passes its test with a second site for the same name and port, keeps one of the two and only warns.
    if [ "$MODE" != merge ]; then
        case "$tested" in
        *"conflicting server name \"$DOMAIN\" on "*)
            printf '%s\n' "$tested" >&2
            abort_step "another site already answers $DOMAIN on the same port, and the server would keep only one of the two (the webhook or that site would stop working). Use a name of its own for the webhook (for example a subdomain), or move the other site first. Nothing was kept"
            ;;
        esac
    fi
    say "Reloading the server."
    server_reload || abort_step "the server did not reload" reload
    say "Checking what the server serves at $CONNECT."
    if [ "$MODE" = merge ]; then
        verify_merged "$root_before" || abort_step "the site does not answer as planned" reload
    else
        verify_served || abort_step "the server does not serve the new configuration" reload
    fi
    set_state "$step" "done"
    rm -f -- "$PENDING"
    trap - INT TERM HUP
    rm -rf -- "$STAGE"
    if [ "$MODE" = merge ]; then
        if [ -n "$root_before" ]; then
            root_said="\"/\" answers $root_before as before"
        else
            root_said="\"/\" not compared (nothing answered it before)"
        fi
        say "Installed, reloaded and checked: $CONNECT still serves the site's own certificate for $DOMAIN, $WEBHOOK_PATH refuses callers without a client certificate (403), $root_said. Backups: $SD. Undo with: sh install.sh --rollback"
    else
        say "Installed, reloaded and checked: $CONNECT serves the certificate for $DOMAIN and asks for a client certificate. Backups: $SD. Undo with: sh install.sh --rollback"
    fi
}

# Undoes the last finished run ($1 = one) or every run ($1 = all).
do_rollback() {
    recover
    if [ "$1" = one ] && [ "$recovered" = 1 ]; then
        say "The unfinished run was completed; the configuration before it is back and the server reloaded."
        return 0
    fi
    n=$(last_step)
    if [ "$n" -eq 0 ]; then
        die "nothing to roll back: install.sh has not installed anything here (no backups in $STEPS)"
    fi
    space_to_undo "$1"
    ours=
    [ -z "$CERT_FILE" ] || ours=$(openssl x509 -in "$HERE/$CERT_FILE" -noout -fingerprint -sha256 2>/dev/null)
    while [ "$n" -gt 0 ]; do
        expected=$(served_before "$n")
        expected_path=$(status_before "$n" path-before)
        undo_step "$n" || die "some files could not be put back; see $STEPS/$n"
        [ "$1" = one ] && break
        n=$(last_step)
    done
    say "Reloading the server."
    if reload_now; then
        say "Checking what the server serves at $CONNECT."
        if [ "$MODE" = merge ] && [ -z "$expected" ]; then
            say "Not checked: that run did not record what $CONNECT served before it."
        else
            verify_rolled_back "$expected" "$ours" ||
                die "the files are back, but the server does not serve what it served before"
        fi
        if [ "$MODE" = merge ]; then
            verify_path_rolled_back "$expected_path" ||
                die "the files are back, but the webhook path does not answer as it did before"
        fi
        if [ "$1" = one ]; then
            say "Run $n of install.sh is undone and the server reloaded; $(last_step) earlier run(s) remain."
        else
            say "Everything install.sh installed for $DOMAIN is removed, the original files are back and the server reloaded."
        fi
    else
        server_test
        die "the files were put back, but the server did not test or reload cleanly"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
case "$ACTION" in
--rollback | --remove | --check | "") ;;
*)
    say "Usage: sh install.sh [--rollback | --remove | --check]"
    exit 2
    ;;
esac
[ "$(id -u)" = 0 ] || die "run it as root (sudo sh install.sh); nothing was changed"
command -v openssl >/dev/null 2>&1 || die "openssl is needed (apt-get install openssl); nothing was changed"
trusted_binary
if [ "$ACTION" = --check ]; then
    server_test
    exit
fi
trusted_dir "$BACKUP_DIR"
trusted_dir "$CERT_DIR"
while read -r target; do
    [ -n "$target" ] && trusted_dir "${target%/*}"
done <<EOF
$TARGETS
EOF
mkdir -p -- "$STEPS" || die "cannot create $STEPS"
trusted_dir "$STEPS"
# The lock is descriptor 9. Programs that may outlive a killed run (the server, openssl s_client under timeout) get
# it closed, so that the next run is not refused while they end.
exec 9>"$BACKUP_DIR/lock" || die "cannot write into $BACKUP_DIR"
if command -v flock >/dev/null 2>&1; then
    flock -n 9 || die "another install.sh is running for $DOMAIN (lock: $BACKUP_DIR/lock)"
fi
clean_leftovers
case "$ACTION" in
--rollback) do_rollback one ;;
--remove) do_rollback all ;;
"")
    recover
    do_install
    ;;
esac
