import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@app/common';
import { School, type CrisisContact, type SchoolPlace } from '@app/identity';
import { DataSource } from 'typeorm';
import { HelpService, type Help } from '../after-hours/help';
import { AnonymousAccess } from '../entities/anonymous-access.entity';
import { Incident } from '../entities/incident.entity';
import { IncidentViewsService } from '../views/incident-views.service';
import type { MessageView, ReporterIncidentView } from '../views/incident.views';
import { MessagesService } from '../messages/messages.service';
import { hashTrackingCode, normaliseTrackingCode } from './tracking-code';

export const UNKNOWN_CODE_MESSAGE = 'No report matches this tracking code';

/**
 * Everything an anonymous reporter can do, given only their tracking code.
 * A wrong code and a malformed one get the same 404 after the same work (one
 * hash, one indexed lookup), so answers do not tell codes apart.
 */
@Injectable()
export class AnonymousReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: IncidentViewsService,
    private readonly messages: MessagesService,
    private readonly help: HelpService,
  ) {}

  /** What a reporter sees of a school before reporting: its name, and whom to call in a crisis. */
  async school(code: string): Promise<{
    name: string;
    code: string;
    crisisContacts: CrisisContact[];
    places: SchoolPlace[];
    help: Help;
  }> {
    const school = await this.dataSource
      .getRepository(School)
      .findOneBy({ code: code.trim().toUpperCase().slice(0, 16) });
    if (!school) throw new NotFoundError(`No school has the code ${code.slice(0, 16)}`);
    return {
      name: school.name,
      code: school.code,
      crisisContacts: school.crisisContacts,
      places: school.places,
      help: await this.help.of(this.dataSource.manager, school.id),
    };
  }

  async incidentFor(trackingCode: string): Promise<Incident> {
    const normalised = normaliseTrackingCode(trackingCode) ?? '';
    const access = await this.dataSource
      .getRepository(AnonymousAccess)
      .findOneBy({ codeHash: hashTrackingCode(normalised) });
    const incident =
      access &&
      (await this.dataSource.getRepository(Incident).findOneBy({ id: access.incidentId }));
    if (!incident) throw new NotFoundError(UNKNOWN_CODE_MESSAGE);
    return incident;
  }

  async status(
    trackingCode: string,
  ): Promise<ReporterIncidentView & { messages: MessageView[]; help: Help }> {
    const incident = await this.incidentFor(trackingCode);
    const [view, messages, help] = await Promise.all([
      this.views.viewOf(incident, { kind: 'reporter' }, null),
      this.messages.anonymousThread(incident),
      this.help.of(this.dataSource.manager, incident.schoolId),
    ]);
    return { ...(view as ReporterIncidentView), messages, help };
  }

  async postMessage(trackingCode: string, body: string): Promise<MessageView> {
    return this.messages.postAnonymous(await this.incidentFor(trackingCode), body);
  }
}
