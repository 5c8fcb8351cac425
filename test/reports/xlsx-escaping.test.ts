import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { escapeFormulaText, renderXlsx } from '../../reports/engine/xlsx';
import { ReportModel } from '../../reports/engine/model';
import { testApp, TestApp } from '../support/app';

/**
 * Defect 8 of issue 14: cells beginning with a space, an ideographic space, a full-width ＝, a line
 * feed or a bidi mark were written as they came. Each such text must come back from every kind of
 * cell an export writes with the apostrophe prefix, and the plain ones unchanged.
 */
const HOSTILE = [
  ' =HYPERLINK("http://x","y")',
  '\u3000=1+1',
  '＝HYPERLINK("http://x")',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '\n=1+1',
  '\r\n@SUM(A1)',
  '\t=1',
  '\u00A0=1',
  '\u200E=1+1',
  '\u200F=1+1',
  '\u202E1+1=',
  '\u2066=1',
  '\u200B=1',
  '\uFEFF=1',
  '=SUM(A1)',
  '+1',
  '-1',
  '−1',
  '@x',
];
const PLAIN = ['시민청', '△24,802', '-', '(단위 : 천원)', '※ 주석', 'a=b'];

// supertest's parser signature takes the raw response stream
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function binary(res: any, cb: (err: Error | null, body: any) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** What an XML attribute or text node gives back: a CR LF (or lone CR) reads as LF. */
const xmlText = (s: string) => s.replace(/\r\n?/g, '\n');

function strings(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') out.push(xmlText(c.value));
    }),
  );
  return out;
}

describe('reports/xlsx: formula-injection escaping (issue 14, defect 8)', function () {
  this.timeout(180_000);

  it('prefixes text led by a space, ideographic space, full-width ＝ ＋ － ＠, a line feed, a bidi or zero-width mark', () => {
    for (const text of HOSTILE) expect(escapeFormulaText(text), JSON.stringify(text)).to.equal(`'${text}`);
    for (const text of PLAIN) expect(escapeFormulaText(text), JSON.stringify(text)).to.equal(text);
    // a single character cannot form a formula (the lone "-" is the tables' "nothing" mark)
    for (const text of ['-', '−', ' ', '＝']) expect(escapeFormulaText(text)).to.equal(text);
  });

  it('escapes every kind of cell the renderer writes: titles, headers, body, key-value, paragraphs, chart, footnotes', async () => {
    const model: ReportModel = {
      id: 'hostile',
      title: HOSTILE[0],
      subtitle: HOSTILE[1],
      unitLine: HOSTILE[2],
      sections: [
        {
          kind: 'table',
          title: HOSTILE[3],
          columns: [
            { key: 'name', label: HOSTILE[4], kind: 'text', width: 20 },
            { key: 'amount', label: HOSTILE[5], kind: 'amount', width: 12 },
          ],
          rows: HOSTILE.map((text) => ({
            depth: 0,
            style: 'program' as const,
            cells: { name: { value: text, text }, amount: { value: null, text } },
          })),
          footnotes: [HOSTILE[6]],
        },
        { kind: 'keyValue', title: HOSTILE[7], items: [{ label: HOSTILE[8], text: HOSTILE[9] }] },
        { kind: 'paragraphs', title: HOSTILE[10], paragraphs: [HOSTILE[11]] },
        {
          kind: 'chart',
          title: HOSTILE[12],
          chart: {
            type: 'bar',
            title: HOSTILE[13],
            categories: [HOSTILE[14]],
            series: [{ name: HOSTILE[15], values: [1], labels: [HOSTILE[16]] }],
          },
        },
      ],
      footnotes: [HOSTILE[17]],
      source: HOSTILE[18],
    };
    const out = new PassThrough();
    const body = new Promise<Buffer>((resolve, reject) => binary(out, (err, b) => (err ? reject(err) : resolve(b))));
    await renderXlsx(model, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await body) as unknown as ArrayBuffer);
    const texts = strings(wb.worksheets[0]);
    const hostile = HOSTILE.map(xmlText);
    const unescaped = texts.filter((s) => hostile.some((h) => s.startsWith(h)));
    expect(unescaped, 'hostile texts written as they came').to.deep.equal([]);
    for (const h of hostile.slice(0, 18)) expect(texts, JSON.stringify(h)).to.include(`'${h}`);
    expect(texts).to.include(`자료 : ${hostile[18]}`);
  });

  describe('through the API, from data a user typed', () => {
    let t: TestApp;
    before(async () => {
      t = await testApp();
    });
    after(() => t.close());

    it('a program named "＝HYPERLINK(…)" or " =…" comes out of the 세출결산 xlsx escaped', async () => {
      const names = ['＝HYPERLINK("http://x")', '\u3000=1+1 사업'];
      for (const [i, name] of names.entries()) {
        const code = `ESC-${process.pid}-${i}`;
        let res = await t.as('admin').post('/api/programs').send({ code, name, kind: 'unit', account: 'general' });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        res = await t.as('officer').post('/api/program-years').send({ programCode: code, fiscalYear: 2025, orgCode: 'LFB-FAIR' });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        res = await t
          .as('officer')
          .post(`/api/program-years/${res.body.id as number}/appropriations`)
          .send({ expenseItem: '사무관리비', amount: 1_000_000 });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
      }
      const json = await t.as('council').get('/api/reports/expenditure-settlement?year=2025&org=LFB-FAIR');
      expect(json.status).to.equal(200);
      const printed = JSON.stringify(json.body);
      const stored = names.filter((n) => printed.includes(JSON.stringify(n).slice(1, -1)));
      expect(stored, 'the report prints the names as stored').to.have.length.greaterThan(0);
      const res = await t
        .as('council')
        .get('/api/reports/expenditure-settlement?year=2025&org=LFB-FAIR&format=xlsx')
        .buffer(true)
        .parse(binary);
      expect(res.status).to.equal(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const texts = strings(wb.worksheets[0]);
      for (const name of stored) {
        expect(texts, JSON.stringify(name)).to.include(`'${name}`);
        expect(texts).to.not.include(name);
      }
    });
  });
});
