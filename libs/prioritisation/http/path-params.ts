import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../platform/index.js';
import { FORUM_ID } from './dto/limits.js';

/** An id that cannot exist is simply not found. */
export const uuidOr404 = (what: string, field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new ProblemException({ status: 404, detail: `No ${what} has this id.`, errors: [{ field, reason: `is not a ${what} id` }] }),
  });

export const forumIdOr404: PipeTransform<string, string> = {
  transform(value: string) {
    if (!FORUM_ID.test(value)) {
      throw new ProblemException({ status: 404, detail: 'No forum has this id.', errors: [{ field: 'forumId', reason: 'is not a forum id' }] });
    }
    return value;
  },
};

/** A positive whole number in the path, else 404 (there is no such version). */
export const versionOr404: PipeTransform<string, number> = {
  transform(value: string) {
    if (!/^[1-9]\d{0,8}$/.test(value)) {
      throw new ProblemException({ status: 404, detail: 'No version has this number.', errors: [{ field: 'version', reason: 'is not a version number' }] });
    }
    return Number(value);
  },
};
