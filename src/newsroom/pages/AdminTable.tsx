import type { ComponentChildren } from 'preact';

/** A newsroom list: scrolls sideways on a narrow screen, one header row naming the columns, then the rows given. */
export function AdminTable(props: {
  readonly columns: readonly string[];
  /** Read to screen readers only, e.g. the order of the rows. */
  readonly caption?: string;
  /** The id of a heading that names the table. */
  readonly labelledBy?: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table aria-labelledby={props.labelledBy}>
        {props.caption !== undefined ? <caption class="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
