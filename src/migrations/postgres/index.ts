import * as migration_20261126_023647_initial from './20261126_023647_initial';
import * as migration_20261202_130207_session3_trust_reliability from './20261202_130207_session3_trust_reliability';

export const migrations = [
  {
    up: migration_20261126_023647_initial.up,
    down: migration_20261126_023647_initial.down,
    name: '20261126_023647_initial',
  },
  {
    up: migration_20261202_130207_session3_trust_reliability.up,
    down: migration_20261202_130207_session3_trust_reliability.down,
    name: '20261202_130207_session3_trust_reliability'
  },
];
