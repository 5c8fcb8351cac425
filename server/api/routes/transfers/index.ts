import list from './list-transfers';
import create from './create-transfer';
import report from './record-committee-report';

export default [list, create, report];
