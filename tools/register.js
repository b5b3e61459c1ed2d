// Runs TypeScript entry points from source (schema printer, migration CLI, seed and bench tools) with the
// workspace's path aliases and decorator metadata.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '../tsconfig.tools.json');
require('@swc-node/register');
