/**
 * Reading PDFs back in tests with Node alone (pdf.js, the legacy Node build of `pdfjs-dist`, and
 * `@napi-rs/canvas` for pictures) — no poppler. What the tests used to get from poppler's tools:
 * - pdfText: the text of every page in reading order, each page followed by a form feed (as
 *   `pdftotext -layout` prints it): text items on one baseline make one line, left to right, items
 *   apart on the page are kept apart by spaces (at least one), so table columns stay separate tokens;
 * - pdfWords: word boxes per page (as `pdftotext -bbox`): x, y (top of the box, from the page top),
 *   width, height in points. Item edges are exact; words inside one text item share its width in
 *   proportion to their characters (CJK wide, others narrow);
 * - pdfFonts: the font table of `pdffonts` (name, type, encoding, emb, sub, uni), read from the file's
 *   own font dictionaries (classic xref table, as pdfkit writes it);
 * - pdfInfo: "Pages:" and "Page size:" lines of `pdfinfo`;
 * - pdfImagesList: the listing of `pdfimages -list` (two header lines, one line per image drawn);
 * - pdfOutlineXml: the `<outline>` of `pdftohtml -xml` (bookmark titles with their page numbers);
 * - pdfToPng: a page rendered to PNG (as `pdftoppm -png -r <dpi>`).
 * Each has a `…Sync` twin for synchronous callers: the same code run in a worker thread that the
 * caller waits for (Atomics.wait), started once per process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';

/* eslint-disable @typescript-eslint/no-explicit-any -- pdf.js is loaded as an ES module at run time */
type PdfJs = any;
type PdfDocument = any;

// ts-node compiles `import()` to `require()` under module=commonjs, and pdf.js is ESM only
const importEsm = new Function('s', 'return import(s)') as (specifier: string) => Promise<PdfJs>;
let pdfjsLoading: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  pdfjsLoading ??= importEsm(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
  return pdfjsLoading;
}

export type PdfSource = string | Uint8Array;

async function open(source: PdfSource): Promise<PdfDocument> {
  const lib = await pdfjs();
  const data = typeof source === 'string' ? new Uint8Array(fs.readFileSync(source)) : new Uint8Array(source);
  return lib.getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
}

async function withDocument<T>(source: PdfSource, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await open(source);
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

/** A run of text drawn at one place: x, y of its baseline from the page's bottom-left, in points. */
interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

async function pageRuns(page: any): Promise<Run[]> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items as { str?: string; transform: number[]; width: number }[]) {
    if (item.str === undefined || item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform;
    runs.push({ text: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || 1 });
  }
  return runs;
}

/** Runs grouped by baseline (within a third of the type size), top to bottom, each left to right. */
function lines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const out: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.min(last.size, r.size) / 3) last.runs.push(r);
    else out.push({ y: r.y, size: r.size, runs: [r] });
  }
  return out.map((l) => l.runs.sort((p, q) => p.x - q.x));
}

/** One line of text: a gap wider than a fifth of the type size becomes spaces (about one per half em). */
function lineText(runs: Run[]): string {
  let s = '';
  let end = -Infinity;
  for (const r of runs) {
    const gap = r.x - end;
    if (s !== '' && gap > r.size / 5) s += ' '.repeat(Math.max(1, Math.round(gap / (r.size / 2))));
    s += r.text;
    end = Math.max(end, r.x + r.width);
  }
  return s.trimEnd();
}

/** The text of each page, lines by baseline (top to bottom), runs kept apart by spaces. */
export async function pdfPages(source: PdfSource): Promise<string[]> {
  return withDocument(source, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(
        lines(await pageRuns(page))
          .map(lineText)
          .join('\n'),
      );
      page.cleanup();
    }
    return pages;
  });
}

/** Every page's text followed by a form feed, like `pdftotext -layout file -`. */
export async function pdfText(source: PdfSource): Promise<string> {
  return (await pdfPages(source)).map((p) => `${p}\n\f`).join('');
}

export interface PdfWord {
  text: string;
  /** left edge, points from the page's left */
  x: number;
  /** top edge, points from the page's top */
  y: number;
  width: number;
  height: number;
}

const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** The words (split at spaces) of each page with their boxes, like `pdftotext -bbox`. */
export async function pdfWords(source: PdfSource): Promise<PdfWord[][]> {
  return withDocument(source, async (doc) => {
    const pages: PdfWord[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      const words: PdfWord[] = [];
      for (const r of await pageRuns(page)) {
        const chars = [...r.text];
        const weights = chars.map((c) => (WIDE.test(c) ? 1 : 0.55));
        const unit = r.width / weights.reduce((s, w) => s + w, 0);
        let x = r.x;
        let word = '';
        let x0 = x;
        chars.forEach((c, i) => {
          if (/\s/.test(c)) {
            if (word) words.push({ text: word, x: x0, y: height - r.y - r.size * 0.88, width: x - x0, height: r.size });
            word = '';
          } else {
            if (!word) x0 = x;
            word += c;
          }
          x += weights[i] * unit;
        });
        if (word) words.push({ text: word, x: x0, y: height - r.y - r.size * 0.88, width: r.x + r.width - x0, height: r.size });
      }
      pages.push(words);
      page.cleanup();
    }
    return pages;
  });
}

