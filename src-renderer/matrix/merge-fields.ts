/** The fields a letter template may use: the same list the run checks templates against. */
export { MERGE_FIELDS } from '../../src-shared/plan';
