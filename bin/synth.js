#!/usr/bin/env node
'use strict';
// The synth command (README): `node bin/synth.js [--config pixie-auth.yaml] [--output dist] [--quiet]`.
// Runs compiled lib/ when it is current, else src/ through ts-node (see load-entry.js).
const { loadEntry } = require('./load-entry');

process.exitCode = loadEntry('cli/synth-command').runSynth(process.argv.slice(2));
