#!/usr/bin/env node
// The `kewo` command. Kewo runs on Node 24 (installed into node_modules/.bin by `npm install`);
// an older `node` on the PATH gets a clear message instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `kewo needs Node 24 (this is Node ${process.versions.node}). Run it through npm so the project's Node is used: npx kewo …`,
  );
  process.exit(1);
}
await import('../server/src/cli.ts');
