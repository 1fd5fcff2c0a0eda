import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextArea } from '../forms/TextArea';
import { useDangerWatch } from '../safety/useDangerWatch';

/** The longest message the API takes. */
export const MESSAGE_MAX = 5000;

/** How sending went: the page posts the text to its own endpoint and says which. */
export type SendOutcome = 'sent' | 'closed' | 'tooMany' | 'offline' | 'failed';

/**
 * A box to write to the school, checked before sending, with its errors in a
 * summary and next to the box. The text is watched for danger words, which
 * open "Get help now".
 */
export function ReplyForm({
  hint,
  onSend,
  id = 'reply',
  label,
}: {
  hint: string;
  onSend: (text: string) => Promise<SendOutcome>;
  /** The box's id: pages with several threads give each its own. */
  id?: string;
  /** The box's label, when the page writes to someone else than the school. */
  label?: string;
}) {
  const { t } = useTranslation('messages');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  useDangerWatch(body);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const text = body.trim();
    const problem = !text
      ? t('reply.missing')
      : text.length > MESSAGE_MAX
        ? t('reply.tooLong', { max: MESSAGE_MAX })
        : null;
    if (problem) return setErrors([{ field: id, message: problem }]);
    setSending(true);
    const outcome = await onSend(text).catch((): SendOutcome => 'offline');
    setSending(false);
    if (outcome !== 'sent') return setErrors([{ field: id, message: t(`reply.${outcome}`) }]);
    setErrors([]);
    setBody('');
    setSent(true);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack reply">
      <ErrorSummary errors={errors} />
      <TextArea
        id={id}
        label={label ?? t('reply.label')}
        hint={hint}
        value={body}
        rows={5}
        onChange={(event) => {
          setBody(event.target.value);
          setSent(false);
        }}
        error={errorFor(errors, id)}
      />
      <button type="submit" className="button primary" disabled={sending}>
        {sending ? t('reply.sending') : t('reply.send')}
      </button>
      <p role="status" className="status-line">
        {sent ? t('reply.sent') : ''}
      </p>
    </form>
  );
}
