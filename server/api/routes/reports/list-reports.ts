import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { reportDefinitions } from '../../../../reports/registry';

export default route({
  id: 'reports.list',
  method: 'get',
  path: '/reports',
  summary: 'The report catalogue: every report the caller may read, with the parameters it needs',
  roles: EVERYONE,
  handler: async ({ ctx }) => ({
    body: {
      items: [...reportDefinitions().values()]
        .filter((d) => ctx.actor.role === 'system' || d.roles.includes(ctx.actor.role))
        .map((d) => ({ name: d.name, title: d.title, required: d.required, optional: d.optional ?? [], inPacket: !!d.inPacket }))
        .concat([{ name: 'packet', title: '의회 제출 자료 묶음', required: ['year', 'org'], optional: [], inPacket: false }]),
    },
  }),
});
