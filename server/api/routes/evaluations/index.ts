import create from './create-evaluation';
import { get, list } from './read-evaluations';

export default [list, get, create];
