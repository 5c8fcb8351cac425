import { EVERYONE } from '../../../access/roles';
import { consignmentFilterOptions, disbursementGrid, disbursementList, planGrid, planList } from '../../../queries/grants/grant-list';
import { requestGrid, requestHref, requestList } from '../../../queries/grants/request-list';
import { serveGrid } from '../../grid';
import { today } from '../common';
import { PageDef } from '../../types';

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const RELATED = [
  { href: '/grants', label: '교부 내역' },
  { href: '/grants/requests', label: '교부 신청' },
  { href: '/grant-plans', label: '교부계획' },
];

/** 교부 내역, 교부 신청 and 교부계획 across the consignments the reader may see (their own department's for scoped roles). */
const pages: PageDef[] = [
  {
    id: 'web.lists.grants',
    method: 'get',
    path: '/grants',
    roles: EVERYONE,
    nav: '교부 내역',
    handler: async (call) => {
      const def = disbursementList(await consignmentFilterOptions(call.ds.manager, call.ctx));
      await serveGrid(
        call,
        def,
        (q, w) => disbursementGrid(call.ds.manager, call.ctx, q, w),
        'lists/list.njk',
        { links: RELATED, intro: '교부 취소는 취소한 교부와 같은 위탁사무 화면에서 합니다.' },
        (r) => {
          const reversedBy = n(r.reversedById);
          return {
            anchor: `grant-${Number(r.id)}`,
            className: reversedBy !== null ? 'reversed' : '',
            links: { consignment: `/consignments/${Number(r.consignmentId)}?year=${Number(r.fiscalYear)}#grants` },
            marks: {
              status:
                reversedBy !== null ? `취소됨 (${reversedBy}번)` : n(r.reversalOfId) !== null ? `${n(r.reversalOfId)}번의 취소` : null,
            },
          };
        },
      );
    },
  },
  {
    id: 'web.lists.grant-requests',
    method: 'get',
    path: '/grants/requests',
    roles: EVERYONE,
    handler: async (call) => {
      const def = requestList(await consignmentFilterOptions(call.ds.manager, call.ctx));
      await serveGrid(
        call,
        def,
        (q, w) => requestGrid(call.ds.manager, call.ctx, q, w, today()),
        'lists/list.njk',
        { links: RELATED },
        (r) => ({ links: { consignment: requestHref(r), id: requestHref(r) } }),
      );
    },
  },
  {
    id: 'web.lists.grant-plans',
    method: 'get',
    path: '/grant-plans',
    roles: EVERYONE,
    handler: async (call) => {
      const def = planList(await consignmentFilterOptions(call.ds.manager, call.ctx));
      await serveGrid(
        call,
        def,
        (q, w) => planGrid(call.ds.manager, call.ctx, q, w),
        'lists/list.njk',
        { links: RELATED },
        (r) => ({
          links: { consignment: `/consignments/${Number(r.consignmentId)}?year=${Number(r.fiscalYear)}#plan` },
        }),
      );
    },
  },
];

export default pages;
