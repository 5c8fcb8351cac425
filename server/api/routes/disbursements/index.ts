import list from './list-disbursements';
import create from './create-disbursement';
import decide from './decide-disbursement';
import payment from './pay-disbursement';

export default [list, create, decide, payment];
