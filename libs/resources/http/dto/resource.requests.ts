import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageCursor, PageLimit } from '../../../platform/index.js';
import { PersonDto } from '../../../proposals/http/dto/people.dto.js';
import { RESOURCE_KINDS, type ResourceKind } from '../../domain/index.js';

/** A unit (department or member organisation), a loan's or an assignment's id: letters, digits, `_ . : -`. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const ROLE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const identifier = (field: string) => ({ message: `${field} must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)` });
const month = (field: string) => ({ message: `${field} must be a month, YYYY-MM` });
const roleId = (field: string) => ({ message: `${field} must be 1 to 64 lower-case letters, digits, _ or - (starting with a letter or digit)` });
const NOT_BLANK = /\S/;
const TEXT_MAX = 2_000;

export class DefineRoleRequest {
  @ApiProperty({ example: 'project_leader', description: "The role's key, chosen by the organisation and used everywhere else" })
  @IsString()
  @Matches(ROLE_ID, roleId('roleId'))
  roleId: string;

  @ApiProperty({ example: 'Projektleder', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Leder udviklingsprojekter fra idé til gevinst', maxLength: TEXT_MAX, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string | null;
}

export class AmendRoleRequest {
  @ApiPropertyOptional({ example: 'Projektleder (central)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, nullable: true, description: 'null or blank clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string | null;
}

/** Hours a month, or a share of a position (freed time): exactly one. */
class EffortDto {
  @ApiPropertyOptional({ example: 80, description: 'Whole hours a month' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  hoursPerMonth?: number;

  @ApiPropertyOptional({ example: 20, description: 'Whole percent of a full-time position (160 hours a month): 20 is a fifth' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  ftePercent?: number;
}

class MonthRangeEffortDto extends EffortDto {
  @ApiProperty({ example: '2027-01', description: 'First month, YYYY-MM' })
  @IsString()
  @Matches(MONTH, month('from'))
  from: string;

  @ApiProperty({ example: '2027-12', description: 'Last month, YYYY-MM (included)' })
  @IsString()
  @Matches(MONTH, month('to'))
  to: string;
}

export class RegisterResourceRequest {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS)
  kind: ResourceKind;

  @ApiPropertyOptional({ type: () => PersonDto, description: "A person's name and email (personal data, kept together); people only" })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;

  @ApiPropertyOptional({ example: 'Implementeringsteamet', maxLength: 200, description: 'Teams only' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'teamName must not be blank' })
  @MaxLength(200)
  teamName?: string;

  @ApiProperty({ example: 'project_leader', description: 'A role the organisation has defined' })
  @IsString()
  @Matches(ROLE_ID, roleId('roleId'))
  roleId: string;

  @ApiProperty({ example: 'central-it', description: 'The department or member organisation that employs it (the lender of its loans)' })
  @IsString()
  @Matches(IDENTIFIER, identifier('homeUnitId'))
  homeUnitId: string;
}

export class AmendResourceRequest {
  @ApiPropertyOptional({ type: () => PersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'teamName must not be blank' })
  @MaxLength(200)
  teamName?: string;

  @ApiPropertyOptional({ example: 'process_consultant' })
  @IsOptional()
  @IsString()
  @Matches(ROLE_ID, roleId('roleId'))
  roleId?: string;
}

export class SetCapacityRequest extends MonthRangeEffortDto {}

export class LendResourceRequest extends MonthRangeEffortDto {
  @ApiPropertyOptional({ example: 'loan-2027-social', description: 'Your id for the loan, so a retry lends once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('loanId'))
  loanId?: string;

  @ApiProperty({ example: 'social', description: 'The department or member organisation that borrows' })
  @IsString()
  @Matches(IDENTIFIER, identifier('borrowerUnitId'))
  borrowerUnitId: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class AssignResourceRequest extends MonthRangeEffortDto {
  @ApiPropertyOptional({ example: 'a-mail-2027', description: 'Your id for the assignment, so a retry assigns once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('assignmentId'))
  assignmentId?: string;

  @ApiProperty({ format: 'uuid', description: 'A project in the portfolio (its proposal id)' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'projectId must be a UUID' })
  projectId: string;
}

export class ReasonRequest {
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(TEXT_MAX)
  reason?: string;
}

export class SetDemandRequest extends MonthRangeEffortDto {}

export class ListResourcesParams {
  @ApiPropertyOptional({ example: 'project_leader' })
  @IsOptional()
  @IsString()
  @Matches(ROLE_ID, roleId('roleId'))
  roleId?: string;

  @ApiPropertyOptional({ example: 'central-it' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('homeUnitId'))
  homeUnitId?: string;

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class CapacityParams {
  @ApiProperty({ example: '2027-01' })
  @IsString()
  @Matches(MONTH, month('from'))
  from: string;

  @ApiProperty({ example: '2027-12' })
  @IsString()
  @Matches(MONTH, month('to'))
  to: string;

  @ApiPropertyOptional({ example: 'project_leader', description: 'Only this role' })
  @IsOptional()
  @IsString()
  @Matches(ROLE_ID, roleId('roleId'))
  roleId?: string;
}
