#!/bin/sh
# The README's start command, copied by the build to app/target/migrants-guide (issue 19, docs/performance.md,
# "Start-up: the README's launcher"). It runs app/target/migrants-guide.jar with the two JVM options that make the
# installer's launcher open as fast as a bare window, which a jar cannot give itself from its manifest:
#  - class data sharing: the app's classes mapped from an archive (migrants-guide-N.jsa, next to the jar) instead of
#    read from the 68 MB jar and verified one by one. The build makes it (`--make-start-archive`, below: the home
#    screen drawn without a display, -XX:ArchiveClassesAtExit on top of the JDK's own archive, ~3 s); every start
#    maps it. An archive serves only the jar and the JVM it was made with (the JVM would ignore a stale one and start
#    as slowly as without it), so it is mapped only when newer than both, and its name carries a checksum of the
#    JVM's real path (another JDK is another name). With none that fits (another JDK than the build's, a failed
#    step), the first window start writes one as it closes, for the next.
#  - C1 only (-XX:TieredStopAtLevel=1): no C2 compiles competing with the start for the CPU.
# Arguments go to the app as they are (app/target/migrants-guide --help). JAVA_HOME chooses the JDK, as for Maven.
self=$(readlink -f "$0" 2>/dev/null || echo "$0")   # a link to the script (~/bin/guide) still finds the jar
here=$(cd "$(dirname "$self")" && pwd)
jar="$here/migrants-guide.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_binary=$(command -v "$java") || { echo "migrants-guide: no $java: install JDK 17 or set JAVA_HOME" >&2; exit 1; }
java_binary=$(readlink -f "$java_binary" 2>/dev/null || echo "$java_binary")
archive="$here/migrants-guide-$(printf %s "$java_binary" | cksum | cut -d ' ' -f 1).jsa"
[ -f "$jar" ] || { echo "migrants-guide: no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 1; }
# Written under a name of this process's own and renamed when complete, so that two writers at once, or one killed
# while writing, never leave a half archive under the name the next start maps.
partial="$archive.$$"
# The JVM writing every app class it loaded to $partial as it exits. It replaces the shell it runs in: call it in a
# subshell, ( … ), so that the subshell's pid is the JVM's.
java_writing_archive() {
  exec "$java" -XX:ArchiveClassesAtExit="$partial" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 \
    -jar "$jar" "$@"
}
clear_archives() { rm -f "$here"/migrants-guide-*.jsa "$here"/migrants-guide-*.jsa.*; }
keep_partial() { if [ -s "$partial" ]; then mv -f "$partial" "$archive"; else rm -f "$partial"; return 1; fi; }

if [ "${1:-}" = "--make-start-archive" ]; then
  # The build's step (app/pom.xml, after the jar): the home screen in Tajik for Russia drawn to a PNG without a
  # display (the screenshot command, on the built-in content imported into a temporary folder), so the archive holds
  # what the first screen loads: Compose, Skia, the store, SQLite, the home screen. The window's own classes (AWT,
  # Compose's window) load from the jar. A failure leaves the build as it is: the guide starts without an archive.
  work=$(mktemp -d)
  clear_archives
  if (java_writing_archive screenshot --screen home --lang tg --country RU --out "$work/home.png") >"$work/log" 2>&1 \
      && keep_partial; then
    echo "migrants-guide: start-up archive $archive"
  else
    rm -f "$partial"
    echo "migrants-guide: no start-up archive (the window will write one as it first closes):" >&2
    tail -n 5 "$work/log" >&2
  fi
  rm -rf "$work"
  exit 0
fi

if [ -f "$archive" ] && [ "$archive" -nt "$jar" ] && [ "$archive" -nt "$java_binary" ]; then
  exec "$java" -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
fi

# No archive that fits. Only the window trains one (no arguments, or only --data DIR): a command such as info or
# search loads few of the window's classes, and an archive of them would serve the window badly until the next build.
window=no
if [ $# -eq 0 ] || { [ $# -eq 2 ] && [ "$1" = "--data" ]; }; then window=yes; fi
if [ "$window" = no ] || [ ! -w "$here" ]; then
  exec "$java" -XX:TieredStopAtLevel=1 -jar "$jar" "$@"
fi

clear_archives
echo "migrants-guide: no start-up archive for $java_binary; as the window closes it writes $archive (a few seconds)" >&2
# The background job is the JVM itself, so that $! is its pid and the signal below reaches it.
(java_writing_archive "$@") &
app=$!
# A signal to this script (Ctrl+C, a desktop's close, kill) goes to the app, which closes in order and writes the
# archive; the script waits for that instead of leaving it behind.
trap 'kill -TERM "$app" 2>/dev/null' INT TERM HUP
status=0
wait "$app" || status=$?
while kill -0 "$app" 2>/dev/null; do wait "$app" || status=$?; done
keep_partial || true
exit "$status"
