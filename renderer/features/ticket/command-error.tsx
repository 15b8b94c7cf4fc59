/** The service's answer to a refused command, shown next to the form that sent it; its message names the field. */
export function CommandError({ error }: { readonly error: Error | null }) {
  if (error === null) return null;
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
