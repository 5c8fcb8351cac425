import create from './create-import';
import createJob from './create-import-job';
import readJob from './read-import-job';
import template from './get-template';

export default [create, createJob, readJob, template];
