# Shared by ./vigil and ./run-tests: find Java 25, install what is missing, build when sources changed.
# Sourced, not run. Every step says what it does on stderr; every failure says what to do.

VIGIL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIL_STAMP="$VIGIL_ROOT/vigil-cli/target/lib/.built"

say() { printf 'vigil: %s\n' "$*" >&2; }
die() { printf 'vigil: %s\n' "$*" >&2; exit 1; }

# Debian packages: runtime (libsqlite3, libbpf), build (Maven, gcc, clang/llvm for BPF, bpftool for vmlinux.h,
# headers the layout tests compile against).
VIGIL_RUNTIME_PACKAGES="libsqlite3-0 libbpf1"
VIGIL_BUILD_PACKAGES="maven gcc libc6-dev libsqlite3-dev clang llvm libbpf-dev bpftool"

# The feature version of a JDK from its release file (no JVM start): 25 for JAVA_VERSION="25.0.3".
java_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  if [ "$(id -u)" = 0 ] && apt-cache show openjdk-25-jdk-headless >/dev/null 2>&1; then
    say "installing Java 25 (openjdk-25-jdk-headless)"
    apt-get install -y -q openjdk-25-jdk-headless >&2 && find_java && return 0
  fi
  die "Java 25 not found: install a JDK 25 (e.g. Temurin into /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to one"
}

missing_packages() {
  local p out=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out="$out $p"
  done
  printf '%s' "$out"
}

ensure_packages() {
  local missing log
  missing="$(missing_packages "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages:$missing — run: sudo apt-get install -y$missing"
  fi
  say "installing Debian packages:$missing"
  # A private file (mktemp: new, mode 0600): a fixed /tmp name would let any user plant a link that root follows.
  log="$(mktemp -t vigil-apt.XXXXXXXX)" || die "cannot create a temporary file for apt-get's log"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >"$log" 2>&1; then
    apt-get update -q >>"$log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >>"$log" 2>&1 \
      || die "apt-get install$missing failed; see $log"
  fi
  rm -f "$log"
}

# BPF programs attach to tracepoints through tracefs; mount it if the system did not.
ensure_tracefs() {
  [ -d /sys/kernel/tracing/events ] && return 0
  [ "$(id -u)" = 0 ] || return 0
  mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || true
}

maven() {
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B "$@"
}

# True when no build exists or a source, pom or BPF program is newer than the last build.
build_is_stale() {
  [ -f "$VIGIL_STAMP" ] || return 0
  [ -n "$(find "$VIGIL_ROOT"/pom.xml "$VIGIL_ROOT"/vigil-*/pom.xml "$VIGIL_ROOT"/vigil-*/src \
      -newer "$VIGIL_STAMP" -type f -print -quit 2>/dev/null)" ]
}

build_if_stale() {
  build_is_stale || return 0
  say "building Vigil (a first build downloads Maven artifacts and takes a few minutes)..."
  local log="$VIGIL_ROOT/target/build.log"
  mkdir -p "$VIGIL_ROOT/target"
  # Progress: one line per module as Maven reaches it; the whole log is kept for when something fails.
  if ! (cd "$VIGIL_ROOT" && maven --no-transfer-progress package -DskipTests) 2>&1 \
      | tee "$log" | sed -un 's/^\[INFO\] Building \(Vigil.*\) [0-9].*/vigil:   building \1/p' >&2 \
      || ! grep -q "BUILD SUCCESS" "$log"; then
    grep -E "ERROR|FAIL" "$log" | head -40 >&2
    die "the build failed: the full Maven log is in $log"
  fi
  touch "$VIGIL_STAMP"
}

# How the JVM runs Vigil: its modules on the module path, and native access (the FFM API's restricted methods)
# granted only to the modules that call native code: libc (dev.vigil.os), SQLite (dev.vigil.sql), libbpf
# (dev.vigil.bpf), and JLine's terminal.
VIGIL_NATIVE_MODULES="dev.vigil.os,dev.vigil.sql,dev.vigil.bpf,org.jline"
VIGIL_MODULE_ARGS=("--enable-native-access=$VIGIL_NATIVE_MODULES"
  -p "$VIGIL_ROOT/vigil-cli/target/vigil-cli.jar:$VIGIL_ROOT/vigil-cli/target/lib" -m dev.vigil.cli/dev.vigil.cli.Main)

# The ahead-of-time class cache (JDK 25, JEP 483) that makes a one-shot query start fast. It is valid only for the
# jars it was recorded with: any build (./vigil's or ./run-tests') rewrites them, and the JVM would then silently
# run without it. So it is recorded again whenever a jar is newer than it.
VIGIL_AOT="$VIGIL_ROOT/vigil-cli/target/vigil.aot"

aot_cache_is_stale() {
  [ -f "$VIGIL_AOT" ] || return 0
  # recorded for other JVM options (the module path, native access): the JVM would refuse it
  [ -f "$VIGIL_AOT.args" ] && [ "$(< "$VIGIL_AOT.args")" = "${VIGIL_MODULE_ARGS[*]}" ] || return 0
  [ -n "$(find "$VIGIL_ROOT/vigil-cli/target/vigil-cli.jar" "$VIGIL_ROOT/vigil-cli/target/lib" -name '*.jar' \
      -newer "$VIGIL_AOT" -print -quit 2>/dev/null)" ]
}

# Records the cache with a training run of typical one-shot queries; a failure leaves Vigil working, only slower.
record_aot_cache() {
  say "recording the start-up cache (a few seconds, once per build)"
  rm -f "$VIGIL_AOT"
  "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$VIGIL_AOT" -Xlog:aot=error -Xlog:cds=error -XX:+UseSerialGC \
    "${VIGIL_MODULE_ARGS[@]}" query --json "select pid, name from processes limit 3; select * from vigil_tables limit 1; select 1" \
    >"$VIGIL_ROOT/vigil-cli/target/aot-training.log" 2>&1 \
    || say "could not record the start-up cache (see vigil-cli/target/aot-training.log); starting without it"
  printf '%s' "${VIGIL_MODULE_ARGS[*]}" > "$VIGIL_AOT.args"
}
