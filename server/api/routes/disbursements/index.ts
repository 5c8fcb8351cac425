import list from './list-disbursements';
import create from './create-disbursement';
import decide from './decide-disbursement';
import payment from './pay-disbursement';

// server/web/pages/consignments.ts validates its form with this class through this folder
export { CreateDisbursementBody } from './create-disbursement';

export default [list, create, decide, payment];
