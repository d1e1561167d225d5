export { repoRoot, startBuiltApi, type BuiltApi } from './built-api.js';
export { startNodeProcess, waitUntilUp, type NodeProcess } from './node-process.js';
export { findNginx, renderNginxConfig, startNginx, type NginxOptions, type RunningNginx } from './nginx.js';
export { startCluster, type Cluster, type ClusterInstance } from './cluster.js';
