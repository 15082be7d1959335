import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { ForumPortfolioParams } from '../../governance/decisions/http/dto/forum-portfolio.params.js';
import { ListPortfolioParams } from '../../governance/decisions/http/dto/list-portfolio.params.js';
import { GetProposalParams } from '../../proposals/http/list-proposals.params.js';

const AS_OF = {
  description:
    'The answer as it stood then: a time with a zone (2027-03-01T12:00:00+01:00: the log up to the last event recorded at or before it), ' +
    'a log position as given in X-Log-Position (commit.prepare) or an event\'s global position. The answer names the position it is as of in X-As-Of-Position.',
  example: '2027-03-01T12:00:00+01:00',
};

/** `?asOf=`: parsed by `parseAsOf`, which names the field and the reason when it is not a point in time. */
export class AsOfParams {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

/** Two ways of naming a past state cannot both be given. */
const NotWith = (other: string) =>
  ValidateBy({
    name: 'notWith',
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: (args) => `${args?.property} cannot be given with ${other}`,
    },
  });

export class ProposalAsOfParams extends GetProposalParams {
  @ApiPropertyOptional(AS_OF)
  @NotWith('asOfVersion')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

export class PortfolioAsOfParams extends ListPortfolioParams {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

export class ForumPortfolioAsOfParams extends ForumPortfolioParams {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

export class ProposalDiffParams {
  @ApiProperty({ ...AS_OF, description: `The earlier point. ${AS_OF.description}` })
  @IsString()
  @MaxLength(64)
  from: string;

  @ApiProperty({ ...AS_OF, description: `The later point. ${AS_OF.description}` })
  @IsString()
  @MaxLength(64)
  to: string;
}
