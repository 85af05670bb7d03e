/** An instant as the newsroom's lists show it: UTC to the second, machine-readable in `datetime`. */
export function When(props: { readonly at: Date }) {
  return (
    <time dateTime={props.at.toISOString()}>{`${props.at.toISOString().replace('T', ' ').slice(0, 19)} UTC`}</time>
  );
}
