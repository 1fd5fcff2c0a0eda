import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Choices } from '../forms/Choices';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextArea } from '../forms/TextArea';
import { addNote } from './casework-api';
import type { Drafts } from './drafts';

const NOTE_MAX = 10_000;
type Visibility = 'internal' | 'shared';

/**
 * A note on the case, with a choice nobody can skip: staff only, or shared
 * with the family. Nothing is chosen until the writer chooses.
 */
export function NoteForm({
  incidentId,
  drafts,
  onAdded,
}: {
  incidentId: string;
  drafts: Drafts;
  onAdded: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation('casework');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const body = drafts.get('note.body');
  const visibility = drafts.get('note.visibility') as Visibility | '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    const problems: FieldError[] = [];
    if (!text) problems.push({ field: 'note-body', message: t('note.missing') });
    else if (text.length > NOTE_MAX) {
      problems.push({ field: 'note-body', message: t('decide.tooLong', { max: NOTE_MAX }) });
    }
    if (!visibility) problems.push({ field: 'note-visibility', message: t('note.noVisibility') });
    if (problems.length > 0 || !visibility) return setErrors(problems);
    setBusy(true);
    const ok = await addNote(incidentId, { body: text, visibility });
    setBusy(false);
    if (!ok) return setErrors([{ message: t('decide.failed') }]);
    setErrors([]);
    drafts.clear('note.body', 'note.visibility');
    await onAdded(t(visibility === 'shared' ? 'note.addedShared' : 'note.addedInternal'));
  };

  return (
    <section aria-labelledby="note-title" className="panel">
      <h2 id="note-title">{t('note.title')}</h2>
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={errors} />
        <TextArea
          id="note-body"
          label={t('note.body')}
          rows={4}
          value={body}
          error={errorFor(errors, 'note-body')}
          onChange={(event) => drafts.set('note.body', event.target.value)}
        />
        <Choices
          id="note-visibility"
          legend={t('note.visibility')}
          choices={[
            { value: 'internal', label: t('note.internal'), hint: t('note.internalHint') },
            { value: 'shared', label: t('note.shared'), hint: t('note.sharedHint') },
          ]}
          value={visibility}
          error={errorFor(errors, 'note-visibility')}
          onChange={(value) => drafts.set('note.visibility', value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('decide.saving') : t('note.submit')}
        </button>
      </form>
    </section>
  );
}
