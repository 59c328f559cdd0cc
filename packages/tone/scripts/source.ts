/**
 * Loads the TypeScript sources for scripts run with plain Node (type stripping): src/ imports its siblings
 * as './x.js', the name they have after the build, so those are resolved to './x.ts' here.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return nextResolve(specifier.slice(0, -3) + '.ts', context);
    }
    return nextResolve(specifier, context);
  },
});

export const tone: typeof import('../src/index.ts') = await import('../src/index.ts');
