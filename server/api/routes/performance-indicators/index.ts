import create from './create-indicator';
import recordValue from './record-value';
import { get, list } from './read-indicators';

export default [list, get, create, recordValue];
