import { INSPECTION_READERS } from '../../../access/inspection-roles';
import { consignmentFilterOptions } from '../../../queries/grants/grant-list';
import { findingGrid, findingList } from '../../../queries/inspections/inspection-list';
import { serveGrid } from '../../grid';
import { PageDef } from '../../types';
import { today } from '../common';

/** 지적사항: the findings of the current inspections the reader may see; overdue ones marked and filterable. */
const pages: PageDef[] = [
  {
    id: 'web.lists.findings',
    method: 'get',
    path: '/findings',
    roles: INSPECTION_READERS,
    nav: '지적사항',
    handler: async (call) => {
      const asOf = today();
      const def = findingList(await consignmentFilterOptions(call.ds.manager, call.ctx));
      await serveGrid(
        call,
        def,
        (q, w) => findingGrid(call.ds.manager, call.ctx, asOf, q, w),
        'lists/list.njk',
        {
          intro: `조치 기한이 ${asOf} 이전인데 조치 전인 지적사항에 ‘기한 지남’을 붙입니다.`,
          links: [{ href: '/inspections', label: '지도점검 목록' }],
        },
        (r) => ({
          className: Number(r.overdue) === 1 ? 'overdue' : '',
          links: { title: `/inspections/${Number(r.inspectionId)}#findings`, consignment: `/consignments/${Number(r.consignmentId)}` },
          marks: { dueDate: Number(r.overdue) === 1 ? '기한 지남' : null },
        }),
      );
    },
  },
];

export default pages;
