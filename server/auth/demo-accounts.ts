import type { Role } from '../../entities/user';

/**
 * Demo accounts for a newcomer's embedded database. Change them before real use: a production
 * start (NODE_ENV=production) refuses to run while any of these passwords or tokens still works.
 */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** department name (exact Korean name) for department-scoped roles */
  department?: string;
  password: string;
  token: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'officer',
    displayName: '최은희 주무관 (공정경제담당관)',
    role: 'budget_officer',
    department: '공정경제담당관',
    password: 'officer-demo-2026',
    token: 'demo-token-officer',
  },
  {
    username: 'officer2',
    displayName: '시민소통담당관 예산 주무관',
    role: 'budget_officer',
    department: '시민소통담당관',
    password: 'officer2-demo-2026',
    token: 'demo-token-officer2',
  },
  {
    username: 'inspector',
    displayName: '지도점검 담당 (공정경제담당관)',
    role: 'inspector',
    department: '공정경제담당관',
    password: 'inspector-demo-2026',
    token: 'demo-token-inspector',
  },
  {
    username: 'council',
    displayName: '시의회 전문위원실',
    role: 'council_staff',
    password: 'council-demo-2026',
    token: 'demo-token-council',
  },
  { username: 'admin', displayName: '시스템 관리자', role: 'admin', password: 'admin-demo-2026', token: 'demo-token-admin' },
];
