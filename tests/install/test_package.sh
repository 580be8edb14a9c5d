#!/usr/bin/env bash
# The installed package as a user gets it (issue 15 item 5). ctest runs this with the build
# folder, the source tree and whether the viewer is built:
#  1. cpack -G DEB makes werkstroom_<version>_<arch>.deb with a Depends line (dpkg-shlibdeps or
#     the hand-written list), holding both programs and the scenario library;
#  2. unpacked into a temporary root (dpkg -x), both programs print "werkstroom <version>
#     (<revision>)" for --version, the same as the build tree's program;
#  3. from a folder outside the source tree, with the source fallback forbidden
#     (WERKSTROOM_NO_SOURCE_DATA=1), the main job finds its scenarios in
#     <root>/usr/share/werkstroom/scenarios (relative `extends` included), prints the key figure
#     table and writes results/latest.h5 in the working folder;
#  4. WERKSTROOM_DATA picks another data folder; one without scenarios/ is an error (exit 2);
#  5. the program copied where no share/werkstroom is beside it fails with exit 2 when the
#     source fallback is forbidden, and otherwise reads the source tree it was built from.
# Nothing is installed on the machine; everything happens in a temporary folder.
set -u
build="$(cd "$1" && pwd -P)"
source_dir="$(cd "$2" && pwd -P)"
with_viz="$3"
work="$(cd "$(mktemp -d)" && pwd -P)"  # paths as the program prints them (links resolved)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. The package.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
shopt -s nullglob
debs=("$work"/pkg/werkstroom_*_*.deb)
[ "${#debs[@]}" -eq 1 ] || { ls -l "$work/pkg"; fail "expected one werkstroom_<version>_<arch>.deb"; }
deb="${debs[0]}"
version="$(dpkg-deb -f "$deb" Version)"
arch="$(dpkg-deb -f "$deb" Architecture)"
[ "$(basename "$deb")" = "werkstroom_${version}_${arch}.deb" ] || fail "package name $(basename "$deb")"
[ "$arch" = "$(dpkg --print-architecture)" ] || fail "architecture $arch"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "package: $(basename "$deb"), Depends: $depends"
for lib in libc6 libstdc++6 libhdf5; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
if [ "$with_viz" = "ON" ]; then grep -q libglfw3 <<<"$depends" || fail "Depends lacks libglfw3"; fi
root="$work/root"
dpkg -x "$deb" "$root" || fail "dpkg -x failed"
bin="$root/usr/bin/werkstroom"
share="$root/usr/share/werkstroom"
for f in "$bin" "$share/scenarios/gooi-en-vechtstreek.toml" "$share/scenarios/scale-up-3fte.toml" \
  "$share/scenarios/national/achterhoek.toml" "$share/scenarios/economy/mev-2021-base.toml"; do
  [ -f "$f" ] || fail "the package lacks ${f#"$root"}"
done
[ -x "$bin" ] || fail "usr/bin/werkstroom is not executable"

# 2. --version, installed and in the build tree.
cd "$work" || fail "cd $work"
expected="$("$build/sim/werkstroom" --version)" || fail "build tree: --version exit $?"
grep -Eq '^werkstroom [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{12}(-modified)?|unknown)\)$' \
  <<<"$expected" || fail "--version prints '$expected'"
[ "$expected" = "werkstroom $version ($(cut -d'(' -f2 <<<"$expected")" ] ||
  fail "--version '$expected' does not carry the package version $version"
got="$("$bin" --version)" || fail "installed: --version exit $?"
[ "$got" = "$expected" ] || fail "installed --version '$got', build tree '$expected'"
if [ "$with_viz" = "ON" ]; then
  [ -x "$root/usr/bin/werkstroom-viz" ] || fail "the package lacks usr/bin/werkstroom-viz"
  got="$("$root/usr/bin/werkstroom-viz" --version)" || fail "werkstroom-viz --version exit $?"
  [ "$got" = "$expected" ] || fail "werkstroom-viz --version '$got', expected '$expected'"
fi

# 3. The main job from the installed data, never the source tree.
mkdir -p "$work/cwd" && cd "$work/cwd" || fail "cd"
case "$PWD" in "$source_dir"*) fail "the working folder $PWD is inside the source tree" ;; esac
env -u WERKSTROOM_DATA WERKSTROOM_NO_SOURCE_DATA=1 "$bin" --reps 4 --threads 2 \
  >"$work/main.out" 2>"$work/main.err" || { cat "$work/main.err"; fail "main job exit $?"; }
grep -qF "$share/scenarios/gooi-en-vechtstreek.toml" "$work/main.out" ||
  { cat "$work/main.out"; fail "the main job did not read the installed baseline"; }
grep -qF "$share/scenarios/scale-up-3fte.toml" "$work/main.out" ||
  fail "the main job did not read the installed scale-up"
if grep -qF "$source_dir/scenarios" "$work/main.out"; then fail "the main job read the source tree"; fi
grep -q "Key figures over the horizon: mean \[5%, 95%\] of 4 replications" "$work/main.out" ||
  { cat "$work/main.out"; fail "no key figure table"; }
[ -s "$work/cwd/results/latest.h5" ] || fail "the main job wrote no results/latest.h5 in $PWD"

# 4. WERKSTROOM_DATA: another folder, and one without scenarios/.
cp -r "$share" "$work/other-data"
WERKSTROOM_DATA="$work/other-data" WERKSTROOM_NO_SOURCE_DATA=1 "$bin" --reps 1 --threads 2 \
  --out "$work/other.h5" >"$work/other.out" 2>&1 || { cat "$work/other.out"; fail "WERKSTROOM_DATA run"; }
grep -qF "$work/other-data/scenarios/scale-up-3fte.toml" "$work/other.out" ||
  { cat "$work/other.out"; fail "WERKSTROOM_DATA was not used"; }
WERKSTROOM_DATA="$work/nowhere" "$bin" --reps 1 --out "$work/no.h5" >"$work/no.out" 2>&1
rc=$?
[ "$rc" -eq 2 ] || { cat "$work/no.out"; fail "WERKSTROOM_DATA without scenarios/: exit $rc, expected 2"; }
grep -q "WERKSTROOM_DATA is $work/nowhere" "$work/no.out" || { cat "$work/no.out"; fail "message"; }
[ ! -e "$work/no.h5" ] || fail "a failed lookup wrote a results file"

# 5. No installation beside the program: an error without the source tree, else the source tree.
mkdir -p "$work/loose" && cp "$bin" "$work/loose/werkstroom"
env -u WERKSTROOM_DATA WERKSTROOM_NO_SOURCE_DATA=1 "$work/loose/werkstroom" --reps 1 \
  --out "$work/loose.h5" >"$work/loose.out" 2>&1
rc=$?
[ "$rc" -eq 2 ] || { cat "$work/loose.out"; fail "no data folder: exit $rc, expected 2"; }
grep -q "cannot find the werkstroom data" "$work/loose.out" || { cat "$work/loose.out"; fail "message"; }
env -u WERKSTROOM_DATA -u WERKSTROOM_NO_SOURCE_DATA "$work/loose/werkstroom" --reps 1 \
  --threads 2 --out "$work/loose.h5" >"$work/loose.out" 2>&1 ||
  { cat "$work/loose.out"; fail "source fallback run"; }
grep -qF "$source_dir/scenarios/gooi-en-vechtstreek.toml" "$work/loose.out" ||
  { cat "$work/loose.out"; fail "the source fallback was not used"; }
echo "OK: $(basename "$deb") installs and runs from $work/root"
