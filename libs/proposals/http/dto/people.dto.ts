import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LIMITS, NOT_BLANK } from './limits.js';

/** Personal data: name and email travel together so that they can be protected together. */
export class PersonDto {
  @ApiProperty({ maxLength: LIMITS.shortText, example: 'Karen Jensen' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(LIMITS.shortText)
  name: string;

  @ApiProperty({ maxLength: LIMITS.email, example: 'karen.jensen@herning.dk' })
  @IsEmail()
  @MaxLength(LIMITS.email)
  email: string;
}

export class ProjectLeaderDto {
  @ApiProperty({ type: () => PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;

  @ApiProperty({ maxLength: LIMITS.shortText, example: 'project leader' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'role must not be blank' })
  @MaxLength(LIMITS.shortText)
  role: string;
}

/** systemejer */
export class SystemOwnerDto {
  @ApiPropertyOptional({ type: () => PersonDto, nullable: true, description: 'null clears the system owner' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto | null;
}
