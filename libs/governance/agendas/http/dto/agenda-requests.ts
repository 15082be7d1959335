import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AGENDA_ITEM_KINDS, DECISIONS_ASKED, type AgendaItemKind, type DecisionAsked } from '../../../domain/agendas/index.js';
import { MEETING_LIMITS, NOT_BLANK } from '../../../meetings/http/dto/limits.js';

/** An agenda has at most this many items. */
export const MAX_AGENDA_ITEMS = 200;

/** An item for the agenda: a decision asked of the forum about a proposal, a follow-up, or information. */
export class AddAgendaItemRequest {
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, example: 'decision' })
  @IsIn(AGENDA_ITEM_KINDS)
  kind: AgendaItemKind;

  @ApiProperty({ maxLength: MEETING_LIMITS.title, example: 'Digital mail for citizens: approval' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(MEETING_LIMITS.title)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for a decision; the proposal must be one of the organisation\'s' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'proposalId must not be blank' })
  @MaxLength(MEETING_LIMITS.identifier)
  proposalId?: string | null;

  @ApiPropertyOptional({ enum: DECISIONS_ASKED, nullable: true, description: 'Required for a decision; only a decision asks for one' })
  @IsOptional()
  @IsIn(DECISIONS_ASKED)
  decisionAsked?: DecisionAsked | null;

  @ApiPropertyOptional({ minimum: 1, description: '1-based place to insert at; the end when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AGENDA_ITEMS)
  position?: number;
}

/** The new order: every item id on the agenda, each once. */
export class ReorderAgendaItemsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(MAX_AGENDA_ITEMS)
  @IsString({ each: true })
  @MaxLength(MEETING_LIMITS.identifier, { each: true })
  itemIds: string[];
}

/**
 * Freezes the agenda into the pack the forum will see. The server assembles the pack (proposals, scores, ranking,
 * pool balance, prioritised and unprioritised requests); the client only says which model and which pool.
 */
export class FreezeAgendaRequest {
  @ApiPropertyOptional({ description: "The scoring model to rank with; the forum's current model when left out" })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'scoringModelId must not be blank' })
  @MaxLength(MEETING_LIMITS.identifier)
  scoringModelId?: string;

  @ApiPropertyOptional({ description: 'The funding pool whose balance the forum sees; none when left out' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'fundingPoolId must not be blank' })
  @MaxLength(MEETING_LIMITS.identifier)
  fundingPoolId?: string;
}

export class ReopenAgendaRequest {
  @ApiProperty({ maxLength: MEETING_LIMITS.reason, example: 'A new proposal must be decided at this meeting' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(MEETING_LIMITS.reason)
  reason: string;
}
