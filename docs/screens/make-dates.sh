#!/usr/bin/env bash
# Makes the My dates screens (issue 16) in docs/screens/: the home card and the timeline with a deadline, overdue,
# and after a "moved" notice; the date entry, clean and with a refused day. tg/ru/en, and tg/ru at 200 % and dark.
# Each state is a data folder filled with the app's own `dates set` (today = the computer's day):
#   plain:   entry 3 days ago in Russia (15 days: 12 left)      overdue: entry 20 days ago (5 days late)
#   moved:   entry 3 days ago, then that folder's date_seen row says the rule gave 20 days (which no source gives),
#            so the next read tells the move from day 20 to day 15, as a real update does in MyDatesTest.
# Run after the README's build (or set GUIDE to another way to start the app, e.g. from target/classes).
set -euo pipefail
cd "$(dirname "$0")/../.."
GUIDE=${GUIDE:-"java -jar app/target/migrants-guide.jar"}
out=docs/screens
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
day() { date -u -d "$1 days ago" +%F; }

prepare() { # NAME ENTRY-DAYS-AGO
  $GUIDE dates set --entry "$(day "$2")" --country RU --data "$work/$1" >/dev/null
}
prepare plain 3
prepare overdue 20
prepare moved 3
$GUIDE dates --data "$work/moved" >/dev/null # records the deadline as seen (date_seen)
sqlite3 "$work/moved/user.db" "UPDATE date_seen SET length = '20 calendar-days', due = '$(date -u -d "$(day 3) + 20 days" +%F)' WHERE rule = 'register-stay-ru'"

shoot() { # STATE SCREEN FILE-STEM [options…]
  local state=$1 screen=$2 stem=$3
  shift 3
  for lang in tg ru en; do
    $GUIDE screenshot --screen "$screen" --lang $lang --data "$work/$state" --out "$out/$stem-$lang.png" >/dev/null
  done
  for lang in tg ru; do
    $GUIDE screenshot --screen "$screen" --lang $lang --data "$work/$state" --font-scale 2 --out "$out/$stem-$lang-200.png" >/dev/null
    $GUIDE screenshot --screen "$screen" --lang $lang --data "$work/$state" --dark --out "$out/$stem-$lang-dark.png" >/dev/null
  done
}
# The timeline first: it marks the "moved" notice seen, so the home card after it shows no moved line. Copy
# the moved folder for the home card before.
cp -r "$work/moved" "$work/moved-home"
shoot plain dates dates
shoot overdue dates dates-overdue
shoot moved dates dates-moved
shoot plain home home-deadline
shoot overdue home home-deadline-overdue
shoot moved-home home home-deadline-moved
shoot plain date-entry date-entry
shoot plain date-entry-error date-entry-error
if command -v convert >/dev/null 2>&1; then
  for f in "$out"/dates-*.png "$out"/date-entry-*.png "$out"/home-deadline-*.png; do convert "$f" -colors 256 "PNG8:$f"; done
fi
