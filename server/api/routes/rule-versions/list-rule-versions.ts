import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQuery, paged, pageWindow } from '../../../requests/pagination';
import { route } from '../../../http/route';
import { EVERYONE } from '../../../access/roles';
import { listRuleVersions } from '../../../queries/rule-versions/rule-versions';

export class ListRuleVersionsQuery extends PageQuery {
  /** only the versions of this rule, e.g. transfer_report_deadline */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,59}$/)
  ruleKey?: string;
}

export default route<object, ListRuleVersionsQuery>({
  id: 'rule-versions.list',
  method: 'get',
  path: '/rule-versions',
  summary: 'Dated rule versions (the 전용 reporting deadline, the renewal thresholds, …), oldest first per rule',
  roles: EVERYONE,
  query: ListRuleVersionsQuery,
  handler: async ({ ds, query }) => {
    const all = await listRuleVersions(ds.manager, query.ruleKey);
    const { skip, take } = pageWindow(query);
    return { body: paged(all.slice(skip, skip + take), all.length, query) };
  },
});
