#!/usr/bin/env bash
# Bootstrap for the Cake build: checks the .NET 10 SDK, restores the pinned tools, runs build/build.cake.
#   ./build.sh                      runs the Default target (Test)
#   ./build.sh VerifyCaching        runs one target
#   ./build.sh VerifyCaching --count=200   passes the other arguments to Cake
#   ./build.sh --help               lists targets and parameters
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK was not found on PATH. Install the .NET 10 SDK (https://dot.net) and run again." >&2
  exit 1
fi

if ! dotnet --list-sdks 2>/dev/null | grep -qE '^10\.'; then
  echo "error: a .NET 10 SDK is required, but 'dotnet --list-sdks' shows:" >&2
  dotnet --list-sdks >&2 || true
  echo "Install the .NET 10 SDK (https://dot.net) and run again." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore >/dev/null

args=()
if [[ $# -gt 0 && "$1" != -* ]]; then
  args+=("--target=$1")
  shift
fi

for arg in "$@"; do
  case "$arg" in
    -h|--help)
      exec dotnet cake build/build.cake --target=Help
      ;;
  esac
done

# Cake runs in its own process group, so that a TERM or INT sent to this script reaches Cake and every
# program it started (for example the proxy of the Serve target), not only Cake itself.
set -m
dotnet cake build/build.cake "${args[@]}" "$@" &
cake_pid=$!

forward_signal() {
  kill -s "$1" -- "-$cake_pid" 2>/dev/null || true
}
trap 'forward_signal TERM' TERM
trap 'forward_signal INT' INT

status=0
while true; do
  wait "$cake_pid" && status=0 || status=$?
  kill -0 "$cake_pid" 2>/dev/null || break
done

exit "$status"
