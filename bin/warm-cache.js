'use strict';
// Run by `npm ci` and `npm install` (the `prepare` script, after tsc compiles lib/): synthesizes the
// shipped default config once, in memory, so that ajv's validators for every kind the library writes
// are compiled into the validator cache (node_modules/.cache/cdk8s-pixie-auth, see
// src/validate/validator-cache.ts) before the first real synth. Without it, the first synth after a
// fresh `npm ci` (every CI job) compiles them itself and takes about twice as long. Best effort:
// if it fails, the first synth compiles the validators, as it would have anyway.
const path = require('path');

try {
  const { loadEntry } = require('./load-entry');
  loadEntry('cli/synthesize').synthesizeConfigFile(path.join(__dirname, '..', 'pixie-auth.yaml'));
} catch (e) {
  process.stderr.write(`warm-cache: the validator cache was not filled (${e && e.message ? e.message.split('\n')[0] : e}); the first synth will fill it\n`);
}
