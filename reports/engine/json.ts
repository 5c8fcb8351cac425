/**
 * The json format is the model itself: the web page and other consumers get exactly the figures
 * and texts the xlsx and pdf print. A streaming model is written as it is read — each table's rows
 * one by one (its `rows` member last in the object) — so the output is the plain model's JSON.
 */
import { once } from 'events';
import { Writable } from 'stream';
import fs from 'fs';
import { ReportModel, StreamingReportModel, StreamingSection, isStreamedRows } from './model';

export function toJson(input: ReportModel | ReportModel[]): string {
  return JSON.stringify(input);
}

export function parseModel(json: string): ReportModel | ReportModel[] {
  return JSON.parse(json) as ReportModel | ReportModel[];
}

function streamed(model: StreamingReportModel): boolean {
  return model.sections.some((s) => s.kind === 'table' && isStreamedRows(s.rows));
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text, 'utf8')) await once(out, 'drain');
}

/** `{"a":1}` without its closing brace, ready for one more member. */
function open(value: object): string {
  const text = JSON.stringify(value);
  return text.slice(0, -1) + (text === '{}' ? '' : ',');
}

async function writeSection(out: Writable, s: StreamingSection): Promise<void> {
  if (s.kind !== 'table' || !isStreamedRows(s.rows)) return write(out, JSON.stringify(s));
  const { rows, widthSamples: _w, ...rest } = s;
  await write(out, `${open(rest)}"rows":[`);
  let first = true;
  let pending = '';
  for await (const row of rows) {
    pending += (first ? '' : ',') + JSON.stringify(row);
    first = false;
    if (pending.length > 64 * 1024) {
      await write(out, pending);
      pending = '';
    }
  }
  await write(out, `${pending}]}`);
}

async function writeModel(out: Writable, model: StreamingReportModel): Promise<void> {
  if (!streamed(model)) return write(out, JSON.stringify(model));
  const { sections, ...rest } = model;
  await write(out, `${open(rest)}"sections":[`);
  for (let i = 0; i < sections.length; i++) {
    if (i) await write(out, ',');
    await writeSection(out, sections[i]);
  }
  await write(out, ']}');
}

export async function renderJson(input: StreamingReportModel | StreamingReportModel[], out: Writable | string): Promise<void> {
  const models = Array.isArray(input) ? input : [input];
  if (!models.some(streamed)) {
    const text = JSON.stringify(input);
    if (typeof out === 'string') return fs.promises.writeFile(out, text, 'utf8');
    await new Promise<void>((resolve, reject) => {
      out.on('error', reject);
      out.end(text, 'utf8', () => resolve());
    });
    return;
  }
  const sink = typeof out === 'string' ? fs.createWriteStream(out) : out;
  const failed = new Promise<never>((_, reject) => sink.once('error', reject));
  failed.catch(() => undefined);
  const work = async () => {
    if (Array.isArray(input)) await write(sink, '[');
    for (let i = 0; i < models.length; i++) {
      if (i) await write(sink, ',');
      await writeModel(sink, models[i]);
    }
    if (Array.isArray(input)) await write(sink, ']');
    await new Promise<void>((resolve) => sink.end(() => resolve()));
  };
  try {
    await Promise.race([work(), failed]);
  } catch (err) {
    if (typeof out === 'string') sink.destroy();
    throw err;
  }
}
