import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/errors';
import { runImportInWorker, workerUrlOf } from '../../server/app/imports/worker';
import { systemContext } from '../../server/context';
import { openDatabase } from '../../server/db/data-source';
import { smallDistrict } from './fixtures';

describe('imports: the import in a worker thread writes the same file database, progress and refusals come back', function () {
  const file = path.join(os.tmpdir(), `import-worker-${process.pid}.sqlite`);
  let ds: DataSource;
  before(async () => {
    ds = await openDatabase(`sqlite:${file}`);
  });
  after(async () => {
    await ds.destroy();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  });

  it('is used for a file database only (IMPORT_WORKER=off keeps it in the thread)', () => {
    const saved = process.env.IMPORT_WORKER;
    try {
      process.env.IMPORT_WORKER = 'on';
      expect(workerUrlOf(ds)).to.equal(`sqlite:${file}`);
      process.env.IMPORT_WORKER = 'off';
      expect(workerUrlOf(ds)).to.equal(null);
    } finally {
      if (saved === undefined) delete process.env.IMPORT_WORKER;
      else process.env.IMPORT_WORKER = saved;
    }
  });

  it('imports in the worker, the server thread reads what it wrote; the same file again changes nothing', async () => {
    const phases: string[] = [];
    const first = await runImportInWorker(
      `sqlite:${file}`,
      systemContext(),
      { kind: 'json', name: 'w.json', data: smallDistrict('W') },
      { onProgress: (phase) => phases.push(phase) },
    );
    expect(first.changes).to.equal(17);
    expect(phases).to.include.members(['planning', 'writing', 'done']);
    const [row] = await ds.query(
      "SELECT COUNT(*) AS n FROM ledger_entries e JOIN program_years py ON py.id = e.program_year_id JOIN programs p ON p.id = py.program_id WHERE p.code = 'W-S1' AND e.kind = 'execution'",
    );
    expect(Number(row.n)).to.equal(2);
    const again = await runImportInWorker(
      `sqlite:${file}`,
      systemContext(),
      { kind: 'json', name: 'w.json', data: smallDistrict('W') },
      {},
    );
    expect(again.changes).to.equal(0);
  });

  it('a refused file comes back as the same DomainError, nothing written', async () => {
    const data = smallDistrict('X');
    data.집행[0].금액 = '12원34';
    const refused = await runImportInWorker(`sqlite:${file}`, systemContext(), { kind: 'json', name: 'x.json', data }, {}).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).to.be.instanceOf(DomainError);
    expect((refused as DomainError).kind).to.equal('invalid');
    expect((refused as DomainError).errors.some((e) => e.field.includes('집행'))).to.equal(true);
    const [row] = await ds.query("SELECT COUNT(*) AS n FROM programs WHERE code LIKE 'X-%'");
    expect(Number(row.n)).to.equal(0);
  });
});
