import * as migration_20261126_023644_initial from './20261126_023644_initial';
import * as migration_20261202_113812_editors_since_approval from './20261202_113812_editors_since_approval';

export const migrations = [
  {
    up: migration_20261126_023644_initial.up,
    down: migration_20261126_023644_initial.down,
    name: '20261126_023644_initial',
  },
  {
    up: migration_20261202_113812_editors_since_approval.up,
    down: migration_20261202_113812_editors_since_approval.down,
    name: '20261202_113812_editors_since_approval'
  },
];
