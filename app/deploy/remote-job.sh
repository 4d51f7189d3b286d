#!/bin/sh
# remote-job.sh: runs one action of a bundle's install.sh on the server as a job of its own, so that it finishes
# even when the connection that started it drops. mTLS Assistant starts it detached (setsid, nohup, standard input
# from /dev/null) as root:
#   sh remote-job.sh JOB_DIR
# JOB_DIR/job holds what to run (plain values, read and checked, never run):
#   action=install|rollback|remove   bundle=/ABSOLUTE/FOLDER/OF/install.sh
# It writes its process id to JOB_DIR/pid, the output of install.sh to JOB_DIR/log and, once install.sh has ended,
# its exit status to JOB_DIR/status (written under another name, then moved: present only when complete). The copy
# of the private key in the bundle is deleted when install.sh ends, whatever its outcome.

set -u
unset CDPATH ENV BASH_ENV
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
LC_ALL=C
export LC_ALL
umask 077

[ $# -eq 1 ] || exit 2
JOB=$1
case "$JOB" in
/*) ;;
*) exit 2 ;;
esac
[ -f "$JOB/job" ] && [ ! -L "$JOB/job" ] || exit 2

ACTION=
BUNDLE=
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
    action=install | action=rollback | action=remove) ACTION=${line#action=} ;;
    bundle=/*)
        BUNDLE=${line#bundle=}
        case "$BUNDLE" in
        *[!A-Za-z0-9._/+@:,=-]* | */../* | */..) exit 2 ;;
        esac
        ;;
    esac
done <"$JOB/job"
[ -n "$ACTION" ] && [ -n "$BUNDLE" ] && [ -f "$BUNDLE/install.sh" ] || exit 2

finish() {
    rm -f -- "$BUNDLE/certs/privkey.pem"
    printf '%s\n' "$1" >"$JOB/status.new" && mv -f -- "$JOB/status.new" "$JOB/status"
    exit 0
}

printf '%s\n' "$$" >"$JOB/pid.new" && mv -f -- "$JOB/pid.new" "$JOB/pid" || exit 2
: >>"$JOB/log"
case "$ACTION" in
install) sh "$BUNDLE/install.sh" </dev/null >>"$JOB/log" 2>&1 ;;
*) sh "$BUNDLE/install.sh" "--$ACTION" </dev/null >>"$JOB/log" 2>&1 ;;
esac
finish "$?"
