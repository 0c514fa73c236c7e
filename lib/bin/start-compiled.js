'use strict';
// Shared by the checked-in bin shims: npm links a package's commands at install time, before a
// workspace checkout has built dist/, so the commands point here and start the compiled script.
const fs = require('node:fs');
const path = require('node:path');

/** Starts dist/bin/<command>.js, or explains how to build it (exit code 1). */
module.exports = function startCompiled(command) {
  const packageDir = path.join(__dirname, '..');
  const script = path.join(packageDir, 'dist', 'bin', `${command}.js`);
  if (!fs.existsSync(script)) {
    process.stderr.write(
      `${command}: the gren library is not built (${path.relative(process.cwd(), script) || script} is missing). ` +
        'In the gren repository run `npm run build -w lib` from its root (`npm install` there does it too).\n',
    );
    process.exitCode = 1;
    return;
  }
  require(script);
};
