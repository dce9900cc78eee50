#!/bin/sh
# Fake "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath })
# (and @vscode/test-cli's useInstallation.fromPath): forwards all arguments to driver.mjs,
# which starts code-server + Chromium, runs the extension tests and exits with their result.
# HARNESS_NODE selects the Node that runs the driver (default: node on PATH, v20+ is fine).
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec "${HARNESS_NODE:-node}" "$HERE/driver.mjs" "$@"
