import type { PageDef } from './types';

export interface Crumb {
  href: string | null;
  label: string;
}

/** A page's own parent when the path cannot name it (a consignment's name above its evaluation form). */
export interface CrumbParent {
  href: string;
  label: string;
}

const HOME: Crumb = { href: '/', label: '처음' };

const patternOf = (path: string) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/**
 * The breadcrumb of every page, computed here from the address and the page's title: 처음 › each
 * shorter address that is a menu page (its menu label) or a parent the page names › the page's title.
 * A form's address (POST /consignments/7/disbursements, shown again after a refusal) stands for the
 * page it belongs to: the longest address above it that a GET page answers. The dashboard has none.
 */
export function breadcrumbs(
  pages: readonly Pick<PageDef, 'method' | 'path' | 'nav'>[],
  path: string,
  title: string | undefined,
  options: { parent?: CrumbParent; year?: unknown } = {},
): Crumb[] {
  const gets = pages.filter((p) => p.method === 'get').map((p) => ({ ...p, re: patternOf(p.path) }));
  const segments = path.split('/').filter(Boolean);
  if (!segments.length) return [];
  // the page this address stands for
  let depth = segments.length;
  while (depth > 0 && !gets.some((g) => g.re.test(`/${segments.slice(0, depth).join('/')}`))) depth--;
  if (depth === 0) return [];
  const crumbs: Crumb[] = [HOME];
  for (let d = 1; d < depth; d++) {
    const prefix = `/${segments.slice(0, d).join('/')}`;
    const menu = gets.find((g) => g.nav && g.path === prefix);
    if (menu) {
      const year = typeof options.year === 'number' ? `?year=${options.year}` : '';
      crumbs.push({ href: `${prefix}${year}`, label: menu.nav! });
    }
  }
  if (options.parent) {
    // a parent naming a menu page with a query (the catalogue's filters) replaces that crumb's address
    const same = crumbs.find((c) => c.href?.split('?')[0] === options.parent!.href.split('?')[0]);
    if (same) same.href = options.parent.href;
    else crumbs.push(options.parent);
  }
  const here = `/${segments.slice(0, depth).join('/')}`;
  const menu = gets.find((g) => g.nav && g.path === here);
  crumbs.push({ href: null, label: menu?.nav && !title ? menu.nav : (title ?? menu?.nav ?? '') });
  return crumbs;
}
