import verdict from './get-verdict';
import fact from './record-fact';
import decision from './record-decision';

export default [verdict, fact, decision];
