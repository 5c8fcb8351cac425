import { route } from '../../../http/route';
import { LEDGER_WRITERS, ADMINS } from '../../../access/roles';
import { templateWorkbook } from '../../../app/imports/xlsx';

export default route({
  id: 'imports.template',
  method: 'get',
  path: '/imports/template',
  summary: 'The blank .xlsx import template (sheets 사업 · 편성 · 집행)',
  roles: [...LEDGER_WRITERS, ...ADMINS],
  produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  handler: async () => ({
    file: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: '예산집행_가져오기_양식.xlsx',
      data: await templateWorkbook(),
    },
  }),
});
