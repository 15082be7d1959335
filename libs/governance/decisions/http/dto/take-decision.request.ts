import { PaybackTermsDto } from '../../../../funding/http/dto/payback-agreement.requests.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../../../proposals/http/dto/money.dto.js';
import { DECISION_KINDS, VOTES, type DecisionKind, type Vote } from '../../../domain/forums/index.js';

const NOT_BLANK = /\S/;
const TEXT_MAX = 4_000;

export class VoteDto {
  @ApiProperty({ example: 'karen' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'memberId must not be blank' })
  @MaxLength(100)
  memberId: string;

  @ApiProperty({ enum: VOTES })
  @IsIn(VOTES)
  vote: Vote;
}

/** A forum's decision on a proposal of the meeting's frozen agenda, with the votes cast. */
export class TakeDecisionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  proposalId: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @ApiProperty({ description: 'Why the forum decided so; for an escalation, why the matter goes to the parent forum' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'rationale must not be blank' })
  @MaxLength(TEXT_MAX)
  rationale: string;

  @ApiProperty({ description: 'The frozen agenda revision the forum decided on', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  agendaRevision: number;

  @ApiProperty({ type: [VoteDto], description: 'One per member who took part (abstentions and objections included)' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VoteDto)
  votes: VoteDto[];

  @ApiPropertyOptional({ type: MoneyDto, description: 'The funding approval (analysis to execution) only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({
    type: () => PaybackTermsDto,
    description: 'A funding approval with expected savings (efficiency principle): the payback agreement concluded on its commitment, capped at the amount',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaybackTermsDto)
  expectedSavings?: PaybackTermsDto;

  @ApiPropertyOptional({ description: 'The pool the funding approval draws on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  poolId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A deferral: the later meeting the matter goes to' })
  @IsOptional()
  @IsUUID()
  deferredToMeetingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  requestedChanges?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  priorityNote?: string;
}
