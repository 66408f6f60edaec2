#!/usr/bin/env node
// The `coso` command (npx coso …). A file that exists before the build, so npm can link it at
// install time; the CLI itself is compiled to dist/ by `npm run build`.
import '../dist/cli.js';
