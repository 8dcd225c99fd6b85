import * as migration_20261126_023644_initial from './20261126_023644_initial';

export const migrations = [
  {
    up: migration_20261126_023644_initial.up,
    down: migration_20261126_023644_initial.down,
    name: '20261126_023644_initial'
  },
];
