import type { Block, Item, NotesDocument } from '../../domain/exports/notes-document';

/** A notes document on screen and on paper: the same document the files are made from. */
export function DocumentView({ doc, headingId }: { doc: NotesDocument; headingId?: string }) {
  return (
    <div class="document">
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} {...(i === 0 && headingId ? { id: headingId } : {})} />
      ))}
    </div>
  );
}

function BlockView({ block, id }: { block: Block; id?: string }) {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${block.level}` as 'h1';
      return <Tag id={id}>{block.text}</Tag>;
    }
    case 'facts':
      return (
        <dl class="document__facts">
          {block.items.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'text':
      return (
        <div class="document__text">
          {block.label && <p class="document__label">{block.label}</p>}
          <p class="pre-line">{block.text}</p>
        </div>
      );
    case 'note':
      return <p class="document__note">{block.text}</p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <ItemView key={i} item={item} />
          ))}
        </List>
      );
    }
  }
}

function ItemView({ item }: { item: Item }) {
  return (
    <li>
      {item.strong && <strong>{item.strong}: </strong>}
      {item.text}
      {item.aside && <span class="document__aside"> ({item.aside})</span>}
      {item.details?.length ? (
        <ul>
          {item.details.map((d, i) => (
            <li key={i} class="pre-line">
              {d.label}: {d.text}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
