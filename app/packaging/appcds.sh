#!/usr/bin/env bash
# AppCDS for the installer's app image (issue 19): a training start lists the classes the app loads, and a static
# class-data archive of them (the JDK's and the app's) is dumped next to the jar; the launcher's configuration then
# maps them in at every start instead of loading and verifying them one by one. Static, because the image's runtime
# has no bin/java (jlink --strip-native-commands), so jlink cannot make the base archive a dynamic one would need;
# both runs go through the image's own launcher. Usage: appcds.sh APP_IMAGE_DIR WORK_DIR
#
# The training run is the everyday start itself: the window on the home screen with content (Tajik, Russia, the
# built-in content imported: TrainingFolder.java), from the launcher's start to 3 s after its first frame, as the
# start-up benchmark measures it. So the archive holds the window's classes too (AWT, Skiko's redrawer, Compose's
# window, the first sync), which a screenshot never loads: about 3,000 classes more than a screenshot's list.
# It needs a display: $DISPLAY, or a private Xvfb when there is one; with neither, the training is the screenshot
# command on the home screen (no display), and the window's own classes load from the jar as without an archive.
# A CDS archive records the jar's path and time: it serves the image where it was built (and a copy keeping the
# jar's time under the same path); elsewhere the JVM ignores it and starts as without it, only slower. So the list
# stays in the image too (lib/app/migrants-guide.classlist), for the .deb's post-install step to dump its own.
set -euo pipefail
image="$1"
work="$2"
here="$(cd "$(dirname "$0")" && pwd)"
archive="$image/lib/app/migrants-guide.jsa"
config="$image/lib/app/migrants-guide.cfg"
jar="$image/lib/app/migrants-guide.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rm -rf "$work" "$archive" "$image/lib/app/migrants-guide.classlist"
mkdir -p "$work"
# Without the archive line while training: a rerun on the same image must not map the archive it replaces.
sed -i '/^java-options=-XX:SharedArchiveFile=/d' "$config"
log="$work/training.log"
fail() { echo "appcds.sh: $1:" >&2; cat "$log" >&2; exit 1; }
run() { "$image/bin/migrants-guide" "$@" >>"$log" 2>&1 || fail "the launcher failed: $*"; }

xvfb_pid=""
cleanup() { if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  # Xvfb picks a free display number itself and writes it to the file: no clash with other displays.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] && export DISPLAY=":$(head -n1 "$work/display")"
fi

run info --data "$work/data"
if [ -n "${DISPLAY:-}" ]; then
  "$java" -cp "$jar" "$here/TrainingFolder.java" "$work/data" >>"$log" 2>&1 || fail "the training folder failed"
  frame="$work/first-frame.txt"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.lst -Dmigrantsguide.firstFrameFile=$frame" \
    "$image/bin/migrants-guide" --data "$work/data" >>"$log" 2>&1 &
  window=$!
  for _ in $(seq 600); do [ -s "$frame" ] || ! kill -0 "$window" 2>/dev/null && break; sleep 0.1; done
  [ -s "$frame" ] || { kill "$window" 2>/dev/null || true; fail "the training window drew no frame within 60 s"; }
  sleep 3
  # SIGTERM: the JVM exits in order, so the class list is complete.
  kill "$window"
  wait "$window" || true
else
  echo "appcds.sh: no display (no \$DISPLAY, no Xvfb): training on a screenshot, without the window's classes" >&2
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.lst" run screenshot --screen home --lang tg --country RU \
    --out "$work/home.png" --data "$work/data"
fi
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/classes.lst -XX:SharedArchiveFile=$archive" run info --data "$work/data"
[ -s "$archive" ] || fail "no archive was written at $archive"
# The .deb carries the list instead of the archive, and its postinst dumps one at the installed path (packaging/deb).
cp "$work/classes.lst" "$image/lib/app/migrants-guide.classlist"
grep -q '^\[JavaOptions\]' "$config" || printf '[JavaOptions]\n' >>"$config"
# jpackage's launcher expands $APPDIR to the image's lib/app folder wherever the image is.
sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/migrants-guide.jsa' "$config"
