import create from './create-import';
import template from './get-template';

export default [create, template];
