import list from './list-grant-requests';
import create from './create-grant-request';
import decide from './decide-grant-request';
import pay from './pay-grant-request';
import withdraw from './withdraw-grant-request';

export default [list, create, decide, pay, withdraw];
