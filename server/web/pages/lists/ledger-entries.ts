import { LEDGER_READERS } from '../../../access/roles';
import { ENTRY_LIST, entryGrid } from '../../../queries/ledger/entry-list';
import { serveGrid } from '../../grid';
import { PageDef } from '../../types';

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * 원장 거래 내역: every ledger entry the reader may see. A reversed entry is marked 취소됨 and links to
 * its reversal, a reversal to the entry it reverses (both open the pair); an entry posted by a 교부
 * links to the consignment's grants, where a 교부 is corrected (교부 취소), never the entry itself.
 */
const pages: PageDef[] = [
  {
    id: 'web.lists.ledger-entries',
    method: 'get',
    path: '/ledger-entries',
    roles: LEDGER_READERS,
    nav: '원장 거래',
    handler: async (call) =>
      serveGrid(
        call,
        ENTRY_LIST,
        (query, window) => entryGrid(call.ds.manager, call.ctx, query, window),
        'lists/list.njk',
        {
          intro: '거래는 고치지 않고 취소 거래로 바로잡습니다. 취소된 거래와 그 취소 거래는 서로 연결됩니다.',
          links: [{ href: '/ledger', label: '사업별 예산 원장' }],
        },
        (r) => {
          const reversedBy = n(r.reversedById);
          const reverses = n(r.reversalOfId);
          const consignment = n(r.consignmentId);
          const pair = reversedBy ?? reverses;
          return {
            anchor: `entry-${Number(r.id)}`,
            className: reversedBy !== null ? 'reversed' : reverses !== null ? 'reversal' : '',
            links: {
              program: `/ledger/${Number(r.programYearId)}#entry-${Number(r.id)}`,
              status:
                consignment !== null
                  ? `/consignments/${consignment}?year=${Number(r.fiscalYear)}#grants`
                  : pair !== null
                    ? `/ledger-entries?pair=${Number(r.id)}`
                    : null,
            },
            marks: { id: reversedBy !== null ? '취소됨' : null },
          };
        },
      ),
  },
];

export default pages;
