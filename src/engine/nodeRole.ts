/**
 * What a `broadsheet serve` process does for the market (`--role`, docs/adr/0006).
 * A file of its own so that reading the configuration does not load the engine.
 */
export type NodeRole = 'all' | 'web' | 'engine';

export const NODE_ROLES: readonly NodeRole[] = ['all', 'web', 'engine'];
