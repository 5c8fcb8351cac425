/**
 * npm run build:font — the web pages' Korean font: WOFF2 subsets of the Noto Sans KR the PDFs embed
 * (@embedpdf/fonts-kr, Regular and Bold) written to templates/static/fonts/, committed, served by
 * the web server at /static/fonts/ with a long cache lifetime (see templates/static/site.css).
 *
 * The subset: the 2,350 Hangul syllables of KS X 1001 (every syllable of ordinary Korean text),
 * Hangul compatibility jamo, Basic Latin and Latin-1, the punctuation, arrows, math and geometric
 * symbols the pages print (△ · ※ ± − ≥ □ …), CJK symbols and full-width forms, plus every other
 * character found in the templates, the seeds and the server's texts (rare syllables, Hanja such as
 * 市政 對話). Characters outside the subset fall back to the next font of the CSS list.
 *
 * Usage: npm run build:font [-- --whole-hangul] (all 11,172 syllables instead of KS X 1001; larger)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { koreanFontPaths } from '../reports/engine/pdf-fonts';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- subset-font ships no type declarations
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: 'woff2' }) => Promise<Buffer>;

const ROOT = path.join(__dirname, '..');
export const WEB_FONT_DIR = path.join(ROOT, 'templates', 'static', 'fonts');
const SITE_CSS = path.join(ROOT, 'templates', 'static', 'site.css');

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

/** The 2,350 precomposed syllables of KS X 1001 (EUC-KR rows 0xB0–0xC8, cells 0xA1–0xFE). */
export function ksx1001Hangul(): string {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xc8; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  const s = new TextDecoder('euc-kr').decode(Uint8Array.from(bytes));
  if ([...s].length !== 2350 || !/^[\uac00-\ud7a3]+$/.test(s)) throw new Error('this Node cannot decode EUC-KR (needs full ICU)');
  return s;
}

/** Every non-ASCII character written in the repository's templates, seeds and server sources. */
function charactersInSources(): string {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(njk|ts|css|json)$/.test(entry.name)) for (const c of fs.readFileSync(p, 'utf8')) if (c > '\u007f') found.add(c);
    }
  };
  for (const dir of ['templates', 'seeds', 'server', 'domain', 'reports']) walk(path.join(ROOT, dir));
  return [...found].join('');
}

export function webFontCharacters(wholeHangul = false): string {
  const chars = [
    range(0x20, 0x7e), // Basic Latin
    range(0xa0, 0xff), // Latin-1: · × ± ° …
    range(0x2010, 0x2027), // dashes, quotes, bullets, ellipsis
    range(0x2030, 0x203b), // ‰ ′ ″ ‹ › ※
    '€₩',
    range(0x2190, 0x2199), // arrows
    '−∓∙√∞∼≈≠≤≥',
    range(0x2460, 0x2473), // ① … ⑳
    range(0x25a0, 0x25ff), // geometric shapes: □ ■ △ ▲ ▽ ○ ● ◎ ◇ ◆ …
    '★☆',
    range(0x3000, 0x303f), // CJK symbols and punctuation: 「」『』〈〉《》【】 …
    range(0x3131, 0x318e), // Hangul compatibility jamo
    range(0xff01, 0xff5e), // full-width forms
    wholeHangul ? range(0xac00, 0xd7a3) : ksx1001Hangul(),
    charactersInSources(),
  ].join('');
  return [...new Set(chars)].filter((c) => !/[\p{Cc}\p{Cs}]/u.test(c)).join('');
}

export const WEB_FONTS = [
  { file: 'NotoSansKR-Regular.subset.woff2', source: 'regular' },
  { file: 'NotoSansKR-Bold.subset.woff2', source: 'bold' },
] as const;

async function main() {
  const whole = process.argv.includes('--whole-hangul');
  const text = webFontCharacters(whole);
  const sources = koreanFontPaths();
  fs.mkdirSync(WEB_FONT_DIR, { recursive: true });
  let css = fs.readFileSync(SITE_CSS, 'utf8');
  for (const font of WEB_FONTS) {
    const input = fs.readFileSync(sources[font.source]);
    const started = Date.now();
    const woff2 = await subsetFont(input, text, { targetFormat: 'woff2' });
    fs.writeFileSync(path.join(WEB_FONT_DIR, font.file), woff2);
    // the server lets browsers keep the font a year: a new subset gets a new URL
    const version = crypto.createHash('sha256').update(woff2).digest('hex').slice(0, 12);
    const url = new RegExp(`/static/fonts/${font.file.replace(/\./g, '\\.')}(\\?v=\\w+)?`, 'g');
    if (!url.test(css)) throw new Error(`site.css does not load /static/fonts/${font.file}`);
    css = css.replace(url, `/static/fonts/${font.file}?v=${version}`);
    console.log(
      `${font.file}?v=${version}: ${[...text].length} characters, ${(woff2.length / 1024).toFixed(0)} KiB (from ${(input.length / 1024 / 1024).toFixed(1)} MiB) in ${Date.now() - started} ms`,
    );
  }
  fs.writeFileSync(SITE_CSS, css);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
