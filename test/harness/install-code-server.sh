#!/usr/bin/env bash
# Installs VS Code 1.100 (served by code-server 4.100.3) from the npm registry into a cache folder outside
# the project, so the integration tests can run in a real VS Code without downloading anything else.
#
# code-server's own postinstall refuses to run as root and downloads ripgrep from GitHub, so every step
# runs with --ignore-scripts and the native modules are rebuilt explicitly. Needs the Debian packages
# ripgrep and libkrb5-dev (for the kerberos module). Prints the install folder on its last line.
set -euo pipefail

version=4.100.3
cache=${AWS_PROFILES_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aws-profiles/code-server-$version}
stamp=$cache/.installed

if [[ -f $stamp ]]; then
  echo "$cache"
  exit 0
fi

# node-gyp must build against the local Node headers: it cannot download them here.
if [[ -z ${npm_config_nodedir:-} && -f /usr/include/node/node.h && -z $(npm config get nodedir 2>/dev/null | grep -v undefined) ]]; then
  export npm_config_nodedir=/usr
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$cache"
cd "$cache"
[[ -f package.json ]] || echo '{ "name": "code-server-cache", "private": true }' > package.json
npm install "code-server@$version" --ignore-scripts --no-save >&2

# Installs a folder's production dependencies without their install scripts, then rebuilds the native ones.
install_and_rebuild() {
  (cd "$1" && npm install --omit=dev --ignore-scripts >&2 && npm_config_yes=true npm rebuild >&2)
}

vscode=$cache/node_modules/code-server/lib/vscode
(cd "$vscode" && npm install --omit=dev --ignore-scripts >&2)
# @vscode/ripgrep's postinstall skips its GitHub download when bin/ exists.
"$(dirname "$0")/prerequisites.sh" start
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode" && npm_config_yes=true npm rebuild >&2)
ln -sfn node_modules "$vscode/node_modules.asar"
install_and_rebuild "$vscode/extensions"
npm rebuild argon2 >&2

touch "$stamp"
echo "$cache"
