import * as migration_20261126_023647_initial from './20261126_023647_initial';
import * as migration_20261202_114122_accounts from './20261202_114122_accounts';

export const migrations = [
  {
    up: migration_20261126_023647_initial.up,
    down: migration_20261126_023647_initial.down,
    name: '20261126_023647_initial',
  },
  {
    up: migration_20261202_114122_accounts.up,
    down: migration_20261202_114122_accounts.down,
    name: '20261202_114122_accounts'
  },
];
