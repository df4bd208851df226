/**
 * Lets Node run the site's TypeScript modules directly (the import command checks its
 * draft with the same validation as the build): a relative import without an extension
 * ("../schemas/report") resolves to its ".ts" file, as Vite resolves it.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    if ((specifier.startsWith('./') || specifier.startsWith('../')) && !/\.[cm]?[jt]s$|\.json$/u.test(specifier)) {
      try {
        return next(`${specifier}.ts`, context);
      } catch {
        // Not a TypeScript file: resolve it as given.
      }
    }
    return next(specifier, context);
  },
});
