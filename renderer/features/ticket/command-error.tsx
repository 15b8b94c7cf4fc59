import { ApiError } from '../../../shared/client/api-error.ts';

/** The service's answer to a refused command, shown next to the form that sent it. */
export function CommandError({ error }: { readonly error: Error | null }) {
  if (error === null) return null;
  const field = error instanceof ApiError && error.field !== undefined ? `${error.field}: ` : '';
  return (
    <p role="alert" className="error">
      {field}
      {error.message}
    </p>
  );
}
