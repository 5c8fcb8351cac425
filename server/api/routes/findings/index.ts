import { chains, get, register } from './read-findings';
import { actionReport, remove, verify } from './follow-up';

// repeat-chains before :id so the literal path wins
export default [register, chains, get, actionReport, verify, remove];
