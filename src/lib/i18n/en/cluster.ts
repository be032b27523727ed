import type { cluster as nb } from '../nb/cluster';

export const cluster: Record<keyof typeof nb, string> = {
  'cluster.unavailable.body': 'The database is not available right now. Please try again in a few seconds.'
};
