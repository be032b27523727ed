/** Running on several instances: what a visitor sees while the database is away. */
export const cluster = {
  'cluster.unavailable.body': 'Databasen er ikke tilgjengelig akkurat nå. Prøv igjen om noen sekunder.'
};
