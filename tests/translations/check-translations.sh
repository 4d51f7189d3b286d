#!/bin/sh
# Fails when a .ts file is out of date with the sources (a new string not in it, or a vanished one still in it),
# has an unfinished entry, or when lupdate finds a tr() call it cannot attribute to a context (such a string
# would never be translated at run time).
# Usage: check-translations.sh SOURCE_DIR LUPDATE
set -eu
src=$1
lupdate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

for ts in "$src"/translations/*.ts; do
    name=$(basename "$ts")
    cp "$ts" "$work/$name"
    options="-no-obsolete -locations none"
    case $name in *_en.ts) options="$options -pluralonly" ;; esac
    # shellcheck disable=SC2086
    "$lupdate" $options -extensions cpp,h,ui "$src/app" "$src/ui" -ts "$work/$name" >"$work/$name.log" 2>&1 || {
        cat "$work/$name.log"
        exit 1
    }
    if grep -E "lacks Q_OBJECT|Cannot invoke tr|Discarding unconsumed|is not supported" "$work/$name.log"; then
        echo "$name: lupdate cannot attribute the strings above to a context; use Q_DECLARE_TR_FUNCTIONS or tr() of a Q_OBJECT class."
        status=1
    fi
    if ! cmp -s "$ts" "$work/$name"; then
        echo "$name is out of date with the sources:"
        diff -u "$ts" "$work/$name" | grep -E '^[-+] *<source>' | head -40
        echo "Run 'cmake --build build --target update_translations' and translate the new entries."
        status=1
    fi
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    vanished=$(grep -cE 'type="(vanished|obsolete)"' "$ts" || true)
    if [ "$unfinished" != 0 ] || [ "$vanished" != 0 ]; then
        echo "$name: $unfinished unfinished and $vanished vanished entries."
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' | head -20
        status=1
    fi
done
[ $status = 0 ] && echo "translations complete and up to date"
exit $status
