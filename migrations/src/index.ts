import { Initial1795456731518 } from './1795456731518-Initial.js';

/** Every migration, in order. The api runs the pending ones at start; `pnpm cli migrate` runs them by hand. */
export const migrations: Function[] = [Initial1795456731518];
