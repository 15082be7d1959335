import type { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { actingOrganisation, metadataFor, optionalIfMatch, requireIfMatch, setCommandHeaders } from '../../platform/index.js';
import { ChangeCollaborationCommand, type CollaborationCommandResult } from '../application/collaboration-commands.js';
import { toCollaborationView, type CollaborationView } from '../application/collaboration-view.js';

/** ETag (the collaboration's version) and X-Log-Position on every command's answer; 201 only when something was recorded. */
export function answerCommand(res: Response, result: CollaborationCommandResult, created = false): CollaborationView {
  const view = toCollaborationView(result.loaded);
  setCommandHeaders(res, view.version, result.position);
  if (created) res.status(result.position ? 201 : 200);
  return view;
}

/** Today as a calendar day (UTC): the default for "on" questions. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Runs a change for the acting organisation. Updates of what exists need `If-Match` (`required`: 428 without it);
 * records that create something take it optionally, and an Idempotency-Key or their own id makes retries safe.
 */
export function changeCollaboration(
  commands: CommandBus,
  command: ChangeCollaborationCommand['command'],
  ifMatch: string | undefined,
  ifMatchRule: 'required' | 'optional',
  reason?: string,
): Promise<CollaborationCommandResult> {
  const expected = ifMatchRule === 'required' ? requireIfMatch(ifMatch) : optionalIfMatch(ifMatch);
  return commands.execute(new ChangeCollaborationCommand(actingOrganisation(), command, metadataFor(reason), expected));
}
