import create from './create-template';
import { get, list } from './read-templates';

export default [list, get, create];
