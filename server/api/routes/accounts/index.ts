import list from './list-accounts';
import create from './create-account';
import putSettlement from './put-settlement';

export default [list, create, putSettlement];
