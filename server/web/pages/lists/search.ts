import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EVERYONE } from '../../../access/roles';
import { searchAll } from '../../../queries/search/search';
import { validateInput } from '../../../requests/validation';
import { PageDef } from '../../types';

/** The header's search box: q= of at most 100 characters. */
export class SearchQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** /search: programs, consignments, operators and inspections by name or code, each linking to its page. */
const pages: PageDef[] = [
  {
    id: 'web.search',
    method: 'get',
    path: '/search',
    roles: EVERYONE,
    handler: async (call) => {
      const raw = call.req.query.q;
      const { q } = await validateInput(SearchQuery, { q: Array.isArray(raw) ? raw[0] : raw }, 'query');
      const text = (q ?? '').trim();
      const result = text ? await searchAll(call.ds.manager, call.ctx, call.user!.role, text) : null;
      const section = (
        title: string,
        hits: { id: number; code: string | null; name: string; context: string | null; targetId: number }[] | null,
        href: (targetId: number) => string,
      ) => (hits === null ? null : { title, hits: hits.map((h) => ({ ...h, href: href(h.targetId) })) });
      call.render('search.njk', {
        title: text ? `‘${text}’ 검색 결과` : '검색',
        q: text,
        sections: result
          ? [
              section(
                '사업',
                result.programs && result.programs.map((h) => ({ ...h, context: h.context ? `${h.context}년` : null })),
                (id) => `/ledger/${id}`,
              ),
              section('위탁사무', result.consignments, (id) => `/consignments/${id}`),
              section('수탁기관', result.operators, (id) => `/consignments/${id}`),
              section('지도점검', result.inspections, (id) => `/inspections/${id}`),
            ].filter((s) => s !== null)
          : [],
      });
    },
  },
];

export default pages;
