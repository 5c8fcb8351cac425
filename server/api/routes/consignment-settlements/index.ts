import list from './list-settlements';
import submit from './submit-settlement';
import review from './review-settlement';
import confirm from './confirm-settlement';

export default [list, submit, review, confirm];
