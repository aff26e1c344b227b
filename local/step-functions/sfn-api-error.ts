/**
 * An error the local endpoint answers with as AWS does: HTTP 400 and an AWS
 * JSON body whose `__type` the SDK v3 turns into the exception's `name`
 * (TaskDoesNotExist, ExecutionAlreadyExists, …), the names our adapters catch.
 */

export type SfnErrorType =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'InvalidArn'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'StateMachineDoesNotExist'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'SerializationException'
  | 'UnknownOperationException'
  | 'ValidationException';

export class SfnApiError extends Error {
  constructor(
    readonly type: SfnErrorType,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}
