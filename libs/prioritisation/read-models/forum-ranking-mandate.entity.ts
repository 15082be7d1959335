import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A forum's mandate as far as its ranking cares: the investment areas and departments whose proposals it ranks
 * (empty: all). Kept from the forums context's events, so a mandate change narrows or widens rankings from then on.
 */
@Entity('forum_ranking_mandates')
export class ForumRankingMandate {
  @PrimaryColumn('text', { name: 'forum_id' }) forumId: string;
  @Column('text', { name: 'organisation_id' }) organisationId: string;
  @Column('jsonb', { name: 'investment_areas' }) investmentAreas: string[];
  @Column('jsonb', { name: 'department_ids' }) departmentIds: string[];
}
