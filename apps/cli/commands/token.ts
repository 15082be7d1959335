import { issueDevelopmentToken } from '../../../libs/platform/auth/development-token.js';
import { TOKEN_ROLES } from '../../../libs/platform/auth/roles.js';
import { loadPlatformConfig } from '../../../libs/platform/index.js';
import { say, type CliIo } from '../cli-io.js';
import { UsageError } from '../exit-codes.js';

export interface TokenCommandOptions {
  readonly subject: string;
  readonly roles: string;
  readonly organisation: string;
  readonly department?: string;
  readonly ttl: number;
}

/** Prints a bearer token the service accepts on its embedded default (signed with the key pair in `DATA_DIR`). */
export async function tokenCommand(io: CliIo, options: TokenCommandOptions): Promise<void> {
  const roles = options.roles.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(TOKEN_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length) {
    throw new UsageError(`--roles must list roles from: ${TOKEN_ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  }
  const config = loadPlatformConfig(io.env);
  if (config.auth.jwksUrl || config.auth.publicKeyPem) {
    say(io, 'note: this configuration verifies tokens from an identity provider; the service will not accept this development token');
  }
  const token = await issueDevelopmentToken({
    dataDir: config.dataDir,
    subject: options.subject,
    roles,
    organisation: options.organisation,
    department: options.department,
    ttlSeconds: options.ttl,
  });
  io.stdout.write(`${token}\n`);
}
