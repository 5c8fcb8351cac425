import list from './list-disbursements';
import create from './create-disbursement';
import decide from './decide-disbursement';
import payment from './pay-disbursement';
import reverse from './reverse-disbursement';

export default [list, create, decide, payment, reverse];
