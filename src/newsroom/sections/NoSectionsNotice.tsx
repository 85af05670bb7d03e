import { type Actor, can } from '../../news/roles.js';

/**
 * What the newsroom says where a story would be made but the site has no
 * section yet (a site started with `--no-demo`): every story belongs to one,
 * so the story editor and the wire inbox's "Create draft" point here instead
 * of offering a form that could only be refused.
 */
export function NoSectionsNotice(props: { readonly actor: Actor; readonly then: string }) {
  return (
    <p data-no-sections>
      There are no sections yet, and every story belongs to one.{' '}
      {can(props.actor.role, 'section.manage') ? (
        <>
          <a href="/admin/sections">Create a section</a> first, then come back to {props.then}.
        </>
      ) : (
        <>
          An editor can create one on the <a href="/admin/sections">Sections</a> page.
        </>
      )}
    </p>
  );
}
