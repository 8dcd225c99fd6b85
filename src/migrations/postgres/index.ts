import * as migration_20261126_005326_initial from './20261126_005326_initial';

export const migrations = [
  {
    up: migration_20261126_005326_initial.up,
    down: migration_20261126_005326_initial.down,
    name: '20261126_005326_initial'
  },
];
