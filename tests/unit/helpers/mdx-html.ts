/**
 * Renders MDX to HTML for the unit tests, through Sätteri (the site's Markdown processor)
 * and the given HAST plugins, with a small string JSX runtime in place of Astro's:
 * elements become tags (attributes in order, `true` and "" as a bare attribute, as Astro does), components are
 * functions returning HTML.
 */
import { evaluate, type HastPluginList } from 'satteri';

class Html {
  constructor(readonly html: string) {}
}
const Fragment = Symbol('Fragment');
type Props = Record<string, unknown> & { children?: unknown };
export type Component = (props: Props) => string;

const escapeText = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/gu, '&quot;');

function render(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (Array.isArray(node)) return node.map(render).join('');
  if (node instanceof Html) return node.html;
  return escapeText(String(node));
}

function jsx(type: unknown, props: Props): Html {
  const { children, ...attrs } = props ?? {};
  if (type === Fragment) return new Html(render(children));
  if (typeof type === 'function') return new Html((type as Component)(props));
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true || v === '' ? ` ${k}` : ` ${k}="${escapeAttr(String(v))}"`))
    .join('');
  return new Html(`<${String(type)}${attributes}>${render(children)}</${String(type)}>`);
}

/** A footnote marker as <Fn> renders it, in short. */
export const Fn: Component = ({ n }) => `<sup class="fn"><a class="fn-ref" href="#fn-${String(n)}">${String(n)}</a></sup>`;

/** `source` (an MDX body) as HTML, after `hastPlugins`; `frontmatter` is what Astro hands plugins as ctx.data.astro. */
export async function mdxHtml(
  source: string,
  hastPlugins: HastPluginList,
  { components = {}, frontmatter = {} }: { components?: Record<string, unknown>; frontmatter?: Record<string, unknown> } = {},
): Promise<string> {
  const module = await evaluate(source, {
    Fragment,
    jsx,
    jsxs: jsx,
    hastPlugins,
    features: { smartPunctuation: false },
    elementAttributeNameCase: 'html',
    data: { astro: { frontmatter } },
  } as Parameters<typeof evaluate>[1]);
  const Content = module.default as (props: { components: Record<string, unknown> }) => unknown;
  return render(Content({ components: { Fn, Recipients: () => '<div class="recipients"><ul><li>…</li></ul></div>', ...components } }));
}
