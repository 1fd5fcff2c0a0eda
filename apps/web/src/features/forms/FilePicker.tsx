import { useRef } from 'react';
import { describedBy } from './describedBy';
import { FieldNotes } from './FieldNotes';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  accept: string;
  onFiles: (files: File[]) => void;
}

/**
 * Choose photos or files. On a phone the picker offers the camera as well as
 * the gallery and files; it never forces the camera. The input is emptied
 * after each choice so the same file can be chosen again after a Remove.
 */
export function FilePicker({ id, label, hint, error, accept, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={error ? 'field has-error file-picker' : 'field file-picker'}>
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          if (input.current) input.current.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
