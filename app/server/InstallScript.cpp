#include "InstallScript.h"

namespace mtls {

QString shellQuote(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

namespace {

// The part of the script that does not depend on the bundle.
const char* const kBody = R"SH(
HERE=$(cd "$(dirname "$0")" && pwd)
MANIFEST="$BACKUP_DIR/manifest"
STATE="$BACKUP_DIR/state"
TAB=$(printf '\t')

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >> "$MANIFEST"; }

# Puts back everything the manifest lists, last change first.
rollback() {
    [ -f "$MANIFEST" ] || { fail "nothing to roll back (no $MANIFEST)"; return 1; }
    status=0
    sed -n '1!G;h;$p' "$MANIFEST" > "$MANIFEST.reversed"
    while IFS="$TAB" read -r kind target extra; do
        case "$kind" in
        file)
            cp -p "$BACKUP_DIR/$extra" "$target.mtls-restore" && mv -f "$target.mtls-restore" "$target" || status=1 ;;
        link)
            rm -f "$target.mtls-restore" && ln -s "$extra" "$target.mtls-restore" && mv -f "$target.mtls-restore" "$target" || status=1 ;;
        new)
            rm -f "$target" || status=1 ;;
        dir)
            rmdir "$target" 2>/dev/null || true ;;
        esac
    done < "$MANIFEST.reversed"
    rm -f "$MANIFEST.reversed"
    if [ "$status" -eq 0 ]; then
        mv -f "$MANIFEST" "$MANIFEST.rolled-back"
        echo rolled-back > "$STATE"
    fi
    return "$status"
}

# Records what is at $1 before it is replaced.
backup() {
    n=$(wc -l < "$MANIFEST" | tr -d ' ')
    if [ -L "$1" ]; then
        record link "$1" "$(readlink "$1")"
    elif [ -f "$1" ]; then
        cp -p "$1" "$BACKUP_DIR/$n" || return 1
        record file "$1" "$n"
    elif [ -e "$1" ]; then
        fail "$1 exists and is not a file; it will not be replaced"
        return 1
    else
        record new "$1"
    fi
}

# Creates $1 and its missing parents, recording each.
make_dir() {
    [ -d "$1" ] && return 0
    make_dir "$(dirname "$1")" || return 1
    mkdir "$1" || return 1
    record dir "$1"
}

install_file() { # source target mode
    make_dir "$(dirname "$2")" && backup "$2" &&
        cp "$HERE/$1" "$2.mtls-new" && chmod "$3" "$2.mtls-new" && mv -f "$2.mtls-new" "$2"
}

install_link() { # target points-to
    make_dir "$(dirname "$1")" && backup "$1" &&
        rm -f "$1.mtls-new" && ln -s "$2" "$1.mtls-new" && mv -f "$1.mtls-new" "$1"
}

writable() { # the nearest existing directory of $1 is writable
    d=$1
    while [ ! -e "$d" ]; do d=$(dirname "$d"); done
    [ -w "$d" ]
}

interrupted() {
    fail "interrupted: putting every file back"
    rollback
    exit 1
}

# The certificate's public key is the key file's (openssl x509 -pubkey and pkey -pubout print the same PEM).
keys_match() {
    [ -n "$CERT_FILE" ] || return 0
    if ! command -v openssl >/dev/null 2>&1; then
        say "openssl is not installed: not checking that $KEY_FILE belongs to $CERT_FILE"
        return 0
    fi
    cert_key=$(openssl x509 -in "$HERE/$CERT_FILE" -noout -pubkey 2>/dev/null) || return 1
    key_key=$(openssl pkey -in "$HERE/$KEY_FILE" -pubout 2>/dev/null) || return 1
    [ -n "$cert_key" ] && [ "$cert_key" = "$key_key" ]
}

