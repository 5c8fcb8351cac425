/**
 * Noto Sans KR from @embedpdf/fonts-kr. The package's "exports" map hides its files from
 * require.resolve, so the path is found from the package's main entry.
 */
import fs from 'fs';
import path from 'path';

let cached: { regular: string; bold: string } | undefined;

export function koreanFontPaths(): { regular: string; bold: string } {
  if (cached) return cached;
  const main = require.resolve('@embedpdf/fonts-kr'); // …/fonts-kr/dist/index.cjs
  const root = path.resolve(path.dirname(main), '..');
  const regular = path.join(root, 'fonts', 'NotoSansKR-Regular.otf');
  const bold = path.join(root, 'fonts', 'NotoSansKR-Bold.otf');
  for (const f of [regular, bold]) if (!fs.existsSync(f)) throw new Error(`Korean font missing: ${f}`);
  cached = { regular, bold };
  return cached;
}

/** Font bytes read once per process: re-reading 4.6 MB OTFs per report is measurable. */
let bytes: { regular: Buffer; bold: Buffer } | undefined;

export function koreanFontBytes(): { regular: Buffer; bold: Buffer } {
  if (!bytes) {
    const p = koreanFontPaths();
    bytes = { regular: fs.readFileSync(p.regular), bold: fs.readFileSync(p.bold) };
  }
  return bytes;
}
