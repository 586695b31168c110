#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that needs the least rebuilding.
set -euo pipefail
cd "$(dirname "$0")/.."

# Screenshots and rendered pages of this run only (README: test-results/screenshots/): the server suite
# renders the printed forms, the browser suite its screens.
rm -rf test-results/screenshots
npm run --silent typecheck
npm run --silent lint  # the house rules of docs/architecture.md (layers, subpackages, storage, Taro)
npm run --silent format:check  # one layout everywhere (.prettierrc.json); `npm run format` rewrites
npm run --silent build:weapp >/tmp/hutong-build-weapp.log 2>&1 || { cat /tmp/hutong-build-weapp.log; exit 1; }
npm run --silent build:h5 >/tmp/hutong-build-h5.log 2>&1 || { cat /tmp/hutong-build-h5.log; exit 1; }
npm run --silent check:size -- --no-build  # package budgets and no village data in the main package
npx jest --ci --selectProjects node h5 weapp  # tests/weapp: the smoke test of the compiled weapp build
# Headless Chromium against the H5 build just made, served by the real server (needs /usr/bin/chromium).
npx jest --ci --selectProjects e2e --runInBand
