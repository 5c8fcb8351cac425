import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { createTables, date, fk, id, int, money, str } from './support/schema';

/**
 * Named accounts (회계). Before, a program's `account` was only general/special/fund, so
 * 주차장특별회계 and 하수도특별회계 could not be told apart. Every program and revenue line now belongs
 * to one account row. A database that already holds programs gets one account per old category
 * (일반회계 '100', 기타특별회계 '200', 기금 '300') and its rows are pointed at them; seeds and the
 * onboarding workbook then name the real accounts.
 */
const DEFAULTS = [
  { code: '100', name: '일반회계', kind: 'general', legacy: 'general', sortOrder: 100 },
  { code: '200', name: '특별회계', kind: 'other_special', legacy: 'special', sortOrder: 200 },
  { code: '300', name: '기금', kind: 'fund', legacy: 'fund', sortOrder: 300 },
];

export class Accounts1763901000000 implements MigrationInterface {
  name = 'Accounts1763901000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTables(qr, [
      {
        name: 'accounts',
        columns: [
          id(),
          str('code', 40),
          str('name', 100),
          str('kind', 24),
          int('sort_order', false, 0),
          date('valid_from'),
          date('valid_to', true),
        ],
        indices: [{ columnNames: ['code'], isUnique: true }],
      },
      {
        name: 'account_year_settlements',
        columns: [
          id(),
          int('fiscal_year'),
          int('account_id'),
          money('subsidy_returned'),
          money('grant_difference'),
          str('note', 500, true),
        ],
        indices: [{ columnNames: ['fiscal_year', 'account_id'], isUnique: true }],
        foreignKeys: [fk('account_id', 'accounts')],
      },
    ]);
    await qr.addColumn('programs', new TableColumn(int('account_id', true)));
    await qr.addColumn('revenue_lines', new TableColumn(int('account_id', true)));

    const used = (await qr.query('SELECT DISTINCT account FROM programs')) as { account: string }[];
    const hasRevenue = ((await qr.query('SELECT COUNT(*) AS n FROM revenue_lines')) as { n: number | string }[])[0];
    for (const d of DEFAULTS) {
      const needed = used.some((u) => u.account === d.legacy) || (d.legacy === 'general' && Number(hasRevenue.n) > 0);
      if (!needed) continue;
      await qr.query('INSERT INTO accounts (code, name, kind, sort_order, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, NULL)', [
        d.code,
        d.name,
        d.kind,
        d.sortOrder,
        '2000-01-01',
      ]);
      await qr.query('UPDATE programs SET account_id = (SELECT id FROM accounts WHERE code = ?) WHERE account = ?', [d.code, d.legacy]);
    }
    // revenue lines were all 일반회계 until now
    await qr.query("UPDATE revenue_lines SET account_id = (SELECT id FROM accounts WHERE code = '100')");

    await qr.createIndex('programs', new TableIndex({ columnNames: ['account_id'] }));
    await qr.createIndex('revenue_lines', new TableIndex({ columnNames: ['account_id'] }));
    await qr.createForeignKey('programs', new TableForeignKey(fk('account_id', 'accounts')));
    await qr.createForeignKey('revenue_lines', new TableForeignKey(fk('account_id', 'accounts')));
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['programs', 'revenue_lines']) {
      const table = await qr.getTable(t);
      const key = table?.foreignKeys.find((f) => f.columnNames.join() === 'account_id');
      if (key) await qr.dropForeignKey(t, key);
      const index = table?.indices.find((i) => i.columnNames.join() === 'account_id');
      if (index) await qr.dropIndex(t, index);
      await qr.dropColumn(t, 'account_id');
    }
    await qr.dropTable('account_year_settlements', true);
    await qr.dropTable('accounts', true);
  }
}
