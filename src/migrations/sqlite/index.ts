import * as migration_20261126_012926_initial from './20261126_012926_initial';

export const migrations = [
  {
    up: migration_20261126_012926_initial.up,
    down: migration_20261126_012926_initial.down,
    name: '20261126_012926_initial'
  },
];
