import { chains, get, register } from './read-findings';
import { actionReport, attachment, close, edit, remove, requestMore, verify } from './follow-up';

// repeat-chains before :id so the literal path wins
export default [register, chains, get, attachment, edit, actionReport, verify, requestMore, close, remove];