/** The first page's size and the page count, as `pdfinfo` prints them ("Page size: 595.28 x 841.89 pts"). */
export async function pdfInfo(source: PdfSource): Promise<string> {
  return withDocument(source, async (doc) => {
    const page = await doc.getPage(1);
    const [x0, y0, x1, y1] = page.view as number[];
    const fmt = (v: number) => String(Number(v.toFixed(2)));
    return `Pages:           ${doc.numPages}\nPage size:       ${fmt(x1 - x0)} x ${fmt(y1 - y0)} pts\n`;
  });
}

const IMAGE_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
];

/** Like `pdfimages -list`: two header lines, then one line per image drawn (page, number). */
export async function pdfImagesList(source: PdfSource): Promise<string> {
  const lib = await pdfjs();
  const ops = new Set(IMAGE_OPS.map((name) => lib.OPS[name]));
  return withDocument(source, async (doc) => {
    const out = ['page   num  type', '-----------------'];
    let num = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const list = await page.getOperatorList();
      for (const fn of list.fnArray as number[]) if (ops.has(fn)) out.push(`${String(n).padStart(4)} ${String(num++).padStart(5)}  image`);
      page.cleanup();
    }
    return `${out.join('\n')}\n`;
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The bookmarks as `pdftohtml -xml` prints them: `<outline><item page="n">title</item>…</outline>` (nested). */
export async function pdfOutlineXml(source: PdfSource): Promise<string> {
  return withDocument(source, async (doc) => {
    const outline = (await doc.getOutline()) as { title: string; dest: unknown; items: unknown[] }[] | null;
    if (!outline?.length) return '';
    const pageOf = async (dest: unknown): Promise<number> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
      if (!Array.isArray(explicit)) return 0;
      return typeof explicit[0] === 'number' ? explicit[0] + 1 : (await doc.getPageIndex(explicit[0])) + 1;
    };
    const render = async (items: { title: string; dest: unknown; items: unknown[] }[]): Promise<string> => {
      let xml = '<outline>\n';
      for (const item of items) {
        xml += `<item page="${await pageOf(item.dest)}">${xmlEscape(item.title)}</item>\n`;
        if (item.items?.length) xml += await render(item.items as typeof items);
      }
      return `${xml}</outline>\n`;
    };
    return render(outline);
  });
}

/** Renders page `page` (1-based) at `dpi` to a PNG file, as `pdftoppm -png -r dpi -f page -l page`. */
export async function pdfToPng(source: PdfSource, out: string, page = 1, dpi = 72): Promise<string> {
  return withDocument(source, async (doc) => {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvas, canvasContext: context, viewport }).promise;
    fs.writeFileSync(out, canvas.toBuffer('image/png'));
    p.cleanup();
    return out;
  });
}

/* ---- the font table, from the file's own dictionaries ---- */

/** Object number → the text of its dictionary (up to `stream` or `endobj`), through the xref table. */
function objectDictionaries(raw: string): Map<number, string> {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw);
  if (!start) throw new Error('pdfFonts: no startxref');
  let at = Number(start[1]);
  if (!raw.startsWith('xref', at)) throw new Error('pdfFonts: only classic xref tables are read (as pdfkit writes them)');
  const objects = new Map<number, string>();
  const re = /(\d+) (\d+)\s*\r?\n((?:\d{10} \d{5} [nf]\s*\r?\n?)*)/y;
  at += 4;
  while (/\s/.test(raw[at])) at++;
  re.lastIndex = at;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const first = Number(m[1]);
    m[3]
      .trim()
      .split(/\s*\r?\n/)
      .forEach((entry, i) => {
        const [offset, , kind] = entry.trim().split(' ');
        if (kind !== 'n') return;
        const from = Number(offset);
        const header = /^\d+ \d+ obj\s*/.exec(raw.slice(from, from + 40));
        if (!header) return;
        const bodyStart = from + header[0].length;
        const ends = ['stream', 'endobj'].map((w) => raw.indexOf(w, bodyStart)).filter((x) => x >= 0);
        objects.set(first + i, raw.slice(bodyStart, Math.min(...ends)));
      });
    while (/\s/.test(raw[re.lastIndex] ?? '')) re.lastIndex++;
  }
  return objects;
}

const nameOf = (dict: string, key: string) => new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dict)?.[1];
const refOf = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s*\\[?\\s*(\\d+) \\d+ R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
  object: number;
}

