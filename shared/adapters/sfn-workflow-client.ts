/** Starting approval executions and resuming waiting steps. */

import { SendTaskSuccessCommand, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

/** Errors that mean the waiting step is gone: it timed out, or was already resumed. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export class SfnWorkflowClient {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /**
   * Starts the execution named `name`. Standard workflows refuse a second
   * execution of the same name, so a replayed event cannot start the chain
   * twice; an existing execution counts as started.
   */
  async start(name: string, input: unknown): Promise<'started' | 'already-started'> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name,
          input: JSON.stringify(input),
        }),
      );
      return 'started';
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists')
        return 'already-started';
      throw error;
    }
  }

  /** Resumes a waiting step; 'gone' if it is no longer waiting. */
  async resume(taskToken: string, output: unknown): Promise<'resumed' | 'gone'> {
    try {
      await this.client.send(
        new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }),
      );
      return 'resumed';
    } catch (error) {
      if (error instanceof Error && GONE.has(error.name)) return 'gone';
      throw error;
    }
  }
}
