import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import { BusinessCaseEventType, type BusinessCasePreparedData, type BusinessCaseRevisedData } from '../domain/index.js';
import { toFact } from '../application/business-case-view.js';
import { BusinessCaseFacts } from './business-case-facts.entity.js';

/** Builds `business_case_facts` from the business-case streams. */
export class BusinessCaseFactsProjection extends DocumentProjection<BusinessCaseFacts> {
  readonly name = 'business_case_facts';
  readonly version = 1;
  readonly handles = Object.values(BusinessCaseEventType);
  readonly tables = ['business_case_facts'];
  protected readonly entity = BusinessCaseFacts;
  protected readonly key = 'projectId';

  protected keyOf(event: RecordedEvent): string {
    return (event.data as { projectId: string }).projectId;
  }

  protected evolve(current: BusinessCaseFacts | null, event: RecordedEvent): BusinessCaseFacts | null {
    if (event.type === BusinessCaseEventType.Prepared) {
      const d = event.data as BusinessCasePreparedData;
      return { projectId: d.projectId, organisationId: d.organisationId, forumId: d.forumId, facts: [toFact(event)], version: event.streamPosition, updatedAt: event.recordedAt };
    }
    if (!current) return null;
    const forumId = event.type === BusinessCaseEventType.Revised ? ((event.data as BusinessCaseRevisedData).forumId ?? current.forumId) : current.forumId;
    return { ...current, forumId, facts: [...current.facts, toFact(event)], version: event.streamPosition, updatedAt: event.recordedAt };
  }
}
