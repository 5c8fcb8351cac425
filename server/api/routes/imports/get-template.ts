import { route } from '../../../http/route';
import { LEDGER_WRITERS, ADMINS } from '../../../access/roles';
import { TEMPLATE_FILE_NAME, templateWorkbook } from '../../../app/imports/template';

export default route({
  id: 'imports.template',
  method: 'get',
  path: '/imports/template',
  summary: 'The blank onboarding workbook (조직 · 회계 · 사업 · 세출예산 · 세입예산 · 집행 · 세입 · 이월 · 결산), headers and a notes row',
  roles: [...LEDGER_WRITERS, ...ADMINS],
  produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  handler: async () => ({
    file: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: TEMPLATE_FILE_NAME,
      data: await templateWorkbook(),
    },
  }),
});
