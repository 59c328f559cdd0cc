import { Initial1795457617208 } from './1795457617208-Initial.js';

/** Every migration, in order. The api runs the pending ones at start; `pnpm cli migrate` runs them by hand. */
export const migrations: Function[] = [Initial1795457617208];
