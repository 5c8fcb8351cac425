import { collect } from '../server/app/imports/engine';
import { importLimits } from '../server/app/imports/collect';
import { smallDistrict, workbookOf } from '../test/imports/fixtures';
(async () => {
  const buf = await workbookOf(smallDistrict('F'));
  try { const c = await collect({ kind: 'xlsx', name: 'd', buffer: buf }, importLimits(), () => undefined); console.log([...c.sheets.values()].map(s=>s.rows.length)); } catch (e) { console.error(e); }
})();
(async () => { const fs = await import('node:fs'); fs.writeFileSync('/tmp/imp/small.xlsx', await workbookOf(smallDistrict('F'))); })();
