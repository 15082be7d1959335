import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { loadPlatformConfig } from '../config/platform-config.js';
import { createPinoLogger } from '../logging/pino-logger.js';
import { ShutdownDeadline } from './shutdown-deadline.js';

describe('ShutdownDeadline', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  function deadline() {
    const config = loadPlatformConfig({ SHUTDOWN_TIMEOUT_MS: '5000' });
    return new ShutdownDeadline(config, createPinoLogger({ logLevel: 'silent' }));
  }

  it('exits the process when a signalled shutdown overruns its timeout', () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    deadline().beforeApplicationShutdown('SIGTERM');
    jest.advanceTimersByTime(4999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('sets no deadline when the app is closed from code', () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    deadline().beforeApplicationShutdown(undefined);
    jest.advanceTimersByTime(60_000);
    expect(exit).not.toHaveBeenCalled();
  });
});
