import * as migration_20261126_023644_initial from './20261126_023644_initial';
import * as migration_20261202_114050_accounts from './20261202_114050_accounts';

export const migrations = [
  {
    up: migration_20261126_023644_initial.up,
    down: migration_20261126_023644_initial.down,
    name: '20261126_023644_initial',
  },
  {
    up: migration_20261202_114050_accounts.up,
    down: migration_20261202_114050_accounts.down,
    name: '20261202_114050_accounts'
  },
];
