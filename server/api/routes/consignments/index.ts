import create from './create-consignment';
import { get, list, status } from './read-consignments';
import { consent, staff, term } from './record-history';

export default [list, get, status, create, term, consent, staff];
