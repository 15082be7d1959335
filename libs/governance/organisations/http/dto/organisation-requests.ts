import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/organisations/index.js';
import { GOVERNANCE_LIMITS, NOT_BLANK, SLUG, SLUG_MESSAGE } from '../../../http/limits.js';

/** Registers the organisation the caller acts for. */
export class RegisterOrganisationRequest {
  @ApiProperty({ pattern: SLUG.source, example: 'herning', description: 'The id the actor headers and tokens name the organisation by' })
  @IsString()
  @Matches(SLUG, { message: `id ${SLUG_MESSAGE}` })
  id: string;

  @ApiProperty({ maxLength: GOVERNANCE_LIMITS.name, example: 'Herning Kommune' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.name)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'municipality' })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;
}

/** Why the caller makes this change; recorded in the event's metadata. */
export class OrganisationChangeReasonRequest {
  @ApiPropertyOptional({ maxLength: GOVERNANCE_LIMITS.reason, example: 'Merged into Social Services' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.reason)
  reason?: string;
}

export class AddDepartmentRequest extends OrganisationChangeReasonRequest {
  @ApiProperty({ pattern: SLUG.source, example: 'citizen-service', description: 'Unique in the organisation, never reused' })
  @IsString()
  @Matches(SLUG, { message: `id ${SLUG_MESSAGE}` })
  id: string;

  @ApiProperty({ maxLength: GOVERNANCE_LIMITS.name, example: 'Borgerservice' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.name)
  name: string;
}

export class RenameDepartmentRequest extends OrganisationChangeReasonRequest {
  @ApiProperty({ maxLength: GOVERNANCE_LIMITS.name, example: 'Borger- og Virksomhedsservice' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.name)
  name: string;
}
