import type { Migration } from 'kysely/migration';
import * as m202611282200 from './202611282200_foundation';

/** Every migration, by name. Add new ones here; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '202611282200_foundation': m202611282200
};
