import * as migration_20261126_005323_initial from './20261126_005323_initial';

export const migrations = [
  {
    up: migration_20261126_005323_initial.up,
    down: migration_20261126_005323_initial.down,
    name: '20261126_005323_initial'
  },
];
