/** One problem of a form, for ErrorSummary and the field it is about. */
export interface FieldError {
  /** The id of the input the error is about, or undefined for the whole form. */
  field?: string;
  message: string;
}
