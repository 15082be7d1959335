import { HttpException } from '@nestjs/common';
import { ProblemTypes, statusTitle, type FieldError, type ProblemDocument } from './problem-document.js';

export interface ProblemInit {
  readonly status: number;
  /** Defaults to `about:blank`. */
  readonly type?: string;
  /** Defaults to the status phrase. */
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** Extra members, e.g. `currentVersion` on a conflict. Cannot replace the standard members. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** Response headers that belong to the problem, e.g. `Retry-After` or `WWW-Authenticate`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * What application code throws to answer with a specific problem. It is an `HttpException`, so Nest's own
 * machinery (and any code that checks for one) treats it as a client-facing error with its status.
 */
export class ProblemException extends HttpException {
  readonly problem: ProblemDocument;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: ProblemInit, options?: { cause?: unknown }) {
    const problem: ProblemDocument = {
      ...init.extensions,
      type: init.type ?? ProblemTypes.blank,
      title: init.title ?? statusTitle(init.status),
      status: init.status,
      ...(init.detail !== undefined && { detail: init.detail }),
      ...(init.errors !== undefined && { errors: init.errors }),
    };
    super(problem, init.status, options);
    this.problem = problem;
    this.headers = init.headers ?? {};
    this.name = 'ProblemException';
  }

  static badRequest(detail: string, errors?: readonly FieldError[]): ProblemException {
    return new ProblemException({ status: 400, detail, errors });
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException({ status: 404, detail });
  }

  static conflict(detail: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException({ status: 409, detail, extensions });
  }

  static preconditionFailed(detail: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException({ status: 412, detail, extensions });
  }

  static unprocessable(detail: string, errors?: readonly FieldError[]): ProblemException {
    return new ProblemException({ status: 422, detail, errors });
  }

  static preconditionRequired(detail: string): ProblemException {
    return new ProblemException({ status: 428, detail });
  }
}
