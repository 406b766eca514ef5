/** An error answered the way Cognito answers it: HTTP 400 (500 for internal errors) with `__type` and `message`. */
export class CognitoServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const notAuthorized = (message = 'Incorrect username or password.') =>
  new CognitoServiceError('NotAuthorizedException', message);
export const invalidParameter = (message: string) => new CognitoServiceError('InvalidParameterException', message);
export const userNotFound = () => new CognitoServiceError('UserNotFoundException', 'User does not exist.');
export const resourceNotFound = (message: string) => new CognitoServiceError('ResourceNotFoundException', message);
export const invalidSession = () => notAuthorized('Invalid session for the user.');
export const expiredSession = () => notAuthorized('Invalid session for the user, session is expired.');
