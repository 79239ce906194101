# Sourced by run, run-remote and run-rounds: builds the benchmarks jar from scratch copies.
#
# Expects bench_dir (this directory) and repo_dir (the repository root). Sets work (the scratch
# directory: $LEXIGRAM_BENCH_DIR, or a new mktemp -d), java_bin and jar. The library is installed
# into the local Maven repository from a copy of the repository, and the jar is built from a copy
# of this project, so nothing is written inside the working tree.

work="${LEXIGRAM_BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/lexigram-bench.XXXXXX")}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if command -v mvn >/dev/null 2>&1; then
  mvn=(mvn)
else
  mvn=("$work/lexigram-src/mvnw")   # the repository's wrapper, from the copy made below
fi

# mirror SRC/ into DEST/ leaving out the named top-level entries; DEST/target survives for
# incremental builds. rsync when present, else tar.
mirror() {
  local src="$1" dest="$2"; shift 2
  if command -v rsync >/dev/null 2>&1; then
    local excludes=(--exclude target)
    for name in "$@"; do excludes+=(--exclude "$name"); done
    rsync -a --delete "${excludes[@]}" "$src/" "$dest/"
  else
    mkdir -p "$dest"
    find "$dest" -mindepth 1 -maxdepth 1 ! -name target -exec rm -rf {} +
    local excludes=(--exclude ./target)
    for name in "$@"; do excludes+=(--exclude "./$name"); done
    tar -C "$src" "${excludes[@]}" -cf - . | tar -C "$dest" -xf -
  fi
}

echo "==> Installing lexigram-cache from a copy of $repo_dir into the local Maven repository"
mirror "$repo_dir" "$work/lexigram-src" benchmarks
if ! "${mvn[@]}" -B -q -ntp -f "$work/lexigram-src/pom.xml" install -DskipTests; then
  echo "$(basename "$0"): installing the library failed (see the Maven output above); nothing was benchmarked." >&2
  exit 1
fi

echo "==> Building the benchmarks jar"
mirror "$bench_dir" "$work/benchmarks-src"
"${mvn[@]}" -B -q -ntp -f "$work/benchmarks-src/pom.xml" package
jar="$work/benchmarks-src/target/benchmarks.jar"

# lexigram runs on its built-in default or on the file a trial writes: no override from this shell
unset LEX_CACHE_CONFIG
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^LEX_CACHE__' || true)
