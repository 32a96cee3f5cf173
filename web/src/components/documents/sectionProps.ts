// What each section of the closing form receives: its part of the form, a setter that merges
// a change into it, the errors by field, and the input id of a field (the form's prefix).
import type { CloseForm } from '../../lib/documents/closeForm';
import type { Errors } from '../forms/useForm';

export interface SectionProps<K extends keyof CloseForm> {
  value: CloseForm[K];
  set: (patch: Partial<CloseForm[K]>) => void;
  errors: Errors;
  fid: (field: string) => string;
}
