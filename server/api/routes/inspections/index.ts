import { get, list } from './read-inspections';
import { approve, create, finding, giveBack, revise, submit, update } from './write-inspections';

export default [list, get, create, update, submit, approve, giveBack, revise, finding];
