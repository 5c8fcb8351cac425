import { AUDIT_READERS } from '../../../access/roles';
import { auditGrid, auditList } from '../../../queries/audit/audit-list';
import { serveGrid } from '../../grid';
import { PageDef } from '../../types';

/** 감사 기록: the audit trail for administrators and council staff (who, what, when; filter by action, entity, actor, date). */
const pages: PageDef[] = [
  {
    id: 'web.lists.audit',
    method: 'get',
    path: '/audit',
    roles: AUDIT_READERS,
    nav: '감사 기록',
    handler: async (call) => {
      const def = await auditList(call.ds.manager);
      await serveGrid(
        call,
        def,
        (q, w) => auditGrid(call.ds.manager, q, w),
        'lists/list.njk',
        {
          intro: '모든 변경은 같은 거래 안에서 감사 기록을 남깁니다. 기록은 해시로 이어져 있어 고칠 수 없습니다.',
        },
        (r) => ({
          links: {
            entityId: `/audit?entity=${encodeURIComponent(String(r.entityCode))}&entityId=${encodeURIComponent(String(r.entityId))}`,
          },
        }),
      );
    },
  },
];

export default pages;
