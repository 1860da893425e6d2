#!/usr/bin/env node
'use strict';
// The bundled command-line tool (npm run build); the library is dist/src/index.js.

// Node 22.1+ can cache what the tool loads from node_modules (pdf.js, mammoth) and the batch worker;
// the tool's own code is cached on every Node version by dist/bundle/start.cjs.
require('node:module').enableCompileCache?.();
require('../dist/bundle/start.cjs');