do_install() {
    for target in $TARGETS; do
        writable "$(dirname "$target")" || { fail "cannot write into $(dirname "$target"): run as root (sudo sh install.sh)"; exit 1; }
    done
    if ! keys_match; then
        fail "$KEY_FILE does not belong to the certificate $CERT_FILE (was a file of the bundle replaced?). Export the bundle again. Nothing was changed."
        exit 1
    fi
    if ! sh -c "$TEST_CMD"; then
        fail "the server's current configuration does not pass its test ($TEST_CMD); fix it first. Nothing was changed."
        exit 1
    fi
    mkdir -p "$BACKUP_DIR" && chmod 700 "$BACKUP_DIR" || { fail "cannot create $BACKUP_DIR"; exit 1; }
    if [ -f "$STATE" ] && [ "$(cat "$STATE")" != done ] && [ "$(cat "$STATE")" != rolled-back ]; then
        say "An earlier install was interrupted: putting its files back first."
        rollback || { fail "the earlier install could not be rolled back; see $BACKUP_DIR"; exit 1; }
    fi
    rm -f "$BACKUP_DIR"/[0-9]* "$MANIFEST.rolled-back"
    : > "$MANIFEST"
    echo started > "$STATE"
    trap interrupted INT TERM HUP
    install_all || { fail "installing the files failed: putting every file back"; rollback; exit 1; }
    echo written > "$STATE"
    if ! sh -c "$TEST_CMD"; then
        fail "the server refused the new configuration ($TEST_CMD): putting every file back"
        rollback
        exit 1
    fi
    if ! sh -c "$RELOAD_CMD"; then
        fail "the server did not reload ($RELOAD_CMD): putting every file back and reloading again"
        rollback
        sh -c "$RELOAD_CMD" || fail "reloading the previous configuration failed too"
        exit 1
    fi
    trap - INT TERM HUP
    echo done > "$STATE"
    say "Installed and reloaded. Backups and the list of changes: $BACKUP_DIR. Undo with: sh install.sh --rollback"
}

case "${1:-}" in
--rollback)
    [ -f "$STATE" ] && [ "$(cat "$STATE")" = rolled-back ] && { fail "the last install was already rolled back"; exit 1; }
    rollback || { fail "some files could not be put back; see $BACKUP_DIR"; exit 1; }
    if sh -c "$TEST_CMD" && sh -c "$RELOAD_CMD"; then
        say "The previous configuration is back and the server reloaded it."
    else
        fail "the files were put back, but the server did not test or reload cleanly"
        exit 1
    fi ;;
--check)
    sh -c "$TEST_CMD" ;;
"")
    do_install ;;
*)
    say "Usage: sh install.sh [--rollback | --check]"
    exit 2 ;;
esac
)SH";

} // namespace

QString installScript(const InstallScriptParams& p)
{
    QString s;
    s += QStringLiteral("#!/bin/sh\n");
    s += QStringLiteral(
             "# Installs the HTTPS mutual TLS configuration for the Tencent Cloud Chat webhook of %1 on %2.\n")
             .arg(p.domain, serverKindDisplayName(p.kind));
    s += QStringLiteral(
        "# Made by mTLS Assistant. Run it as root on the server, from this folder:\n"
        "#   sh install.sh             checks, backups, install, the server's test, reload; undone on any failure\n"
        "#   sh install.sh --rollback  puts back what the last install changed\n"
        "#   sh install.sh --check     only runs the server's configuration test\n"
        "# Environment: MTLS_TEST_CMD and MTLS_RELOAD_CMD replace the commands that test and reload the server,\n"
        "# MTLS_BACKUP_DIR the folder for backups.\n");
    s += QStringLiteral("set -u\numask 077\n");
    s += QStringLiteral("TEST_CMD=${MTLS_TEST_CMD:-%1}\n").arg(shellQuote(p.testCommand));
    s += QStringLiteral("RELOAD_CMD=${MTLS_RELOAD_CMD:-%1}\n").arg(shellQuote(p.reloadCommand));
    s += QStringLiteral("BACKUP_DIR=${MTLS_BACKUP_DIR:-%1}\n").arg(shellQuote(p.backupDir));
    s += QStringLiteral("CERT_FILE=%1\nKEY_FILE=%2\n").arg(shellQuote(p.certificateSource), shellQuote(p.keySource));
    QStringList targets;
    for (const auto& f : p.files)
        targets << f.target;
    for (const auto& [target, to] : p.links)
        targets << target;
    // Targets never contain white space here (checked by the export), so a plain list works.
    s += QStringLiteral("TARGETS=%1\n").arg(shellQuote(targets.join(QLatin1Char(' '))));
    s += QStringLiteral("\ninstall_all() {\n");
    for (const auto& f : p.files)
        s += QStringLiteral("    install_file %1 %2 %3 || return 1\n")
                 .arg(shellQuote(f.source), shellQuote(f.target), f.mode);
    for (const auto& [target, to] : p.links)
        s += QStringLiteral("    install_link %1 %2 || return 1\n").arg(shellQuote(target), shellQuote(to));
    s += QStringLiteral("}\n");
    s += QString::fromUtf8(kBody);
    return s;
}

} // namespace mtls
