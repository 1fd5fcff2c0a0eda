import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { ConflictError, NotFoundError, RuleViolationError } from '@app/common';
import { AccessService, Permission, type Principal } from '@app/identity';
import { DataSource, EntityManager } from 'typeorm';
import { DANGER_TERM_PHRASE_MAX } from '../entities/danger-term.entity';
import { normalisePhrase, type DangerTerm } from './escalation-terms';
import type { DangerCategory, DangerLanguage } from './terms/term-data';

export interface DangerTermInput {
  language: DangerLanguage;
  category: DangerCategory;
  phrase: string;
}

export interface DangerTermView {
  id: string;
  districtId: string;
  language: DangerLanguage;
  category: DangerCategory;
  /** As the matcher reads it: lower case, no accents or punctuation. */
  phrase: string;
  createdBy: { id: string; displayName: string } | null;
  createdAt: Date;
}

/** The shortest phrase a district may add: shorter ones would match everywhere. */
export const DANGER_TERM_MIN_LETTERS = 3;

/**
 * A phrase as stored and matched (lower case, no accents or punctuation), or
 * the rule it breaks.
 */
export function checkDangerPhrase(phrase: string): string {
  const normalised = normalisePhrase(phrase);
  if ((normalised.match(/\p{L}/gu) ?? []).length < DANGER_TERM_MIN_LETTERS) {
    throw new RuleViolationError(
      `phrase must have at least ${DANGER_TERM_MIN_LETTERS} letters once punctuation is removed`,
    );
  }
  if (normalised.length > DANGER_TERM_PHRASE_MAX) {
    throw new RuleViolationError(`phrase must be at most ${DANGER_TERM_PHRASE_MAX} characters`);
  }
  return normalised;
}

/**
 * A district's own terms, for the matcher at filing and on messages: one
 * indexed read in the caller's transaction (a district has a handful).
 */
export async function districtDangerTerms(
  manager: EntityManager,
  districtId: string,
): Promise<DangerTerm[]> {
  return manager.query<DangerTerm[]>(
    'SELECT category, phrase FROM danger_terms WHERE district_id = $1',
    [districtId],
  );
}

interface TermRow {
  id: string;
  district_id: string;
  language: DangerLanguage;
  category: DangerCategory;
  phrase: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const SELECT_TERMS = `SELECT t.id, t.district_id, t.language, t.category, t.phrase, t.created_by,
                             u.display_name AS created_by_name, t.created_at
                        FROM danger_terms t LEFT JOIN users u ON u.id = t.created_by`;

const view = (row: TermRow): DangerTermView => ({
  id: row.id,
  districtId: row.district_id,
  language: row.language,
  category: row.category,
  phrase: row.phrase,
  createdBy:
    row.created_by && row.created_by_name
      ? { id: row.created_by, displayName: row.created_by_name }
      : null,
  createdAt: row.created_at,
});

/**
 * A district's own danger terms: district administrators add and remove
 * them, school administrators read them. Every change is audited for each
 * school of the district (the audit log is kept per school), in the same
 * transaction.
 */
@Injectable()
export class DangerTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, districtId: string): Promise<DangerTermView[]> {
    await this.access.require(principal, Permission.DangerTermsRead, districtId);
    const rows = await this.dataSource.query<TermRow[]>(
      `${SELECT_TERMS} WHERE t.district_id = $1 ORDER BY t.language, t.category, t.phrase`,
      [districtId],
    );
    return rows.map(view);
  }

  async add(
    principal: Principal,
    districtId: string,
    input: DangerTermInput,
  ): Promise<DangerTermView> {
    await this.access.require(principal, Permission.DangerTermsAdminister, districtId);
    const phrase = checkDangerPhrase(input.phrase);
    return this.dataSource.transaction(async (manager) => {
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO danger_terms (district_id, language, category, phrase, created_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (district_id, language, phrase) DO NOTHING RETURNING id`,
        [districtId, input.language, input.category, phrase, principal.id],
      );
      if (!inserted) {
        throw new ConflictError(`The district already has the ${input.language} term "${phrase}"`);
      }
      const [row] = await manager.query<TermRow[]>(`${SELECT_TERMS} WHERE t.id = $1`, [
        inserted.id,
      ]);
      await this.audited(manager, principal, 'danger_term.added', row);
      return view(row);
    });
  }

  async remove(principal: Principal, districtId: string, termId: string): Promise<DangerTermView> {
    await this.access.require(principal, Permission.DangerTermsAdminister, districtId);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<TermRow[]>(
        `${SELECT_TERMS} WHERE t.id = $1 AND t.district_id = $2 FOR UPDATE OF t`,
        [termId, districtId],
      );
      if (!row) throw new NotFoundError(`Danger term ${termId} not found`);
      await manager.query('DELETE FROM danger_terms WHERE id = $1', [termId]);
      await this.audited(manager, principal, 'danger_term.removed', row);
      return view(row);
    });
  }

  /** One audit entry for each school of the district. */
  private async audited(
    manager: EntityManager,
    principal: Principal,
    action: string,
    row: TermRow,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (school_id, incident_id, actor_id, action, request_id, details)
       SELECT s.id, NULL, $2, $3, $4, $5 FROM schools s WHERE s.district_id = $1`,
      [
        row.district_id,
        principal.id,
        action,
        this.audit.currentRequestId(),
        JSON.stringify({
          termId: row.id,
          districtId: row.district_id,
          language: row.language,
          category: row.category,
          phrase: row.phrase,
        }),
      ],
    );
  }
}
