/** Proposals as the call brings them in: drafted and submitted by the department, then in the portfolio. */
import { waitFor, type DemoActor, type DemoClient } from './demo-client.js';

/**
 * The department's proposal of that title, drafted with the whole form when there is none, and submitted when it is
 * still a draft. Answers its id.
 */
export async function ensureSubmittedProposal(client: DemoClient, actor: DemoActor, key: string, form: { readonly title: string; readonly departmentId: string }): Promise<string> {
  const list = await client.get<{ items: { id: string; title: string }[] }>(
    actor,
    `/v1/proposals?departmentId=${encodeURIComponent(form.departmentId)}&limit=100`,
    client.lastPosition,
  );
  let id = list.body.items.find((p) => p.title === form.title)?.id;
  if (id === undefined) {
    const drafted = await client.write<{ id: string }>(actor, 'POST', '/v1/proposals', { body: form, idempotencyKey: `demo:proposal:${actor.organisation}:${key}` });
    id = drafted.body.id;
  }
  const proposal = await client.get<{ status: string }>(actor, `/v1/proposals/${id}`);
  if (proposal.body.status === 'draft') {
    await client.write(actor, 'POST', `/v1/proposals/${id}/submit`, {
      body: { reason: 'Indsendt til porteføljen i årets indkaldelse af it-behov' },
      ifMatch: proposal.etag,
    });
  }
  return id;
}

/** A submitted proposal enters the portfolio by itself (a process manager follows the log): wait until it has. */
export async function inPortfolio(client: DemoClient, actor: DemoActor, proposalId: string): Promise<void> {
  await waitFor(`proposal ${proposalId} in the portfolio`, () => client.find(actor, `/v1/projects/${proposalId}`), client.signal);
}
