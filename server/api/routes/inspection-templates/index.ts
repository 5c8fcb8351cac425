import { getVersion, list } from './list-templates';
import { create, createVersion } from './create-template';

export default [list, getVersion, create, createVersion];
