# Sourced by ./run. Installs (only when missing) and configures everything the build and the
# tests need, so a fresh Debian 12 machine and a developer laptop both work with one command.
# Each ensure_* function is idempotent and quick when its tool is already present.

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen version pinned in Cargo.toml
TRUNK_VERSION=0.21.14          # newest Trunk that builds with rustc 1.95
BINARYEN_VERSION=132.0.0       # wasm-opt from npm; Debian's (108) cannot read today's wasm
TOOLS_DIR="$PWD/.tools"        # project-local tools (git-ignored)
WASM_TARGET=wasm32-unknown-unknown

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

# apt-get as root, or via sudo; otherwise tell the user what to install by hand.
apt_install() {
  local prefix=()
  if [ "$(id -u)" -ne 0 ]; then
    have sudo || die "need these Debian packages: $*  (install them with: sudo apt-get install -y $*)"
    prefix=(sudo)
  fi
  have apt-get || die "need these packages: $*  (no apt-get here: install them with your package manager)"
  say "installing Debian packages: $*"
  if [ -z "${STANCEMARK_APT_UPDATED:-}" ]; then
    "${prefix[@]}" apt-get update -qq || die "apt-get update failed: is the Debian package registry reachable?"
    export STANCEMARK_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${prefix[@]}" apt-get install -y -qq "$@" >/dev/null \
    || die "apt-get install $* failed; install them by hand and run again"
}

dpkg_has() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Picks how to build for wasm32, in the order GUIDE.md §1 recommends, and sets:
#   WASM_ENV: the environment (as `env` arguments) every wasm32 cargo/trunk call needs;
#   WASM_ROUTE: rustup or debian.
# The project's wasm-opt always comes first on PATH: a system one may be too old (Debian's is).
ensure_wasm_toolchain() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if have rustup && rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    use_rustup_wasm_route; return
  fi
  if dpkg_has rust-web-src && dpkg_has lld-22 && dpkg_has cargo-web; then
    use_debian_wasm_route; return
  fi
  if have rustup; then
    say "trying: rustup target add $WASM_TARGET (bounded to 90 s)"
    if timeout 90 rustup target add "$WASM_TARGET" >/dev/null 2>&1; then use_rustup_wasm_route; return; fi
    say "rustup could not add $WASM_TARGET; using Debian's rustc-web with std built from source"
  fi
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy lld-22
  use_debian_wasm_route
}

use_rustup_wasm_route() {
  WASM_ROUTE=rustup
  WASM_ENV=(PATH="$TOOLS_DIR/node_modules/.bin:$PATH")
}

# Debian's rustc-web (1.96, LLVM 22) with the standard library built from source.
use_debian_wasm_route() {
  [ -x /usr/bin/cargo ] || die "Debian's cargo-web did not install /usr/bin/cargo"
  WASM_ROUTE=debian
  WASM_ENV=(
    PATH="$TOOLS_DIR/node_modules/.bin:/usr/bin:$PATH"
    RUSTC_BOOTSTRAP=1
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
  )
}

# The version a tool prints (`trunk 0.21.14` → `0.21.14`), to compare exactly, not as a prefix.
tool_version() { "$1" --version 2>/dev/null | head -n 1 | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1; }

# `cargo install NAME VERSION BINARY [extra args]`, only when BINARY is missing or another version.
cargo_install_pinned() {
  local crate=$1 version=$2 binary=$3; shift 3
  if have "$binary" && [ "$(tool_version "$binary")" = "$version" ]; then return; fi
  have cargo || die "need cargo (install Rust from your distribution or rustup) to install $crate"
  say "installing $crate $version (several minutes, once)"
  cargo install --quiet "$crate" --version "$version" "$@" || die "cargo install $crate --version $version failed"
}

# wasm-opt shrinks the bundle by a third; Trunk finds it first on PATH (see WASM_ENV).
ensure_wasm_opt() {
  local bin="$TOOLS_DIR/node_modules/.bin/wasm-opt"
  # wasm-opt prints "wasm-opt version 132 (version_132)": its major version is binaryen's.
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -qw "version ${BINARYEN_VERSION%%.*}"; then return; fi
  have npm || apt_install nodejs npm
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION" >/dev/null \
    || die "npm install binaryen@$BINARYEN_VERSION failed: is the npm registry reachable?"
}

ensure_build_tools() {
  ensure_wasm_toolchain
  # wasm-bindgen-cli cannot use --locked here: one of its locked dependencies is not on the registry.
  cargo_install_pinned wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  cargo_install_pinned trunk "$TRUNK_VERSION" trunk --locked
  ensure_wasm_opt
}

# rustfmt and clippy for the native checks (rustup's), and clippy for wasm32 on the Debian route.
ensure_lint_tools() {
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    have rustup || die "need rustfmt and clippy (install them with your Rust toolchain)"
    say "adding rustfmt and clippy (bounded to 120 s)"
    timeout 120 rustup component add rustfmt clippy >/dev/null 2>&1 || die "rustup component add rustfmt clippy failed"
  fi
  if [ "$WASM_ROUTE" = debian ] && ! dpkg_has rust-web-clippy; then apt_install rust-web-clippy; fi
}

ensure_browser() {
  if ! have chromium || ! have chromedriver; then apt_install chromium chromium-driver; fi
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

ensure_python() {
  have python3 || apt_install python3
}

# The release bundle builds the standard library from source with `-Cpanic=immediate-abort`:
# a panic in the page traps at once instead of formatting a message that wasm32 would print
# nowhere, and the panic machinery's formatting code leaves the bundle (about 21 KB gzip).
# Stable rustc allows the unstable flag under RUSTC_BOOTSTRAP, as the Debian route already
# does for build-std. Without the library sources, the bundle is built as before.
release_env() {
  RELEASE_ENV=("${WASM_ENV[@]}")
  if [ "$WASM_ROUTE" = rustup ] && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding rust-src, to build std for a smaller bundle (bounded to 120 s)"
    if ! timeout 120 rustup component add rust-src >/dev/null 2>&1; then
      say "rust-src could not be added: building the bundle with the prebuilt std (about 21 KB larger)"
      return
    fi
  fi
  RELEASE_ENV+=(
    RUSTC_BOOTSTRAP=1
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
  )
}

build_dist() {
  ensure_build_tools
  release_env
  say "building dist/ (trunk build --release)"
  env "${RELEASE_ENV[@]}" trunk build --release >&2
  scripts/bundle-size.sh dist
}

# dist/ is up to date when nothing it is built from changed since (wasm-opt alone takes ~15 s).
dist_is_fresh() {
  [ -f dist/index.html ] || return 1
  [ -z "$(find src static index.html Trunk.toml Cargo.toml Cargo.lock -newer dist/index.html -print -quit 2>/dev/null)" ]
}
