import list from './list-transfers';
import create from './create-transfer';
import report from './record-committee-report';
import reverse from './reverse-transfer';

export default [list, create, report, reverse];
