export { freePort, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedOptions } from './embedded-cluster.js';
export { databaseServer, startScratchServer, type DatabaseServer } from './database-server.js';
export { startControllableServer, type ControllableServer, type ShutdownMode } from './controllable-server.js';
export { makeClusterTemplate } from './cluster-files.js';
export { startReplicatedPair, type ReplicatedPair } from './replicated-pair.js';