/** The fonts of the file, as `pdffonts` lists them (top-level font dictionaries). */
export function pdfFontList(source: PdfSource): PdfFont[] {
  const raw = (typeof source === 'string' ? fs.readFileSync(source) : Buffer.from(source)).toString('latin1');
  const objects = objectDictionaries(raw);
  const fonts: PdfFont[] = [];
  const descendants = new Set<number>();
  for (const dict of objects.values()) {
    const d = refOf(dict, 'DescendantFonts');
    if (d !== undefined) descendants.add(d);
  }
  for (const [num, dict] of objects) {
    if (nameOf(dict, 'Type') !== 'Font' || descendants.has(num)) continue;
    const subtype = nameOf(dict, 'Subtype') ?? '';
    const name = nameOf(dict, 'BaseFont') ?? '[none]';
    const descendant = refOf(dict, 'DescendantFonts');
    const fontDict = descendant !== undefined ? (objects.get(descendant) ?? '') : dict;
    const descriptorRef = refOf(fontDict, 'FontDescriptor');
    const descriptor = descriptorRef !== undefined ? (objects.get(descriptorRef) ?? '') : '';
    const file = ['FontFile', 'FontFile2', 'FontFile3'].map((k) => ({ k, ref: refOf(descriptor, k) })).find((f) => f.ref !== undefined);
    const fileSubtype = file?.ref !== undefined ? nameOf(objects.get(file.ref) ?? '', 'Subtype') : undefined;
    let type: string = subtype;
    if (subtype === 'Type0') {
      const cid = nameOf(fontDict, 'Subtype');
      type = cid === 'CIDFontType2' ? 'CID TrueType' : fileSubtype === 'CIDFontType0C' ? 'CID Type 0C' : 'CID Type 0';
    } else if (subtype === 'Type1') type = fileSubtype === 'Type1C' ? 'Type 1C' : 'Type 1';
    else if (subtype === 'Type3') type = 'Type 3';
    fonts.push({
      name,
      type,
      encoding: nameOf(dict, 'Encoding') ?? 'Custom',
      embedded: file !== undefined,
      subset: /^[A-Z]{6}\+/.test(name),
      unicode: refOf(dict, 'ToUnicode') !== undefined,
      object: num,
    });
  }
  return fonts;
}

/** The font table of `pdffonts file`: name, type, encoding, emb, sub, uni, object ID. */
export function pdfFonts(source: PdfSource): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no ');
  const rows = pdfFontList(source).map(
    (f) =>
      `${f.name.padEnd(36)} ${f.type.padEnd(17)} ${f.encoding.padEnd(16)} ${yes(f.embedded)} ${yes(f.subset)} ${yes(f.unicode)} ${String(f.object).padStart(6)}  0`,
  );
  return [
    'name                                 type              encoding         emb sub uni object ID',
    '------------------------------------ ----------------- ---------------- --- --- --- ---------',
    ...rows,
  ].join('\n');
}

/* ---- synchronous twins: the async functions run in a worker thread, the caller blocks until done ---- */

const operations = { pdfText, pdfPages, pdfWords, pdfInfo, pdfImagesList, pdfOutlineXml, pdfToPng } as const;
type Operations = typeof operations;
type Name = keyof Operations;

let worker: Worker | undefined;

function callSync<N extends Name>(name: N, ...args: Parameters<Operations[N]>): Awaited<ReturnType<Operations[N]>> {
  worker ??= new Worker(
    `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(__dirname, '..', '..', 'tsconfig.json'))} });
     require(${JSON.stringify(__filename)});`,
    { eval: true, workerData: { pdfTextWorker: true } },
  );
  worker.unref();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ name, args, port: port2, done }, [port2]);
  if (Atomics.wait(done, 0, 0, 120_000) === 'timed-out') throw new Error(`${name}: no answer from the PDF worker in 120 s`);
  const reply = receiveMessageOnPort(port1)?.message as { value?: unknown; error?: string } | undefined;
  port1.close();
  if (!reply) throw new Error(`${name}: the PDF worker sent nothing`);
  if (reply.error !== undefined) throw new Error(reply.error);
  return reply.value as Awaited<ReturnType<Operations[N]>>;
}

export const pdfTextSync = (source: PdfSource) => callSync('pdfText', source);
export const pdfPagesSync = (source: PdfSource) => callSync('pdfPages', source);
export const pdfOutlineXmlSync = (source: PdfSource) => callSync('pdfOutlineXml', source);
export const pdfToPngSync = (source: PdfSource, out: string, page = 1, dpi = 72) => callSync('pdfToPng', source, out, page, dpi);
export const pdfFontsSync = pdfFonts;

if (!isMainThread && (workerData as { pdfTextWorker?: boolean } | null)?.pdfTextWorker) {
  parentPort!.on('message', (msg: { name: Name; args: unknown[]; port: MessagePort; done: Int32Array }) => {
    const fn = operations[msg.name] as (...a: unknown[]) => Promise<unknown>;
    fn(...msg.args)
      .then(
        (value) => msg.port.postMessage({ value }),
        (e: unknown) => msg.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      )
      .finally(() => {
        msg.port.close();
        Atomics.store(msg.done, 0, 1);
        Atomics.notify(msg.done, 0);
      });
  });
}
