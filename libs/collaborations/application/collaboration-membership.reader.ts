import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Which collaborations organisations share, for the access rules: an organisation may see another's data when both
 * are parties to a collaboration the data belongs to. A party on a day is a member that day, or the administering
 * organisation. Read from the `collaborations` and `collaboration_memberships` read models: a membership is seen
 * once the projections have applied it (a request can wait for its X-Log-Position with ReadYourWrites).
 */
@Injectable()
export class CollaborationMembershipReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Ids of the collaborations both organisations are parties to on `at` (a date, or the UTC day of a moment), sorted. */
  async sharedCollaborations(organisationA: string, organisationB: string, at: string | Date): Promise<string[]> {
    const rows: { collaboration_id: string }[] = await this.dataSource.query(
      `${PARTIES}
       SELECT a.collaboration_id FROM parties a JOIN parties b ON b.collaboration_id = a.collaboration_id
        WHERE a.organisation_id = $3 AND b.organisation_id = $4
        ORDER BY 1`,
      [[organisationA, organisationB], dayOf(at), organisationA, organisationB],
    );
    return rows.map((r) => r.collaboration_id);
  }

  /** Whether the organisation is a party to the collaboration on `at`: the access rules' `isCollaborationMember`. */
  async isParty(collaborationId: string, organisationId: string, at: string | Date): Promise<boolean> {
    return (await this.collaborationsOf(organisationId, at)).includes(collaborationId);
  }

  /** Ids of the collaborations the organisation is a party to on `at`, sorted. */
  async collaborationsOf(organisationId: string, at: string | Date): Promise<string[]> {
    const rows: { collaboration_id: string }[] = await this.dataSource.query(`${PARTIES} SELECT DISTINCT collaboration_id FROM parties ORDER BY 1`, [
      [organisationId],
      dayOf(at),
    ]);
    return rows.map((r) => r.collaboration_id);
  }
}

/** The parties on day $2 among the organisations in $1. */
const PARTIES = `
  WITH parties AS (
    SELECT c.id AS collaboration_id, c.organisation_id FROM collaborations c WHERE c.organisation_id = ANY ($1::text[])
    UNION
    SELECT m.collaboration_id, m.organisation_id FROM collaboration_memberships m
     WHERE m.organisation_id = ANY ($1::text[])
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.periods) p
                    WHERE (p->>'joinedOn')::date <= $2::date AND (p->>'leftOn' IS NULL OR (p->>'leftOn')::date > $2::date))
  )`;

function dayOf(at: string | Date): string {
  return typeof at === 'string' ? at : at.toISOString().slice(0, 10);
}
