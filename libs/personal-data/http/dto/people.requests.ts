import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;
const REASON_MAX = 2_000;
const EMAIL_MAX = 254;

export class ErasePersonalDataRequest {
  @ApiProperty({
    example: 'Request for erasure from the data subject, case 2027-0113',
    maxLength: REASON_MAX,
    description: 'Why the data is erased; recorded on the audited erasure. Name the case, not the person.',
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_MAX)
  reason: string;
}

export class FindPeopleParams {
  @ApiProperty({ example: 'bo@herning.dk', maxLength: EMAIL_MAX, description: 'The email the person was named with (case and surrounding space do not matter).' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX)
  email: string;
}
