export { repoRoot, startBuiltApi, type BuiltApi } from './built-api.js';
export { startNodeProcess, waitUntilUp, type NodeProcess } from './node-process.js';
