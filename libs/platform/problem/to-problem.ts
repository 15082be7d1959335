import { HttpException } from '@nestjs/common';
import { ProblemTypes, statusTitle, type ProblemDocument } from './problem-document.js';
import { ProblemException } from './problem.exception.js';
import type { ProblemMapperRegistry } from './problem-mapper.js';

export interface ResolvedProblem {
  readonly problem: ProblemDocument;
  readonly headers: Readonly<Record<string, string>>;
  /** A fault of ours rather than of the request: log it in full, tell the client nothing about it. */
  readonly unexpected: boolean;
}

/** The shape of the errors body-parser raises (http-errors with a `type`); Nest wraps them as `cause`. */
interface BodyParserError {
  readonly type: string;
  readonly limit?: number;
  readonly charset?: string;
  readonly encoding?: string;
}

/** Decides which problem answers an error. Pure: the filter does the writing and the logging. */
export function toProblem(error: unknown, mappers: ProblemMapperRegistry): ResolvedProblem {
  if (error instanceof ProblemException) return expected(error.problem, error.headers);
  const mapped = mappers.map(error);
  if (mapped) return expected(mapped.problem, mapped.headers);

  const parserProblem = bodyParserProblem(error);
  if (parserProblem) return expected(parserProblem);

  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return internalError();
    return expected(blank(status, detailOf(error.getResponse())));
  }
  const clientStatus = clientErrorStatus(error);
  if (clientStatus) return expected(blank(clientStatus, (error as Error).message));
  return internalError();
}

function expected(problem: ProblemDocument, headers: Readonly<Record<string, string>> = {}): ResolvedProblem {
  return { problem, headers, unexpected: false };
}

function internalError(): ResolvedProblem {
  return {
    problem: {
      type: ProblemTypes.internal,
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the requestId when you report it.',
    },
    headers: {},
    unexpected: true,
  };
}

function blank(status: number, detail: string | undefined): ProblemDocument {
  const title = statusTitle(status);
  return { type: ProblemTypes.blank, title, status, ...(detail && detail !== title && { detail }) };
}

function detailOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return undefined;
}

function bodyParserProblem(error: unknown): ProblemDocument | undefined {
  const parserError = [error, (error as { cause?: unknown } | null)?.cause].find(isBodyParserError);
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return { type: ProblemTypes.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return blank(413, `The request body is larger than the limit of ${parserError.limit} bytes.`);
    case 'charset.unsupported':
      return blank(415, `The charset "${parserError.charset}" is not supported: send UTF-8.`);
    case 'encoding.unsupported':
      return blank(415, `The content encoding "${parserError.encoding}" is not supported.`);
    case 'request.aborted':
      return blank(400, 'The request was aborted before its body was complete.');
    case 'request.size.invalid':
      return blank(400, 'The request body is shorter or longer than its Content-Length.');
    default:
      return undefined;
  }
}

function isBodyParserError(value: unknown): value is BodyParserError {
  return value instanceof Error && typeof (value as { type?: unknown }).type === 'string';
}

/** http-errors from express and its middleware carry a 4xx `status` and `expose: true` when the message is safe. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode, expose } = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose === true ? code : undefined;
}
