import path from 'node:path';
import nunjucks from 'nunjucks';
import { formatInteger } from '../../domain/money';
import { Particle, withParticle } from '../../domain/korean-particles';

export const TEMPLATES_DIR = path.join(__dirname, '..', '..', 'templates');

export const ROLE_LABEL: Record<string, string> = {
  budget_officer: '예산 담당',
  inspector: '지도점검 담당',
  council_staff: '시의회 전문위원실',
  admin: '관리자',
};

let env: nunjucks.Environment | null = null;

/** The nunjucks environment: autoescaping on; amounts print only through domain/money.ts. */
export function views(): nunjucks.Environment {
  if (env) return env;
  env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR, { noCache: process.env.NODE_ENV !== 'production' }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('won', (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? formatInteger(v) : v === null || v === undefined ? '' : String(v),
  );
  // {{ name | josa('을/를') }}: the word with the particle its last syllable takes (domain/korean-particles.ts)
  env.addFilter('josa', (v: unknown, which: Particle) => withParticle(String(v ?? ''), which));
  env.addFilter('roleLabel', (r: string) => ROLE_LABEL[r] ?? r);
  env.addFilter('ts', (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 16).replace('T', ' ') : String(d ?? '')));
  return env;
}

/**
 * Every table of a page in its own sideways-scrolling box (.table-wrap), so a wide table scrolls inside
 * the page on a phone instead of widening it; done here once rather than in every template.
 */
export function wrapTables(html: string): string {
  return html.replace(/<table(?=[\s>])/g, '<div class="table-wrap"><table').replace(/<\/table>/g, '</table></div>');
}
