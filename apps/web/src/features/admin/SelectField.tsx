/** Moved to the form components; kept for the school settings form until it imports from there. */
export { SelectField } from '../forms/SelectField';
