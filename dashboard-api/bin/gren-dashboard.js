#!/usr/bin/env node
'use strict';
// The command npm links at install time, before anything is built: it starts the compiled CLI.
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write(
    'gren-dashboard: not built yet; run `npm run build -w lib && npm run build -w dashboard-api` in the workspace root\n',
  );
  process.exit(2);
}
require(main);
