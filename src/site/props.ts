import type { z } from 'astro/zod';

/**
 * A component's props checked against its schema; throws naming the component and each
 * bad prop. Astro's own scoping attributes (data-astro-cid-…) are not props and are left out.
 */
export function checkProps<S extends z.ZodType>(component: string, schema: S, props: Record<string, unknown>): z.output<S> {
  const own = Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('data-astro-cid-')));
  const parsed = schema.safeParse(own);
  if (!parsed.success) {
    throw new Error(`<${component}>: invalid props ${JSON.stringify(own)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(props)'} ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
