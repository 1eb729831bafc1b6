#!/usr/bin/env bash
# The machine packages that `npm start` and `npm test` need besides Node.js and npm, checked before either
# runs (package.json's prestart and pretest), so that a fresh machine gets a clear step instead of a failure
# half-way through an install:
#   start: ripgrep (VS Code's search; code-server links it instead of downloading its own) and libkrb5-dev
#          (code-server's kerberos module is built against it);
#   test:  the same, plus chromium (drives the workbench headless), awscli (the AWS CLI v2, the oracle for how
#          the files are read) and python3.
# As root on Debian or Ubuntu the missing ones are installed, and it says so; anywhere else it stops and
# prints the exact command to run.
set -euo pipefail

case ${1:-test} in
  start) packages=(ripgrep libkrb5-dev) ;;
  test) packages=(ripgrep libkrb5-dev chromium awscli python3) ;;
  *) echo "usage: prerequisites.sh start|test" >&2; exit 2 ;;
esac

is_debian_like() {
  [[ -r /etc/os-release ]] && grep -Eqi '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release && command -v dpkg-query >/dev/null
}

# Elsewhere, the commands the packages bring: a missing one is named, to be installed by the system's own means.
if ! is_debian_like; then
  declare -A command_of=([ripgrep]=rg [libkrb5-dev]=krb5-config [chromium]=${AWS_PROFILES_CHROMIUM:-chromium} [awscli]=aws [python3]=python3)
  status=0
  for package in "${packages[@]}"; do
    command -v "${command_of[$package]}" >/dev/null || { echo "aws-profiles: ${command_of[$package]} is missing: install $package." >&2; status=1; }
  done
  exit $status
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "aws-profiles: missing Debian packages: ${missing[*]}. Install them, then run the command again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "aws-profiles: installing the missing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q "${missing[@]}" >&2
