import { expect } from 'chai';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { testApp, TestApp } from '../support/app';
import { problemsAt, smallDistrict, tableCounts, workbookOf } from './fixtures';

/** A zip of one entry, built by hand: `data` is the deflated content, `declared` the size the directory states. */
function zipOf(name: string, data: Buffer, declared: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/** 286 MB of sheet XML (spaces) deflated to a few hundred KB. */
function bombData(): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const parts: Buffer[] = [];
  const z = zlib.createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => parts.push(c));
  for (let i = 0; i < 286; i++) z.write(chunk);
  return new Promise((resolve) => z.end(() => resolve(Buffer.concat(parts))));
}

describe('imports: every bad file of issue #15 is refused, naming the cell (or 413), and nothing is written', function () {
  let t: TestApp;
  let bomb: Buffer;
  before(async () => {
    t = await testApp();
    bomb = await bombData();
  });
  after(() => t.close());

  const refused = async (
    send: () => Promise<{ status: number; body: { title?: string; code?: string; errors?: { field: string; rule: string }[] } }>,
    status: number,
  ) => {
    const before = await tableCounts(t);
    const res = await send();
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).to.equal(status);
    expect(await tableCounts(t)).to.deep.equal(before);
    return res;
  };

  it('a zip bomb (a few hundred KB declaring 286 MB) is a 413, refused from its central directory', async () => {
    expect(bomb.length).to.be.below(400 * 1024);
    const file = zipOf('xl/worksheets/sheet1.xml', bomb, 286 * 1024 * 1024);
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'bomb.xlsx'), 413);
    expect(res.body).to.include({ code: 'inflated_too_large' });
    expect(res.body.title).to.match(/MB/);
  });

  it('a zip bomb whose directory lies about its size is a 413 too (the inflated bytes are counted)', async () => {
    const file = zipOf('xl/worksheets/sheet1.xml', bomb, 1000);
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'liar.xlsx'), 413);
    expect(res.body).to.include({ code: 'inflated_too_large' });
  });

  it('a formula whose cached result is #DIV/0! is refused naming its cell', async () => {
    const file = await workbookOf(smallDistrict('F'), (wb) => {
      wb.getWorksheet('집행')!.getCell('E2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    });
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'div0.xlsx'), 422);
    expect(problemsAt(res.body)).to.include('집행!E2:formulaError');
  });

  it('a formula without a cached value is refused naming its cell (never "[object Object]")', async () => {
    const file = await workbookOf(smallDistrict('F'), (wb) => {
      wb.getWorksheet('집행')!.getCell('E3').value = { formula: 'D3*2' } as ExcelJS.CellValue;
      wb.getWorksheet('조직')!.getCell('B2').value = { formula: 'A1&"구"' } as ExcelJS.CellValue;
    });
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'nocache.xlsx'), 422);
    expect(problemsAt(res.body)).to.include.members(['집행!E3:formulaCachedValue', '조직!B2:formulaCachedValue']);
  });

  it('"10,50" and "1,0,0" are refused naming their cells; "1,234원" and 1234 are read', async () => {
    const data = smallDistrict('F');
    data.집행[0].금액 = '10,50';
    data.집행[1].금액 = '1,0,0';
    const file = await workbookOf(data);
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'amounts.xlsx'), 422);
    expect(problemsAt(res.body)).to.include.members(['집행!E2:wonFormat', '집행!E3:wonFormat']);
    expect(res.body.errors!.length).to.equal(2);
  });

  it('a sheet without a recognised header row is refused (never 201 with 0 rows)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('집행');
    ws.addRow([2027, 'F-S1', '시설비', '2027-02-01', 300000, '헤더 없음']);
    ws.addRow([2027, 'F-S1', '시설비', '2027-02-02', 300000, '헤더 없음']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'noheader.xlsx'), 422);
    expect(problemsAt(res.body)).to.include('집행!1:headerRow');
  });

  it('an unknown sheet is reported by name', async () => {
    const file = await workbookOf({ ...smallDistrict('F'), 집행내역: [{ 금액: 1 }] });
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'unknown.xlsx'), 422);
    expect(problemsAt(res.body)).to.include('집행내역:knownSheet');
  });

  it('more rows than the limit is a 413, stopped while reading', async () => {
    const previous = process.env.IMPORT_MAX_ROWS;
    process.env.IMPORT_MAX_ROWS = '10';
    try {
      const res = await refused(() => t.as('admin').post('/api/imports').send(smallDistrict('F')), 413);
      expect(res.body).to.include({ code: 'too_many_rows' });
    } finally {
      if (previous === undefined) delete process.env.IMPORT_MAX_ROWS;
      else process.env.IMPORT_MAX_ROWS = previous;
    }
  });

  it('a file that is not a workbook is a 400', async () => {
    await refused(() => t.as('admin').post('/api/imports').attach('file', Buffer.from('PK\u0003\u0004 not a zip'), 'x.xlsx'), 400);
  });

  it('a bad date, a date outside the year and a choice not in the list are refused by cell', async () => {
    const data = smallDistrict('F');
    data.집행[0].일자 = '2027-02-30';
    data.집행[1].일자 = '2026-12-31';
    data.세입[0].구분 = '징수';
    const file = await workbookOf(data);
    const res = await refused(() => t.as('admin').post('/api/imports').attach('file', file, 'dates.xlsx'), 422);
    expect(problemsAt(res.body)).to.include.members(['집행!D2:calendarDate', '세입!C2:oneOf']);
  });
});
