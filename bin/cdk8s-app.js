#!/usr/bin/env node
'use strict';
// The app `npx cdk8s synth` runs (cdk8s.yaml: `app: node bin/cdk8s-app.js`): src/main.ts, compiled when lib/ is current.
require('./load-entry').loadEntry('main');
