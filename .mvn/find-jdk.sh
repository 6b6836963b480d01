# Sourced by ./mvnw and ./truce: makes JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under /usr/lib/jvm.
# POSIX sh on purpose: mvnw is a /bin/sh script.
truce_java_major() {
  # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}
truce_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(truce_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    _jh=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(truce_java_major "$_jh/bin/java")" -ge 21 ]; then JAVA_HOME=$_jh; export JAVA_HOME; return 0; fi
  fi
  _best=""; _bestv=0
  for _d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$_d/bin/javac" ] || continue
    _v=$(truce_java_major "$_d/bin/java")
    if [ "$_v" -gt "$_bestv" ]; then _best=$_d; _bestv=$_v; fi
  done
  if [ "$_bestv" -ge 21 ]; then JAVA_HOME=$_best; export JAVA_HOME; return 0; fi
  echo "Truce needs a JDK 21 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm (e.g. apt-get install openjdk-21-jdk-headless)." >&2
  exit 1
}
truce_find_jdk
PATH="$JAVA_HOME/bin:$PATH"; export PATH
