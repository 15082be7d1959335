import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { INVESTMENT_AREAS, type InvestmentArea } from '../../../../proposals/domain/proposal-form.js';
import { DECISION_KINDS, FORUM_KINDS, MEMBER_ROLES, type DecisionKind, type ForumKind, type MemberRole } from '../../../domain/forums/index.js';
import { IsCalendarDate } from '../../../http/calendar-date.validator.js';
import { GOVERNANCE_LIMITS, MEMBER_ID, MEMBER_ID_MESSAGE, NOT_BLANK, SLUG, SLUG_MESSAGE } from '../../../http/limits.js';
import { ForumChangeReasonRequest, ForumDecisionRuleDto, ForumMandateDto, ForumMoneyDto } from './forum-setup.dto.js';

/** Inside an establishment the reason belongs to the request, not to its parts. */
export class EstablishForumMandateDto extends OmitType(ForumMandateDto, ['reason'] as const) {}
export class EstablishForumDecisionRuleDto extends OmitType(ForumDecisionRuleDto, ['reason'] as const) {}

export class EstablishForumRequest {
  @ApiProperty({ maxLength: GOVERNANCE_LIMITS.name, example: 'Styregruppen for Digital Forvaltning' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.name)
  name: string;

  @ApiProperty({ enum: FORUM_KINDS, example: 'steering_group' })
  @IsIn(FORUM_KINDS)
  kind: ForumKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The forum that set this one up and takes what is beyond its mandate' })
  @IsOptional()
  @IsUUID()
  parentForumId?: string | null;

  @ApiProperty({ type: () => EstablishForumMandateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EstablishForumMandateDto)
  mandate: EstablishForumMandateDto;

  @ApiProperty({ type: () => EstablishForumDecisionRuleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EstablishForumDecisionRuleDto)
  decisionRule: EstablishForumDecisionRuleDto;
}

/** PUT /mandate: the whole new mandate. */
export class AmendForumMandateRequest extends ForumMandateDto {}

/** PUT /decision-rule: the whole new rule. */
export class ChangeForumDecisionRuleRequest extends ForumDecisionRuleDto {}

/** Personal data: name and e-mail travel together so that they can be protected (or shredded) together. */
export class ForumMemberPersonDto {
  @ApiProperty({ maxLength: GOVERNANCE_LIMITS.name, example: 'Karen Jensen' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ maxLength: GOVERNANCE_LIMITS.email, example: 'karen.jensen@herning.dk' })
  @IsOptional()
  @IsEmail()
  @MaxLength(GOVERNANCE_LIMITS.email)
  email?: string;
}

export class JoinForumRequest extends ForumChangeReasonRequest {
  @ApiProperty({ pattern: MEMBER_ID.source, example: 'karen.jensen@herning.dk', description: 'The subject of the member\'s token, so forum roles follow the identity; stable across memberships: a member who rejoins keeps it' })
  @IsString()
  @Matches(MEMBER_ID, { message: `memberId ${MEMBER_ID_MESSAGE}` })
  memberId: string;

  @ApiProperty({ type: () => ForumMemberPersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ForumMemberPersonDto)
  person: ForumMemberPersonDto;

  @ApiProperty({ enum: MEMBER_ROLES, example: 'member' })
  @IsIn(MEMBER_ROLES)
  role: MemberRole;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day as a member' })
  @IsCalendarDate()
  from: string;
}

export class ChangeForumMemberRoleRequest extends ForumChangeReasonRequest {
  @ApiProperty({ enum: MEMBER_ROLES, example: 'chair' })
  @IsIn(MEMBER_ROLES)
  role: MemberRole;

  @ApiProperty({ format: 'date', example: '2026-06-01', description: 'First day in the new role' })
  @IsCalendarDate()
  from: string;
}

export class LeaveForumRequest extends ForumChangeReasonRequest {
  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day as a member (inclusive)' })
  @IsCalendarDate()
  to: string;
}

/** The matter a decision would be about, as far as the mandate cares. Absent and null both mean "not stated". */
export class MandateCheckRequest {
  @ApiProperty({ enum: DECISION_KINDS, example: 'approve' })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @ApiPropertyOptional({ type: () => ForumMoneyDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ForumMoneyDto)
  amount?: ForumMoneyDto | null;

  @ApiPropertyOptional({ enum: INVESTMENT_AREAS, nullable: true })
  @IsOptional()
  @IsIn(INVESTMENT_AREAS)
  area?: InvestmentArea | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: SLUG.source, example: 'citizen-service' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: `departmentId ${SLUG_MESSAGE}` })
  departmentId?: string | null;
}
